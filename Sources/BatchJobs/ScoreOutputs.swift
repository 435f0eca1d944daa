import ESGScoring
import Quantities
import Tabular

/// The files of a ``ScoringJob``: scores.csv, explanations.csv, rejects.csv and summary.json.
struct ScoreOutputs {
  let result: ScoringResult

  static let scoreColumns = [
    "entity_id", "year", "e_score", "s_score", "g_score", "total", "grade", "coverage", "methodology_version", "sector_group",
  ]
  static let explanationColumns = [
    "entity_id", "year", "pillar", "indicator", "raw_value", "score", "weight", "contribution", "note",
  ]

  func write(to out: String) throws {
    let w = try CSVWriter(path: out + "/scores.csv", header: Self.scoreColumns)
    let x = try CSVWriter(path: out + "/explanations.csv", header: Self.explanationColumns)
    for s in result.scores {
      w.writeRow([s.entityID, String(s.year), DecimalFormat.fixed(s.environmental, places: 2),
                  DecimalFormat.fixed(s.social, places: 2), DecimalFormat.fixed(s.governance, places: 2),
                  DecimalFormat.fixed(s.total, places: 4), s.grade, DecimalFormat.fixed(s.coverage, places: 4),
                  s.methodologyVersion, s.sectorGroup])
      for c in s.contributions {
        x.writeRow([s.entityID, String(s.year), c.pillar, c.key, c.raw.map(DecimalFormat.shortest) ?? "",
                    DecimalFormat.fixed(c.score, places: 4), DecimalFormat.trimmed(c.weight, places: 6),
                    DecimalFormat.fixed(c.contribution, places: 4), c.note])
      }
    }
    try w.close()
    try x.close()
    let rejects = try RejectsWriter(path: out + "/rejects.csv")
    for (e, raw) in result.rejects { rejects.reject(e, raw: raw) }
    try rejects.close()
    let method = result.methodology
    let grades = method.grades.map { g in (g.grade, JSONValue.int(result.scores.filter { $0.grade == g.grade }.count)) }
    let summary = JSONValue.object([
      ("command", .string("score")),
      ("rows", .object([("read", .int(result.esgRead)), ("accepted", .int(result.esgRead - result.esgRejected)),
                        ("rejected", .int(result.esgRejected))])),
      ("entities", .object([("read", .int(result.entitiesRead)), ("rejected", .int(result.entitiesRejected))])),
      ("scores", .int(result.scores.count)),
      ("grades", .object(grades)),
      ("methodology", .string("\(method.id)@\(method.version)")),
    ])
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
  }
}
