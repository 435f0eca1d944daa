import ESGScoring
import Quantities
import Tabular

/// The `price` job: ESG grades → margin adjustments (a grade → bps grid) and
/// sustainability-linked loan ratchets (LMA/APLMA/LSTA Sustainability-Linked Loan Principles
/// 2023: KPIs, targets, margin adjustment).
///
/// Without a grid the example grid is used and every row says `example`: it is not a price.
public struct PricingJob: Sendable {
  /// scores.csv of a ``ScoringJob``.
  public var scores: String?
  /// A pricing grid JSON file: {"id","example","note","adjustments":{"AAA":-15,…}}.
  public var grid: String?
  /// Ratchet terms JSON: {"kpis":[…],"cap_bps":10,"two_way":true}.
  public var ratchet: String?
  /// Observed KPI values (year,kpi,value), with ``ratchet``.
  public var observed: String?

  /// Whether the job seals its directory with manifest.json (a ``Pipeline`` seals the run's once).
  package var writesManifest = true

  /// A job with no inputs yet: set ``scores``, or ``ratchet`` and ``observed``.
  public init() {}

  /// Writes pricing.csv (with ``scores``) and ratchet.csv (with ``ratchet`` and ``observed``)
  /// and manifest.json to `out` (created if needed).
  ///
  /// - Throws: `OutputPlanError` when an output would overwrite an input; `InputError` for a
  ///   grade not in the grid or a KPI not in the terms; `MethodologyError` for unreadable JSON.
  public func run(writingTo out: String) throws {
    try OutputPlan(directory: out, files: ["pricing.csv", "ratchet.csv"])
      .check(inputs: [("scores", scores), ("grid", grid), ("ratchet", ratchet), ("observed", observed)])
    try FileSystem.createDirectory(out)
    if let scores {
      let table = try grid.map { try PricingGrid.decode(FileSystem.contents(of: $0), file: $0, methodology: .bundled) }
        ?? .example
      let w = try CSVWriter(path: out + "/pricing.csv", header: ["entity_id", "year", "grade", "adjustment_bps", "grid", "status"])
      let schema = TableSchema(name: "scores", columns: [
        ColumnSpec("entity_id", .identifier, required: true), ColumnSpec("year", .integer(1900...2100), required: true),
        ColumnSpec("grade", .identifier, required: true),
      ])
      try ReferenceTable.read(file: scores, schema: schema) { r, c in
        let grade = r.text(c["grade"])!
        guard let bps = table.adjustment(forGrade: grade) else {
          throw InputError(file: scores, message: "line \(r.line): grade \(grade) is not in grid \(table.id)")
        }
        w.writeRow([r.text(c["entity_id"])!, r.text(c["year"])!, grade, DecimalFormat.shortest(bps), table.id,
                    table.isExample ? "example" : "policy"])
      }
      try w.close()
    }
    if let ratchet, let observed {
      let terms = try MarginRatchet.decode(FileSystem.contents(of: ratchet), file: ratchet)
      var byYear: [Int: [String: Double]] = [:]
      let schema = TableSchema(name: "observed", columns: [
        ColumnSpec("year", .integer(1900...2100), required: true), ColumnSpec("kpi", .identifier, required: true),
        ColumnSpec("value", .decimal, required: true),
      ])
      try ReferenceTable.read(file: observed, schema: schema) { r, c in
        let kpi = r.text(c["kpi"])!
        guard terms.kpis.contains(where: { $0.key == kpi }) else {
          throw InputError(file: observed, message: "line \(r.line): KPI \(kpi) is not in the terms; known: "
            + terms.kpis.map(\.key).joined(separator: ", "))
        }
        byYear[Int(r.decimal(c["year"])!), default: [:]][kpi] = r.decimal(c["value"])!
      }
      let w = try CSVWriter(path: out + "/ratchet.csv", header: ["year", "kpi", "target", "observed", "status", "adjustment_bps"])
      for year in byYear.keys.sorted() {
        let (outcomes, total) = terms.evaluate(year: year, observed: byYear[year]!)
        for o in outcomes {
          w.writeRow([String(year), o.kpi, o.target.map(DecimalFormat.shortest) ?? "", o.observed.map(DecimalFormat.shortest) ?? "",
                      o.status, DecimalFormat.shortest(o.adjustmentBps)])
        }
        w.writeRow([String(year), "total", "", "", terms.twoWay ? "two-way, cap \(DecimalFormat.shortest(terms.capBps))"
                      : "one-way, cap \(DecimalFormat.shortest(terms.capBps))", DecimalFormat.shortest(total)])
      }
      try w.close()
    }
    guard writesManifest else { return }
    try Provenance.writeManifest(out: out, command: "price",
                                 inputs: [("scores", scores), ("grid", grid), ("ratchet", ratchet), ("observed", observed)],
                                 factorDigest: "")
  }
}
