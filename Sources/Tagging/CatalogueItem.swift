/// One item of a Chinese green catalogue.
public struct CatalogueItem: Hashable, Sendable {
  /// `4.2.1` (2025), `3.2.2.1` (2021) or `3.2.2` (2019).
  public let code: String
  /// Depth in the catalogue: 1 for a first-level class.
  public let level: Int
  /// The item's Chinese name, as the catalogue gives it.
  public let nameZH: String
  /// The item's English name.
  public let nameEN: String
  /// Code of the item one level up, `nil` at level 1.
  public let parent: String?
  /// 2025: `√√` direct reduction, `√` low-carbon enabling, empty, or `mixed(…)`.
  public let ghgMarker: String
  /// The 国民经济行业 classes the item lists (`4415 风力发电; 4874 …`).
  public let industries: String
  /// 条件/标准 and 备注 (2019: 解释说明), as transcribed.
  public let criteria: String

  /// The first-level code (`4` of `4.2.1`).
  public var firstLevel: String { String(code.prefix { $0 != "." }) }

  /// The second-level code (`4.2` of `4.2.1`), or the code itself at level 1.
  public var secondLevel: String { code.split(separator: ".").prefix(2).joined(separator: ".") }
}
