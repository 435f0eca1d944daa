import Accounting
import Quantities
import Tabular

/// Last period's accounts restated (GHG Protocol Corporate Standard ch. 5: recalculation for a
/// new factor edition, corrected activity data, a boundary change): the accounts of an earlier
/// `account` or `run` output directory beside this run's, per entity-year and per line, with
/// the cause of every change and each side's factor-set digest. The earlier directory is only
/// read, never written.
///
/// Lines are matched by entity, period, activity, facility, scope, scope 2 method, category and
/// gas (the n-th such line of the earlier file with the n-th of this one). A matched line whose
/// factor (id or version) changed is a **factor edition**; whose activity quantity (the start
/// of its formula) changed, an **activity correction**; a line of a facility that one side does
/// not have at all is a **boundary change**; other lines present on one side only are activity
/// rows added or removed.
struct AccountRestatement {
  /// One side's line: what is compared.
  struct Line {
    var co2e: String
    var factor: String
    var quantity: String
    var source: String
  }

  /// One side's accounts.csv row.
  struct Account {
    var figures: [String: String]
  }

  /// One side: its lines by key, in file order, and its accounts by entity-year.
  struct Side {
    var lines: [(key: String, line: Line)] = []
    var accounts: [String: Account] = [:]
    var facilities: Set<String> = []  // "entity|year|facility"
    var digest = ""
  }

  static let lineKeyColumns = ["entity_id", "period", "activity", "facility_id", "scope", "scope2_method", "category", "gas"]
  static let accountFigures = ["total_tco2e", "scope1_tco2e", "scope2_location_tco2e", "scope3_tco2e"]

  /// Reads the accounts.csv and lines.csv of `directory`.
  static func side(_ directory: String) throws -> Side {
    var side = Side()
    var occurrences: [String: Int] = [:]
    let lineColumns = lineKeyColumns + ["co2e_t", "factor_id", "factor_version", "formula", "source_line"]
    try read(directory + "/lines.csv", columns: lineColumns, required: ["entity_id", "period", "activity", "co2e_t"]) { f in
      let base = lineKeyColumns.map { f[$0]! }.joined(separator: "|")
      let n = occurrences[base, default: 0]
      occurrences[base] = n + 1
      let quantity = f["formula"]!.split(separator: " × ", maxSplits: 1).first.map(String.init) ?? ""
      side.lines.append((base + "|#\(n)", Line(co2e: f["co2e_t"]!, factor: f["factor_id"]! + "@" + f["factor_version"]!,
                                                quantity: quantity, source: f["source_line"]!)))
      if !f["facility_id"]!.isEmpty { side.facilities.insert("\(f["entity_id"]!)|\(f["period"]!.prefix(4))|\(f["facility_id"]!)") }
    }
    let accountColumns = ["entity_id", "period", "factor_set_digest"] + accountFigures
    try read(directory + "/accounts.csv", columns: accountColumns, required: accountColumns) { f in
      side.accounts["\(f["entity_id"]!)|\(f["period"]!)"] = Account(figures: f)
      side.digest = f["factor_set_digest"]!
    }
    return side
  }

  /// Calls `body` with each row of GreenLedger's output `path` as column → text (the formula
  /// guard undone, an empty or absent field as ""); the `required` columns must be filled.
  static func read(_ path: String, columns: [String], required: [String], _ body: ([String: String]) throws -> Void) throws {
    let schema = TableSchema(name: FileSystem.baseName(path), columns: columns.map { ColumnSpec($0, .text, required: required.contains($0)) })
    try ReferenceTable.read(file: path, schema: schema) { r, c in
      var fields: [String: String] = [:]
      for name in columns { fields[name] = r.outputText(c[name]) ?? "" }
      try body(fields)
    }
  }

  /// The cause of a line's change, or `unchanged`.
  static func cause(old: Line?, new: Line?, key: String, sides: (old: Side, new: Side)) -> String {
    let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    let facility = parts[3].isEmpty ? nil : "\(parts[0])|\(parts[1].prefix(4))|\(parts[3])"
    switch (old, new) {
    case let (o?, n?):
      if o.co2e == n.co2e && o.factor == n.factor && o.quantity == n.quantity { return "unchanged" }
      var causes: [String] = []
      if o.factor != n.factor { causes.append("factor edition") }
      if o.quantity != n.quantity { causes.append("activity correction") }
      return causes.isEmpty ? "recalculated" : causes.joined(separator: " and ")
    case (nil, _?):
      return facility.map { sides.old.facilities.contains($0) } == false ? "boundary change: facility added" : "activity added"
    case (_?, nil):
      return facility.map { sides.new.facilities.contains($0) } == false ? "boundary change: facility removed" : "activity removed"
    case (nil, nil):
      return "unchanged"
    }
  }

  /// Writes restatement.csv (per entity-year) and restatement_lines.csv (per changed or
  /// unchanged line) into `out`, comparing `previous` with `current` (both output directories).
  static func write(previous: String, current: String, into out: String) throws {
    let sides = (old: try side(previous), new: try side(current))
    let oldLines = Dictionary(sides.old.lines.map { ($0.key, $0.line) }, uniquingKeysWith: { a, _ in a })
    let newKeys = Set(sides.new.lines.map(\.key))
    let w = try CSVWriter(path: out + "/restatement_lines.csv", header: [
      "entity_id", "period", "activity", "facility_id", "scope", "scope2_method", "category", "gas", "old_co2e_t", "new_co2e_t",
      "change_t", "old_factor", "new_factor", "old_quantity", "new_quantity", "old_source_line", "new_source_line", "cause",
    ])
    var causesByAccount: [String: Set<String>] = [:]
    func row(_ key: String, _ o: Line?, _ n: Line?) {
      let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      let cause = Self.cause(old: o, new: n, key: key, sides: sides)
      if cause != "unchanged" { causesByAccount["\(parts[0])|\(parts[1].prefix(4))", default: []].insert(cause) }
      let change = Self.difference(n?.co2e, o?.co2e)
      w.writeRow(Array(parts.prefix(8)) + [o?.co2e ?? "", n?.co2e ?? "", change, o?.factor ?? "", n?.factor ?? "",
                                           o?.quantity ?? "", n?.quantity ?? "", o?.source ?? "", n?.source ?? "", cause])
    }
    for (key, n) in sides.new.lines { row(key, oldLines[key], n) }
    for (key, o) in sides.old.lines where !newKeys.contains(key) { row(key, o, nil) }
    try w.close()

    let a = try CSVWriter(path: out + "/restatement.csv", header: ["entity_id", "period"]
      + accountFigures.flatMap { ["old_" + $0, "new_" + $0] }
      + ["change_tco2e", "old_factor_set_digest", "new_factor_set_digest", "causes"])
    let keys = Set(sides.old.accounts.keys).union(sides.new.accounts.keys).sorted()
    for key in keys {
      let (o, n) = (sides.old.accounts[key], sides.new.accounts[key])
      let parts = key.split(separator: "|").map(String.init)
      var fields = parts
      for f in accountFigures { fields += [o?.figures[f] ?? "", n?.figures[f] ?? ""] }
      let causes = causesByAccount[key]?.sorted().joined(separator: "; ")
        ?? (o == nil ? "entity-year added" : n == nil ? "entity-year removed" : "unchanged")
      fields += [Self.difference(n?.figures["total_tco2e"], o?.figures["total_tco2e"]),
                 o == nil ? "" : sides.old.digest, n == nil ? "" : sides.new.digest, causes]
      a.writeRow(fields)
    }
    try a.close()
  }

  /// new − old, exactly to the gram as the outputs print tonnes; a missing side counts 0.
  static func difference(_ new: String?, _ old: String?) -> String {
    guard new != nil || old != nil else { return "" }
    return DecimalFormat.fixed(CarbonAccount.sum([new.flatMap(Double.init) ?? 0, -(old.flatMap(Double.init) ?? 0)]), places: 6)
  }
}
