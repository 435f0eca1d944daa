public import LoanBook

/// One loan's financed emissions at one reporting date, as financed.csv gives them: what a
/// period-to-period comparison (``EmissionsChange``) needs.
public struct FinancedPosition: Sendable, Hashable {
  /// The loan.
  public var loanID: LoanID
  /// Outstanding at the reporting date, CNY.
  public var outstanding: Double
  /// The attribution factor (outstanding / EVIC, equity + debt, property value, …), `nil` when unscored.
  public var attribution: Double?
  /// Financed scope 1 + 2, tCO2e, `nil` when unscored.
  public var financed: Double?

  /// A position; `attribution` and `financed` are `nil` for an unscored loan.
  public init(loanID: LoanID, outstanding: Double, attribution: Double?, financed: Double?) {
    self.loanID = loanID
    self.outstanding = outstanding
    self.attribution = attribution
    self.financed = financed
  }

  /// Whether the loan has financed emissions with a positive attribution factor.
  public var isScored: Bool { financed != nil && (attribution ?? 0) > 0 }
}
