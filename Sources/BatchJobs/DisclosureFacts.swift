public import Tabular
import Tagging

/// The figures a run computed, by path (`finance/by_asset_class/mortgage/financed_scope12_tco2e`),
/// each as the run's summaries print it, with the output rows it was summed from: what a
/// disclosure template's cells are filled with.
public struct DisclosureFacts: Sendable {
  /// A figure's text (a JSON number or string as written), or `nil` where the run wrote `null`.
  private var values: [String: String?] = [:]

  /// The figures of a run's summaries: `finance` is the finance stage's summary.json, `green`
  /// green_summary.json, `accountsByYear` the run's accounts summed by year, `change` the
  /// financed emissions against the previous period, `ownOperations` the latest year of the
  /// institution's own carbon account (`{"year": …, "scope1_tco2e": …}`), `methods` the methods'
  /// names by what they compute (any may be `nil`).
  public init(finance: JSONValue?, green: JSONValue?, accountsByYear: JSONValue?, change: JSONValue? = nil,
              ownOperations: JSONValue? = nil, methods: JSONValue? = nil) {
    for (prefix, value) in [("finance", finance), ("green", green), ("accounts_by_year", accountsByYear), ("change", change),
                            ("own_operations", ownOperations), ("method", methods)] {
      if let value { flatten(value, at: prefix) }
    }
  }

  private mutating func flatten(_ value: JSONValue, at path: String) {
    switch value {
    case .object(let members): for (k, v) in members { flatten(v, at: path + "/" + k) }
    case .array: break
    case .null: values[path] = .some(nil)
    case .bool(let b): values[path] = b ? "true" : "false"
    case .int(let i): values[path] = String(i)
    case .number(let n): values[path] = n
    case .string(let s): values[path] = s
    }
  }

  /// Whether the run has a figure (possibly `null`) at `path`.
  public func has(_ path: String) -> Bool { values[path] != nil }

  /// The figure at `path`, `nil` when absent or `null`.
  public func text(at path: String) -> String? { values[path] ?? nil }

  /// The keys directly under `prefix`, in the order a disclosure lists them (catalogue codes
  /// numerically, other keys by their text).
  public func keys(under prefix: String) -> [String] {
    let start = prefix + "/"
    var keys = Set<String>()
    for path in values.keys where path.hasPrefix(start) {
      let rest = path.dropFirst(start.count)
      // Catalogue codes contain dots, never slashes: the key ends at the next slash.
      keys.insert(String(rest.prefix { $0 != "/" }))
    }
    return keys.sorted { $0.precedesNumerically($1) }
  }

  /// Where the figure at `path` comes from: the output file and the rows it sums.
  public func source(of path: String) -> String {
    let parts = path.split(separator: "/").map(String.init)
    guard parts.count >= 2 else { return path }
    switch (parts[0], parts[1]) {
    case ("finance", "portfolio"):
      return "financed.csv, all accepted loans (summary.json portfolio.\(parts.dropFirst(2).joined(separator: ".")))"
    case ("finance", "by_asset_class") where parts.count > 2:
      return "financed.csv rows with asset_class = \(parts[2])"
    case ("finance", "by_sector_section") where parts.count > 2:
      return "financed.csv rows whose borrower's GB/T 4754 code is in section \(parts[2])"
    case ("finance", "scope3_phase_in") where parts.count > 2 && ["required", "not_yet_required"].contains(parts[2]):
      return "financed.csv rows whose borrower's sector PCAF's scope 3 phase-in \(parts[2] == "required" ? "requires" : "does not yet require") "
        + "in the reporting year (pcaf-scope3-phase-in.csv)"
    case ("finance", "scope3_phase_in"):
      return "pcaf-scope3-phase-in.csv, the phases in force in the reporting year"
    case ("green", "by_category") where parts.count > 2:
      return "tags.csv CN rows with status aligned and a 2025 code under \(parts[2])"
    case ("green", "by_ghg_marker") where parts.count > 2:
      return "tags.csv CN rows with status aligned and GHG marker \(parts[2])"
    case ("green", _):
      return "tags.csv CN rows and loans.csv outstanding (green_summary.json \(parts.dropFirst().joined(separator: ".")))"
    case ("change", _):
      return "change.csv, every loan scored in either period (previous run's financed.csv and this run's)"
    case ("own_operations", _):
      return "accounts.csv row of the institution's own entity in its latest period (lines.csv has its lines)"
    case ("method", _):
      return "the method GreenLedger applies (summary.json methodologies; README)"
    case ("accounts_by_year", _):
      return "accounts.csv rows of period \(parts[1])"
    default:
      return path
    }
  }
}
