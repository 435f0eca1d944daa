import ArgumentParser
import GreenLedger

/// `greenledger score`: ESG-linked scores from carbon accounts, entities and esg.csv.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score entities on E, S and G under a versioned, explainable methodology.",
    discussion: """
      Writes scores.csv, explanations.csv (every indicator's raw value, normalised score,
      weight and contribution; contributions sum to the total), summary.json and rejects.csv
      to --out. --explain ENTITY prints one entity's explanation.

      Examples:
        greenledger score --accounts out/accounts.csv --entities Examples/borrowers.csv --esg Examples/esg.csv --out scores/
        greenledger score --accounts out/accounts.csv --entities Examples/borrowers.csv --esg Examples/esg.csv --explain B002
        greenledger score --print-methodology > my-methodology.json
      """
  )

  @Option(help: "accounts.csv of `greenledger account`.") var accounts: String?
  @Option(help: "Entities in the borrowers.csv format.") var entities: String?
  @Option(help: "esg.csv: entity_id,year,indicator,value,unit,source.") var esg: String?
  @Option(help: "Methodology JSON (default: the bundled greenledger-esg 1.0.0).") var methodology: String?
  @Option(help: "Print this entity's explanation.") var explain: String?
  @Option(help: "With --explain: the year (default: the latest).") var year: Int?
  @Flag(help: "Print the bundled methodology's JSON and exit.") var printMethodology = false
  @Option(help: "Output directory.") var out: String?
  @OptionGroup var common: CommonOptions

  func validate() throws {
    if printMethodology { return }
    guard accounts != nil, entities != nil else { throw ValidationError("--accounts and --entities are required") }
    guard out != nil || explain != nil else { throw ValidationError("give --out DIR, --explain ENTITY or both") }
  }

  /// Every file `score` may write in --out (checked against its inputs before it starts).
  static let outputs = ["scores.csv", "explanations.csv", "rejects.csv", "summary.json", "manifest.json"]

  func run() throws {
    if printMethodology {
      print(ScoringMethodology.defaultJSON, terminator: "")
      return
    }
    try OutputPlan(directory: out, files: out == nil ? [] : Self.outputs)
      .check(inputs: [("accounts", accounts), ("entities", entities), ("esg", esg), ("methodology", methodology)])
    let method = try methodology.map { path in
      try ScoringMethodology.decode(FileSystem.contents(of: path), file: path)
    } ?? .bundled
    let book = try BorrowerBook.read(file: entities!, displayName: basename(entities!))
    for w in book.warnings { common.warn(w) }
    let input = try ScoreInputs.read(accounts: accounts!, esg: esg, book: book.book, methodology: method)
    let scores = ESGScorer(methodology: method).score(input.profiles)

    if let out {
      try FileSystem.createDirectory(out)
      let w = try CSVWriter(path: out + "/scores.csv", header: [
        "entity_id", "year", "e_score", "s_score", "g_score", "total", "grade", "coverage", "methodology_version",
        "sector_group",
      ])
      let x = try CSVWriter(path: out + "/explanations.csv", header: [
        "entity_id", "year", "pillar", "indicator", "raw_value", "score", "weight", "contribution", "note",
      ])
      for s in scores {
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
      for (e, raw) in book.rejected + input.rejected { rejects.reject(e, raw: raw) }
      try rejects.close()
      let grades = method.grades.map { g in (g.grade, JSONValue.int(scores.filter { $0.grade == g.grade }.count)) }
      let summary = JSONValue.object([
        ("command", .string("score")),
        ("rows", .object([("read", .int(input.read)), ("accepted", .int(input.read - input.rejected.count)),
                          ("rejected", .int(input.rejected.count))])),
        ("entities", .object([("read", .int(book.read)), ("rejected", .int(book.rejected.count))])),
        ("scores", .int(scores.count)),
        ("grades", .object(grades)),
        ("methodology", .string("\(method.id)@\(method.version)")),
      ])
      try FileSystem.write(summary.rendered(), to: out + "/summary.json")
      try Provenance.writeManifest(out: out, command: "score",
                                   inputs: [("accounts", accounts), ("entities", entities), ("esg", esg), ("methodology", methodology)],
                                   factorDigest: "", methodology: "\(method.id)@\(method.version)", excel: common.excel)
      print("scored \(scores.count) entity-years; esg rows read \(input.read), rejected \(input.rejected.count) → \(out)/")
    }
    if let explain {
      let mine = scores.filter { $0.entityID == explain && (year == nil || $0.year == year) }
      guard let s = mine.last else {
        throw InputError(file: accounts!, message: "no score for entity \(explain)\(year.map { " in \($0)" } ?? ""); "
          + "it needs a carbon account or esg.csv rows and a borrowers row")
      }
      print(Self.explanation(s))
    }
    try common.checkRejects(input.rejected.count + book.rejected.count)
  }

  /// A plain-text table of one score.
  static func explanation(_ s: ESGScore) -> String {
    var text = "\(s.entityID) \(s.year) — \(s.methodologyVersion), sector group \(s.sectorGroup)\n"
    text += "total \(DecimalFormat.fixed(s.total, places: 4)) → grade \(s.grade); E \(DecimalFormat.fixed(s.environmental, places: 2)), "
      + "S \(DecimalFormat.fixed(s.social, places: 2)), G \(DecimalFormat.fixed(s.governance, places: 2)); coverage "
      + "\(DecimalFormat.fixed(s.coverage * 100, places: 1)) %\n\n"
    let rows = [["pillar", "indicator", "raw", "score", "weight", "contribution", "how"]] + s.contributions.map { c in
      [c.pillar, c.key, c.raw.map(DecimalFormat.shortest) ?? "—", DecimalFormat.fixed(c.score, places: 2),
       DecimalFormat.trimmed(c.weight, places: 4), DecimalFormat.fixed(c.contribution, places: 4), c.note]
    }
    let widths = (0..<6).map { i in rows.map { $0[i].count }.max()! }
    for r in rows {
      text += (0..<6).map { i in r[i].padding(to: widths[i]) }.joined(separator: "  ") + "  " + r[6] + "\n"
    }
    text += "sum of contributions = \(DecimalFormat.fixed(s.total, places: 4))"
    return text
  }
}

extension String {
  func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// The profiles to score, read from accounts.csv, the entities and esg.csv.
struct ScoreInputs {
  var profiles: [ESGProfile] = []
  var rejected: [(RowError, String)] = []
  var read = 0

  static let accountsSchema = TableSchema(name: "accounts", columns: [
    ColumnSpec("entity_id", .identifier, required: true),
    ColumnSpec("period", .period, required: true),
    ColumnSpec("scope1_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("total_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("intensity_revenue", .nonNegativeDecimal),
    ColumnSpec("carbon_grade", .integer(1...5)),
    ColumnSpec("change_vs_base_year", .decimal),
    ColumnSpec("scope3_tco2e", .nonNegativeDecimal),
  ])

  static func read(accounts: String, esg: String?, book: BorrowerBook, methodology: ScoringMethodology) throws -> ScoreInputs {
    var values: [String: [String: Double]] = [:]  // "entity|year" → indicator → value
    var sectors: [String: (String, Int, String)] = [:]
    func key(_ id: String, _ year: Int) -> String { "\(id)|\(year)" }
    try ReferenceTable.read(file: accounts, schema: accountsSchema) { r, c in
      let id = r.outputText(c["entity_id"])!
      let year = Int(r.text(c["period"])!.prefix(4))!
      guard let b = book[id] else {
        throw InputError(file: accounts, message: "line \(r.line): entity \(id) is not in the entities file")
      }
      var v: [String: Double] = [:]
      v["carbon_grade"] = r.decimal(c["carbon_grade"])
      v["carbon_intensity_revenue"] = r.decimal(c["intensity_revenue"])
      v["emissions_change_vs_base_year"] = r.decimal(c["change_vs_base_year"])
      v["scope3_reported"] = r.decimal(c["scope3_tco2e"]).map { $0 > 0 ? 1 : 0 }
      v["emissions_verified"] = b.emissionsVerified.map { $0 ? 1 : 0 }
      values[key(id, year), default: [:]].merge(v) { a, _ in a }
      sectors[key(id, year)] = (id, year, b.sector)
    }
    var inputs = ScoreInputs()
    if let esg {
      let name = basename(esg)
      let units = methodology.esgUnits
      let ranges = methodology.esgRanges
      let currentYear = try Account.day(nil).year
      var checker: RowChecker?
      var c: ColumnIndex?
      try CSVReader.read(file: esg) { r in
        guard let checker, let c else {
          let binding = try HeaderBinding(header: r.strings, schema: DataContract.esg, file: name)
          checker = RowChecker(schema: DataContract.esg, binding: binding, file: name)
          c = ColumnIndex(binding: binding, schema: DataContract.esg)
          return
        }
        inputs.read += 1
        func reject(_ column: String, _ reason: String) {
          inputs.rejected.append((RowError(file: name, line: r.line, column: c[column].map { $0 + 1 }, columnName: column,
                                           reason: reason), r.csvLine))
        }
        if let e = checker.check(r) { inputs.rejected.append((e, r.csvLine)); return }
        let id = r.text(c["entity_id"])!
        let year = Int(r.decimal(c["year"])!)
        let indicator = r.text(c["indicator"])!
        guard let b = book[id] else {
          reject("entity_id", book.rejectedIDs[id].map { "entity \(id) was rejected at \($0) (see rejects.csv); correct that row" }
            ?? "entity \(id) is not in the entities file")
          return
        }
        guard let unit = units[indicator] else {
          reject("indicator", "indicator \"\(indicator)\" is not scored by \(methodology.id)@\(methodology.version); "
            + "known: \(units.keys.sorted().joined(separator: ", "))")
          return
        }
        guard r.text(c["unit"]) == unit else {
          reject("unit", "expected unit \"\(unit)\" for \(indicator), found \"\(r.text(c["unit"]) ?? "")\"")
          return
        }
        guard values[key(id, year)]?[indicator] == nil else {
          reject("indicator", "\(indicator) of \(id) \(year) is given twice")
          return
        }
        let value = r.decimal(c["value"])!
        if let range = ranges[indicator], !range.contains(value) {
          reject("value", "\(indicator) must be \(range) (the methodology's valid_range), found \"\(r.text(c["value"]) ?? "")\"")
          return
        }
        guard year <= currentYear else {
          reject("year", "year \(year) is after the current year \(currentYear); ESG values are observations")
          return
        }
        values[key(id, year), default: [:]][indicator] = value
        sectors[key(id, year)] = (id, year, b.sector)
      }
    }
    inputs.profiles = sectors.values.map { id, year, sector in
      ESGProfile(entityID: id, year: year, sector: sector, values: values[key(id, year)] ?? [:])
    }
    return inputs
  }
}
