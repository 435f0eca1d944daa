/// One catalogue item a loan matched, with how it matched and how its criteria fared: the
/// tagger ranks candidates by criteria not failed, then the stage the text names, then
/// criteria met by data, then the specificity of the match, and chooses the first.
public struct TagCandidate: Hashable, Sendable {
  /// The 2025 item's code.
  public let code: String
  /// `project_type power.wind` or `use_of_proceeds contains "风电"`.
  public let match: String
  /// The status the item alone would give.
  public let status: GreenTag.Status
  /// Quantitative criteria met by a number or category of the loan (a column or the text).
  public let criteriaMetByData: Int
  /// Characters of the matched keyword (0 for a structured match only).
  public let keywordLength: Int
  /// Whether the item's stage (manufacturing, trade, service, or none: building and operating)
  /// is the one the text names.
  public let matchesStage: Bool
  /// Each criterion's outcome.
  public let evidence: [String]
  /// What would be needed for the item to be `aligned`.
  public let missingEvidence: [String]

  /// `6.6.2 eligible (1 criterion met by data; use_of_proceeds contains "数据中心")`.
  public var summary: String {
    let met = criteriaMetByData == 1 ? "1 criterion met by data" : "\(criteriaMetByData) criteria met by data"
    return "\(code) \(status.rawValue) (\(met); \(match))"
  }

  /// Orders candidates: criteria not failed first, then the stage of the text, then more
  /// criteria met by data, then the longer keyword.
  func ranks(before other: TagCandidate) -> Bool {
    let failed = status == .notEligible, otherFailed = other.status == .notEligible
    if failed != otherFailed { return !failed }
    if matchesStage != other.matchesStage { return matchesStage }
    if criteriaMetByData != other.criteriaMetByData { return criteriaMetByData > other.criteriaMetByData }
    return keywordLength > other.keywordLength
  }
}
