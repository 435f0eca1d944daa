import Tabular

/// Each entity's latest carbon-efficiency grade and level, from accounts.csv.
enum CarbonGrades {
  static let schema = TableSchema(name: "accounts", columns: [
    ColumnSpec("entity_id", .identifier, required: true), ColumnSpec("period", .period, required: true),
    ColumnSpec("scope1_tco2e", .nonNegativeDecimal, required: true), ColumnSpec("total_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("carbon_grade", .integer(1...5)), ColumnSpec("carbon_level", .text),
  ])

  /// Enterprise id → (grade, level) of its latest year.
  static func read(file path: String) throws -> [String: (Int?, String?)] {
    var latest: [String: (Int, Int?, String?)] = [:]
    try ReferenceTable.read(file: path, schema: schema) { r, c in
      let id = r.outputText(c["entity_id"])!
      let year = Int(r.text(c["period"])!.prefix(4))!
      if (latest[id]?.0 ?? Int.min) < year {
        latest[id] = (year, r.decimal(c["carbon_grade"]).map { Int($0) }, r.text(c["carbon_level"]))
      }
    }
    return latest.mapValues { ($0.1, $0.2) }
  }
}
