/// How an item's tagging works: which structured activities and which words point to it,
/// which phrases veto it, and its criteria. A keyword `A+B` matches when both parts occur.
public struct TagRule: Hashable, Sendable {
  /// The level-3 2025 item the rule tags.
  public let code: String
  /// Structured activities (`project_type`) that point to the item.
  public let projectTypes: [String]
  /// The item's checkable criteria, all of which must hold for `aligned`.
  public let criteria: [Criterion]
  /// Lower-cased keywords, Chinese and English.
  public let keywords: [String]
  /// Lower-cased phrases any one of which vetoes the item.
  public let exclusions: [String]
  /// Whether the activity replaces fossil fuels, so that naming them (替代燃煤锅炉) does not veto it.
  public let isFossilSubstitution: Bool
  /// `renewable_generation`, `energy_saving`, `vehicle` or `none`.
  public let reduction: String
  /// The item's 条件/标准 the rule encodes, condensed, for a reviewer.
  public let note: String
}
