package import FinancedEmissions
import LoanBook
import Quantities
package import Tabular

/// A run's financed emissions against the previous period's (`--previous DIR`): both
/// financed.csv files read, the change split by ``EmissionsChange``, change.csv written and the
/// totals for summary.json, the disclosures and the report.
package struct PeriodComparison: Sendable {
  /// The loan-by-loan change.
  package let change: EmissionsChange
  /// The previous run's directory, as given.
  package let previousDirectory: String

  /// Compares `previous/financed.csv` with `current` (a financed.csv).
  ///
  /// - Throws: `InputError` when either file cannot be read or lacks a column it needs.
  package init(previous: String, current: String) throws {
    previousDirectory = previous
    change = EmissionsChange(previous: try Self.positions(previous + "/financed.csv"), current: try Self.positions(current))
  }

  /// The positions of a financed.csv that GreenLedger wrote.
  static func positions(_ path: String) throws -> [FinancedPosition] {
    var columns: [String: Int]?
    var positions: [FinancedPosition] = []
    try CSVReader.read(file: path) { r in
      guard let c = columns else {
        let header = r.outputStrings.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for name in ["loan_id", "attribution_factor", "financed_scope12_tco2e", "outstanding_cny"] where index[name] == nil {
          throw InputError(file: path, message: "line 1: lacks column \(name); not a financed.csv of GreenLedger")
        }
        columns = index
        return
      }
      positions.append(FinancedPosition(
        loanID: LoanID(r.outputText(c["loan_id"]) ?? ""), outstanding: r.decimal(c["outstanding_cny"]) ?? 0,
        attribution: r.decimal(c["attribution_factor"]), financed: r.decimal(c["financed_scope12_tco2e"])))
    }
    return positions
  }

  /// change.csv: per loan scored in either period, its status, financed scope 1 + 2 before and
  /// now, the change and its three effects (tCO2e).
  package func writeLoans(to path: String, byteOrderMark: Bool) throws {
    let w = try CSVWriter(path: path, header: ["loan_id", "status", "previous_financed_scope12_tco2e",
                                               "financed_scope12_tco2e", "change_tco2e", "outstanding_effect_tco2e",
                                               "value_effect_tco2e", "emissions_effect_tco2e"], byteOrderMark: byteOrderMark)
    func t(_ x: Double) -> String { DecimalFormat.fixed(x, places: 6) }
    for l in change.loans {
      w.writeRow([l.loanID.rawValue, l.status.rawValue, t(l.previous), t(l.current), t(l.change), t(l.outstandingEffect),
                  t(l.valueEffect), t(l.emissionsEffect)])
    }
    try w.close()
  }

  /// The totals as summary.json and the disclosures carry them.
  package var json: JSONValue {
    let t = change.totals
    func n(_ x: Double) -> JSONValue { .number(DecimalFormat.fixed(x, places: 6)) }
    return .object([
      ("previous_financed_scope12_tco2e", n(t.previous)), ("financed_scope12_tco2e", n(t.current)),
      ("change_tco2e", n(t.change)), ("entering_tco2e", n(t.entering)), ("leaving_tco2e", n(t.leaving)),
      ("outstanding_effect_tco2e", n(t.outstandingEffect)), ("value_effect_tco2e", n(t.valueEffect)),
      ("emissions_effect_tco2e", n(t.emissionsEffect)),
      ("loans", .object([
        ("continuing", .int(change.loans.filter { $0.status == .continuing }.count)),
        ("entering", .int(change.loans.filter { $0.status == .entering }.count)),
        ("leaving", .int(change.loans.filter { $0.status == .leaving }.count)),
      ])),
      ("method", .string("PCAF Part A 3rd ed. Box 6.1-3 fluctuation analysis; order outstanding → value → emissions, "
        + "emissions effect the remainder; change.csv per loan")),
    ])
  }
}
