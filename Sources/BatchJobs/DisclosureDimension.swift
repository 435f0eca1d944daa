import FactorTables

/// What a template row repeats over: the keys the run's figures have under one prefix, in
/// order (a disclosure lists each class or section the book has, and no other).
public enum DisclosureDimension: String, Sendable, CaseIterable {
  /// GB/T 4754-2017 sections of the borrowers (`C`, `D`; `-` for loans without one).
  case sectorSection = "sector_section"
  /// First-level classes of the 2025 catalogue (`4`).
  case catalogueLevel1 = "catalogue_level1"
  /// Second-level classes of the 2025 catalogue (`4.2`).
  case catalogueLevel2 = "catalogue_level2"
  /// The 2025 catalogue's GHG markers (`√√`, `√`, `mixed`, `none`).
  case ghgMarker = "ghg_marker"
  /// Reporting years of the carbon accounts.
  case reportingYear = "reporting_year"

  /// The figures' path the keys are found under.
  var prefix: String {
    switch self {
    case .sectorSection: "finance/by_sector_section"
    case .catalogueLevel1, .catalogueLevel2: "green/by_category"
    case .ghgMarker: "green/by_ghg_marker"
    case .reportingYear: "accounts_by_year"
    }
  }

  /// Whether `key`, found under ``prefix``, belongs to this dimension.
  func contains(_ key: String) -> Bool {
    switch self {
    case .catalogueLevel1: !key.contains(".")
    case .catalogueLevel2: key.split(separator: ".").count == 2
    default: true
    }
  }

  /// The name of `key` in Chinese (`zh`) or English, where the dimension names its keys.
  func name(of key: String, chinese: Bool, in facts: DisclosureFacts) -> String {
    switch self {
    case .sectorSection where key == "-": chinese ? "（借款人无行业代码）" : "(borrower without a sector code)"
    case .sectorSection: chinese ? (IndustryClassification.sectionNames[key] ?? "") : ""
    case .catalogueLevel1, .catalogueLevel2: facts.text(at: "\(prefix)/\(key)/\(chinese ? "name" : "name_en")") ?? ""
    default: ""
    }
  }
}
