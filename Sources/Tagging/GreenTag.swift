/// The result of tagging one loan under one taxonomy.
public struct GreenTag: Hashable, Sendable {
  /// How far a loan meets the taxonomy.
  public enum Status: String, Hashable, Sendable {
    case aligned, eligible, notEligible = "not_eligible", insufficientData = "insufficient_data"
  }

  /// The loan's `loan_id`.
  public let loanID: String
  /// `CN-GFC-2025`, `CN-GIC-2019` (loans approved before the 2025 catalogue), `CN-GBC-2021`
  /// (bonds approved before it) or `EU-TAXONOMY`.
  public var taxonomy: String
  /// The code matched under `taxonomy`, `nil` when none.
  public var code: String?
  /// The matched item's name (Chinese) or EU activity's name.
  public var name: String?
  /// How far the loan meets the matched item.
  public var status: Status
  /// What was matched and each criterion's outcome, `; `-separated.
  public var evidence: [String] = []
  /// What would be needed to reach `aligned`.
  public var missingEvidence: [String] = []
  /// `declared_code_contradicts_evidence`, `declared_code_unknown`, `declared_code_expired`,
  /// `green_claim_by_high_carbon_borrower`.
  public var flags: [String] = []
  /// 2025 GHG marker of the item: `√√` direct, `√` enabling.
  public var ghgMarker: String?
  /// The 2025 catalogue item matched, also for a loan tagged under the 2021 standard.
  public var code2025: String?
  /// Project-level annual CO2 reduction, tonnes, and the bank's share (outstanding / project value).
  public var annualReduction: Double?
  /// The bank's share of `annualReduction` (outstanding / project value, at most 1), tonnes.
  public var attributedReduction: Double?
  /// Standard coal the project saves per year, tce (energy-saving items).
  public var standardCoalSavedTCE: Double?
  /// Version of the rules that gave the tag (`cn-gfc-2025-rules@2026.2`).
  public var ruleVersion: String
  /// Every item that matched, best first (the first is `code2025`), with the evidence for each.
  public var candidates: [TagCandidate] = []
}
