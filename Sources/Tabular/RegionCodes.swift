import Quantities

/// The ISO 3166 codes that regions and countries in the data contract may take (DESIGN.md:
/// "Regions are ISO 3166-1 alpha-2 or ISO 3166-2"), with the nearest valid code for a typo.
///
/// The code lists are data (`ISO3166Codes`, generated from the iso-codes project's tables).
public enum RegionCodes {
  static let countries: Set<String> = Set(ISO3166Codes.countries.split(whereSeparator: \.isWhitespace).map(String.init))
  static let subdivisions: Set<String> = Set(ISO3166Codes.subdivisions.split(whereSeparator: \.isWhitespace).map(String.init))
  static let gridRegions: Set<String> = Set(GridRegionCodes.all.split(whereSeparator: \.isWhitespace).map(String.init))

  /// Whether `code` is an ISO 3166-1 alpha-2 country code.
  public static func isCountry(_ code: String) -> Bool { countries.contains(code) }

  /// Whether `code` is a country code, an ISO 3166-2 subdivision code or a grid region of the
  /// factor tables (`CN-GRID-EAST`, `US-EGRID-CAMX`).
  public static func isRegion(_ code: String) -> Bool {
    countries.contains(code) || subdivisions.contains(code) || gridRegions.contains(code)
  }

  /// The country of a region code (`CN` of `CN-ZJ`).
  public static func country(of region: String) -> Substring { region.prefix(2) }

  /// The valid code nearest to `code` by edit distance (at most 2), preferring the same
  /// country's subdivisions: `CN-ZJJ` → `CN-ZJ`, `CN-XX` → `CN-XJ`.
  public static func nearest(to code: String) -> String? {
    let prefix = String(code.prefix(3))
    let regions = subdivisions.union(gridRegions)
    let pool = code.count > 2 ? regions.filter { $0.hasPrefix(prefix) } : countries
    let candidates = (pool.isEmpty ? regions : pool).sorted()
    var best: (String, Int)?
    let a = Array(code.utf8)
    for c in candidates {
      let d = EditDistance.between(a, c.utf8)
      if d <= 2, d < (best?.1 ?? .max) { best = (c, d) }
    }
    return best?.0
  }

  /// The code of a region written by name — `浙江`, `浙江省`, `Zhejiang`, `zhejiang province`,
  /// `香港`, `Germany` — or `nil` (`ISO3166Names`; letter case and surrounding blanks ignored).
  public static func code(named name: String) -> String? {
    ISO3166Names.codes[name.trimmingBlanks.lowercased()]
  }
}
