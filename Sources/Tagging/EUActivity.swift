/// An EU taxonomy activity the tagger knows.
public struct EUActivity: Hashable, Sendable {
  /// Section of Annex I of the Climate Delegated Act (`4.1`, `7.7`).
  public let code: String
  /// The activity's name in Annex I.
  public let name: String
  /// Structured activities (`project_type`) that point to the activity.
  public let projectTypes: [String]
  /// GB/T 4754 prefixes of borrowers whose own activity this is (3.7 cement: C3011).
  public let sectors: [String]
  /// Keywords (lower-cased) of the use of proceeds that point to the activity.
  public let keywords: [String]
  /// The substantial-contribution criteria that data can decide, all of which must hold.
  public let criteria: [Criterion]
  /// 2025 catalogue items the Common Ground Taxonomy maps to this activity, where it does.
  public let commonGroundCodes: [String]
  /// The Climate Delegated Act (2021/2139) text behind the criteria, quoted, and where it was read.
  public let source: String
}
