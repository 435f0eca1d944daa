public import LoanBook
public import Quantities

/// Why a loan that was read and accepted carries no financed emissions.
public enum UnscoredReason: String, CaseIterable, Hashable, Sendable {
  /// No denominator for the attribution factor (EVIC, equity + debt, total assets,
  /// project value, property value, GDP).
  case noAttribution = "no_attribution"
  /// No emissions: nothing reported, no carbon account, no matching sector intensity,
  /// no building energy, no vehicle data, no country data.
  case noEmissions = "no_emissions"
}

/// The financed emissions of one loan (PCAF Part A), with how each number was obtained.
public struct FinancedEmission: Hashable, Sendable {
  /// The loan's `loan_id`.
  public let loanID: LoanID
  /// The loan's `borrower_id`; `nil` when it names none.
  public let borrowerID: EntityID?
  /// The PCAF asset class of the loan.
  public let assetClass: AssetClass
  /// GB/T 4754 code of the borrower, when there is one.
  public let sector: String?
  /// Outstanding in the reporting currency.
  public let outstanding: Double
  /// Outstanding / denominator, capped at 1 (see ``flags``); `nil` for option 3b estimates
  /// (no attribution factor) and for loans without a denominator.
  public var attributionFactor: Double?
  /// What the attribution divided by: `evic`, `equity+debt`, `total_assets`,
  /// `project_value`, `property_value`, `vehicle_value`, `vehicle_value_unknown`, `gdp_ppp`.
  public var attributionBasis: String?
  /// Financed emissions, tCO2e. Scope 1 and 2 are `nil` when the source gives only their sum.
  public var scope1: Double?
  /// Financed scope 2, tCO2e; `nil` when the source gives only the scope 1 + 2 sum.
  public var scope2: Double?
  /// Scope 1 + 2, for every scored loan.
  public var scope12: Double?
  /// Financed scope 3, tCO2e, kept apart; `nil` when none is known or there is no attribution factor.
  public var scope3: Double?
  /// Sovereign debt: scope 1 including LULUCF (reported beside the mandatory excluding figure).
  public var scope1IncludingLULUCF: Double?
  /// PCAF data-quality score 1 (best) … 5 of the scope 1+2 figure, and of scope 3.
  public var dataQuality: Int?
  /// PCAF data-quality score 1 (best) … 5 of the scope 3 figure.
  public var dataQualityScope3: Int?
  /// The PCAF data option (`1a`, `1b`, `2a`, `3a`, `3b`) and source of the emissions.
  public var emissionsOption: String?
  /// Where the emissions came from: `reported <year>, verified`, `carbon account <year>`, `sector intensity <id>`, …
  public var emissionsSource: String?
  /// The borrower's (or asset's) emissions intensity per million of revenue, for WACI.
  public var revenueIntensity: Double?
  /// Set when the loan is not scored.
  public var unscored: UnscoredReason?
  /// What is missing, for an unscored loan.
  public var detail: String?
  /// `attribution_capped` when outstanding exceeded the denominator.
  public var flags: [String] = []

  /// Creates a result with only the loan's identity and `outstanding` (reporting currency) set.
  public init(loanID: LoanID, borrowerID: EntityID?, assetClass: AssetClass, sector: String?, outstanding: Double) {
    self.loanID = loanID
    self.borrowerID = borrowerID
    self.assetClass = assetClass
    self.sector = sector
    self.outstanding = outstanding
  }

  /// Whether the loan is scored: no ``unscored`` reason and a scope 1 + 2 figure.
  public var isScored: Bool { unscored == nil && scope12 != nil }

  /// The `method` column: attribution basis and data option, `equity+debt|1b`.
  public var method: String {
    [attributionBasis ?? "-", emissionsOption ?? "-"].joined(separator: "|")
  }
}
