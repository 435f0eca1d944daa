import ESGScoring
import Quantities
import FactorTables
import Integrity
import Tabular
import Tagging

/// summary.json of a ``Pipeline``: each stage's rows, the run's rows by input file, the
/// stages' totals, and the provenance (factor set, datasets, methodologies, input digests).
struct RunSummary {
  let result: PipelineResult
  let inputs: [OutputManifest.Entry]
  let factors: FactorSet
  let methodology: ScoringMethodology
  /// The run's reporting date.
  let reportingDay: Day
  /// The carbon accounts' sums by year (`nil` without activities).
  let accountTotals: AccountTotals?
  /// Financed emissions against the previous period (`nil` without one).
  let change: JSONValue?

  /// The members of green_summary.json that are the green book's totals (its breakdown by
  /// category stays in green_summary.json).
  static let greenTotals = [
    "taxonomy", "loans", "aligned", "eligible", "book_balance_cny", "green_balance_cny", "green_share",
    "annual_reduction_tco2", "attributed_annual_reduction_tco2", "standard_coal_saved_tce",
  ]

  /// The stages' totals: accounts by year, the portfolio's financed emissions and metrics (as
  /// the finance stage's summary.json has them), the green book's balance, share and reductions.
  var totals: JSONValue {
    var members: [(String, JSONValue)] = [("reporting_date", .string("\(reportingDay)"))]
    if let accountTotals { members.append(("accounts_by_year", accountTotals.json)) }
    if let portfolio = result.financing?.summary["portfolio"] {
      members.append(("reporting_currency", .string("CNY")))
      members.append(("financed", portfolio))
    }
    if let change { members.append(("change_vs_previous", change)) }
    if let green = result.tagging?.greenSummary, case .object = green {
      members.append(("green", .object(green.members.filter { Self.greenTotals.contains($0.0) })))
    }
    return .object(members)
  }

  /// (read, accepted, rejected) of each stage that ran, in order.
  var stageRows: [(String, (read: Int, accepted: Int, rejected: Int))] {
    var rows: [(String, (read: Int, accepted: Int, rejected: Int))] = []
    if let a = result.accounting { rows.append(("account", (a.counts.read, a.counts.accepted, a.counts.rejected))) }
    if let s = result.scoring { rows.append(("score", (s.esgRead, s.esgRead - s.esgRejected, s.esgRejected))) }
    if let t = result.tagging { rows.append(("tag", (t.read, t.statistics.loans, t.rejected))) }
    if let f = result.financing { rows.append(("finance", (f.read, f.accepted, f.rejected))) }
    return rows
  }

  func json() -> JSONValue {
    // Rows by input file: each file is counted once, by the stage that owns it (activities,
    // esg, loans; borrowers by finance).
    var read = 0
    var accepted = 0
    for (stage, rows) in stageRows where stage != "tag" {
      read += rows.read
      accepted += rows.accepted
    }
    if let f = result.financing {
      read += f.borrowersRead
      accepted += f.borrowersRead - f.borrowersRejected
    }
    let digests = inputs.map { e in (e.role ?? "", JSONValue.object([
      ("file", .string(FileSystem.baseName(e.path))), ("sha256", .string("sha256:" + e.sha256)),
    ])) }
    return .object([
      ("command", .string("run")),
      ("rows", .object([("read", .int(read)), ("accepted", .int(accepted)), ("rejected", .int(read - accepted))])),
      ("distinct_rejected_rows", .int(result.distinctRejectedRows)),
      ("stages", .object(stageRows.map { s, r in
        (s, .object([("read", .int(r.read)), ("accepted", .int(r.accepted)), ("rejected", .int(r.rejected))]))
      })),
      ("totals", totals),
      ("factor_set_digest", .string(factors.digest)),
      ("datasets", .array(factors.manifest.datasets.map { .string("\($0.id)@\($0.version)") })),
      ("methodologies", .object([
        ("esg_score", .string("\(methodology.id)@\(methodology.version)")),
        ("green_tagging", .string(Catalogue.bundled.ruleVersion)),
        ("financed_emissions", .string("PCAF Part A 2nd edition (2022)")),
        ("carbon_reduction", .string("原中国银监会《绿色信贷项目节能减排量测算指引》(2013): "
          + "generation × grid factor, energy saved × coal factor")),
      ])),
      ("inputs", .object(digests)),
    ])
  }
}
