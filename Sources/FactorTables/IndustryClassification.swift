import Tabular

/// The industry code lists GreenLedger uses, read from cited data files (Standards/, compiled
/// in by scripts/embed-standards): GB/T 4754-2017 sections and the classes IPCC 2006 counts as
/// energy industries.
public enum IndustryClassification {
  /// GB/T 4754-2017 section (门类) names by their letter, A … T (gbt4754-sections.csv).
  public static let sectionNames: [String: String] = table("gbt4754-sections.csv", key: "section", value: "name")

  /// The English names of the sections that the National Bureau of Statistics publishes
  /// (gbt4754-sections.csv `name_en`, each with its source); a section without one is absent.
  public static let sectionNamesEN: [String: String] = table("gbt4754-sections.csv", key: "section", value: "name_en")
    .filter { !$0.value.isEmpty }

  /// GB/T 4754-2017 class prefixes whose stationary combustion is "energy industries" (IPCC 2006
  /// Vol. 2, category 1.A.1, CH4 and N2O defaults of Table 2.2); other sectors take Table 2.3
  /// (manufacturing and construction). From ipcc-energy-industries.csv.
  public static let energyIndustryPrefixes: [String] = table("ipcc-energy-industries.csv", key: "sector_prefix",
                                                               value: "name").keys.sorted()

  /// Whether GB/T 4754 code `sector` (e.g. `D4411`) is an energy industry.
  public static func isEnergyIndustry(_ sector: String) -> Bool {
    energyIndustryPrefixes.contains { sector.hasPrefix($0) }
  }

  /// Column `key` → column `value` of a bundled table (the tables are checked by tests).
  private static func table(_ name: String, key: String, value: String) -> [String: String] {
    var header: [String] = []
    var result: [String: String] = [:]
    _ = try? CSVReader.read(bytes: BundledStandards.files[name] ?? []) { r in
      guard !header.isEmpty else { header = r.strings; return }
      let fields = r.strings
      if let k = header.firstIndex(of: key), let v = header.firstIndex(of: value), k < fields.count, v < fields.count {
        result[fields[k]] = fields[v]
      }
    }
    return result
  }
}
