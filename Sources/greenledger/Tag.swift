import ArgumentParser
import GreenLedger

/// `greenledger tag`: green-loan identification under the Chinese catalogues and the EU taxonomy.
struct Tag: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tag loans as green under the 2025 (or 2021) Chinese catalogue and the EU taxonomy, with evidence.",
    discussion: """
      Writes tags.csv (one row per loan and taxonomy: code, name, status, evidence, missing
      evidence, flags, annual reduction), green_summary.json, summary.json and rejects.csv.
      Status: aligned (activity from project_type and every criterion met), eligible (activity
      matched, criteria not verifiable: see missing_evidence), not_eligible (an explicit failure),
      insufficient_data. Loans approved before 2025-10-01 are tagged under the 2021 catalogue.

      Example:
        greenledger tag --loans Examples/loans.csv --borrowers Examples/borrowers.csv --out tags/
      """
  )

  @Option(help: "loans.csv (data contract).") var loans: String
  @Option(help: "borrowers.csv: the borrower's sector supports the EU activity match.") var borrowers: String?
  @Option(help: "accounts.csv of `greenledger account`: flags green claims by grade-5 or high-carbon borrowers.")
  var accounts: String?
  @Option(help: "Taxonomies, comma-separated: cn (2025/2021 Chinese catalogues), eu.") var taxonomy = "cn,eu"
  @Option(help: "Exchange rates into CNY for the green balance (currency,cny_per_unit).") var fx: String?
  @Option(help: "Reporting date (YYYY-MM-DD) for grid factors and EU dates (default: today).") var asOf: String?
  @Option(help: "Baseline gCO2/km replaced by a new-energy vehicle (no cited default: without it vehicle reductions are not reported).")
  var vehicleBaseline: Double?
  @Option(help: "Threads.") var threads = 2
  @Option(help: "Only the loans of shard I of N (1-based), by a stable hash of loan_id; combine with `greenledger merge`.")
  var shard: Shard?
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  /// Every file `tag` may write in --out (checked against its inputs before it starts).
  static let outputs = ["tags.csv", "green_summary.json", "partials.csv", "summary.json", "rejects.csv", "manifest.json"]

  func run() throws {
    let taxonomies = taxonomy.split(separator: ",").map { String($0) }
    for t in taxonomies where t != "cn" && t != "eu" { throw ValidationError("unknown taxonomy \"\(t)\"; use cn, eu or cn,eu") }
    // The inputs' digests for the manifest, computed while the job runs.
    let inputs = [("loans", loans), ("borrowers", borrowers), ("accounts", accounts), ("fx", fx)]
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".partitions"]).check(inputs: inputs)
    let inputDigests = InputDigests(inputs)
    let factors = try factorOptions.load()
    let day = try Account.day(asOf)
    let tagger = GreenTagger(reductions: ReductionCalculator(factors: factors, reportingDay: day,
                                                             vehicleBaselineGCO2PerKm: vehicleBaseline), asOf: day)
    let rates = try fx.map { try ExchangeRates.read(file: $0) } ?? ExchangeRates()
    let book = try borrowers.map { try BorrowerBook.read(file: $0, displayName: basename($0), threads: threads) }
    let grades = try accounts.map { try Self.carbonGrades($0) } ?? [:]
    try FileSystem.createDirectory(out)
    let work = out + "/.partitions"
    try FileSystem.createDirectory(work)
    let job = TagJob(tagger: tagger, taxonomies: taxonomies, rates: rates, book: book?.book, grades: grades,
                     name: basename(loans), shard: shard)
    let progress = Progress(file: loans, label: basename(loans), quiet: common.quiet)
    let parts = try IDSpill.uniquePasses { duplicates in
      try job.pass(loans: loans, threads: threads, workDirectory: work, duplicates: duplicates, progress: progress)
    }
    var summary = GreenSummary()
    var read = 0
    for (i, p) in parts.enumerated() {
      try p.files.close()
      summary.merge(p.summary)
      read += p.read
      if i == 0, let w = p.warning { common.warn(w) }
    }
    progress.finish(rows: read)
    // Borrowers' rejects in shard 1 only, so that merged shards count them once.
    let bookRejects = try RejectsWriter(path: work + "/borrower-rejects.csv")
    for (e, raw) in (shard?.index ?? 1) == 1 ? book?.rejected ?? [] : [] { bookRejects.reject(e, raw: raw) }
    try bookRejects.close()
    try PartitionFiles.assembleRejects(parts.map(\.files), after: [work + "/borrower-rejects.csv"], into: out + "/rejects.csv")
    try PartitionFiles.assemble(parts.map(\.files), header: TagJob.columns, into: out + "/tags.csv")
    removeDirectory(work)
    let name = basename(loans)
    try FileSystem.write(summary.json(catalogue: tagger.catalogue).rendered(), to: out + "/green_summary.json")
    let counts = TagJob.summary(read: read, accepted: summary.loans, taxonomies: taxonomies,
                                ruleVersion: tagger.catalogue.ruleVersion, factorDigest: factors.digest)
    try FileSystem.write(counts.rendered(), to: out + "/summary.json")
    try summary.writePartials(to: out + "/partials.csv", run: [
      ("profile", "tag"), ("shard", shard?.description ?? "1/1"), ("factor_set_digest", factors.digest),
      ("loans_file", basename(loans)), ("taxonomies", taxonomies.joined(separator: ",")),
      ("rule_version", tagger.catalogue.ruleVersion), ("read", String(read)),
    ])
    try Provenance.writeManifest(out: out, command: "tag", inputEntries: inputDigests.entries(),
                                 factorDigest: factors.digest)
    print("\(name): read \(read), accepted \(summary.loans), rejected \(read - summary.loans); "
      + "\(summary.alignedLoans) aligned, \(summary.eligibleLoans) eligible → \(out)/")
    try common.checkRejects(read - summary.loans + (book?.rejected.count ?? 0))
  }

  /// Latest carbon grade and level per entity from accounts.csv.
  static func carbonGrades(_ path: String) throws -> [String: (Int?, String?)] {
    let schema = TableSchema(name: "accounts", columns: [
      ColumnSpec("entity_id", .identifier, required: true), ColumnSpec("period", .period, required: true),
      ColumnSpec("scope1_tco2e", .nonNegativeDecimal, required: true), ColumnSpec("total_tco2e", .nonNegativeDecimal, required: true),
      ColumnSpec("carbon_grade", .integer(1...5)), ColumnSpec("carbon_level", .text),
    ])
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

/// green_summary.json: green balance and counts by 2025 first- and second-level category,
/// direct (√√) vs enabling (√) markers, reductions and the share of the book.
struct GreenSummary {
  var loans = 0
  var alignedLoans = 0
  var eligibleLoans = 0
  var book = ExactSum(decimalPlaces: 2)
  var byCategory: [String: (count: Int, balance: ExactSum)] = [:]
  var byMarker: [String: (count: Int, balance: ExactSum)] = [:]
  var reduction = ExactSum(decimalPlaces: 6)
  var attributed = ExactSum(decimalPlaces: 6)
  var coal = ExactSum(decimalPlaces: 6)
  var flags: [String: Int] = [:]

  /// partials.csv: every exact total as an integer, for `greenledger merge`.
  func writePartials(to path: String, run: [(String, String)]) throws {
    let w = try CSVWriter(path: path, header: ["group", "key", "value"], guardsFormulas: false)
    for (k, v) in run { w.writeRow(["run", k, v]) }
    for (k, v) in [("loans", loans), ("aligned", alignedLoans), ("eligible", eligibleLoans)] { w.writeRow(["counts", k, String(v)]) }
    for (k, v) in [("book", book), ("reduction", reduction), ("attributed", attributed), ("coal", coal)] {
      w.writeRow(["sums", k, String(v.quanta)])
    }
    for k in byCategory.keys.sorted() { w.writeRow(["category", k, "\(byCategory[k]!.count) \(byCategory[k]!.balance.quanta)"]) }
    for k in byMarker.keys.sorted() { w.writeRow(["marker", k, "\(byMarker[k]!.count) \(byMarker[k]!.balance.quanta)"]) }
    for k in flags.keys.sorted() { w.writeRow(["flag", k, String(flags[k]!)]) }
    try w.close()
  }

  /// A summary restored from ``writePartials(to:run:)`` groups; `nil` if a value is malformed.
  init?(partials raw: [String: [String: String]]) {
    func count(_ key: String) -> Int? { raw["counts"]?[key].flatMap { Int($0) } }
    func sum(_ key: String, _ places: Int) -> ExactSum? {
      raw["sums"]?[key].flatMap { Int128($0) }.map { ExactSum(decimalPlaces: places, quanta: $0, count: 0) }
    }
    guard let l = count("loans"), let a = count("aligned"), let e = count("eligible"), let b = sum("book", 2),
          let r = sum("reduction", 6), let at = sum("attributed", 6), let c = sum("coal", 6) else { return nil }
    (loans, alignedLoans, eligibleLoans, book, reduction, attributed, coal) = (l, a, e, b, r, at, c)
    func pairs(_ group: String) -> [String: (count: Int, balance: ExactSum)]? {
      var result: [String: (count: Int, balance: ExactSum)] = [:]
      for (k, v) in raw[group] ?? [:] {
        let parts = v.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[0]), let q = Int128(String(parts[1])) else { return nil }
        result[k] = (n, ExactSum(decimalPlaces: 2, quanta: q, count: 0))
      }
      return result
    }
    guard let cats = pairs("category"), let marks = pairs("marker") else { return nil }
    byCategory = cats
    byMarker = marks
    for (k, v) in raw["flag"] ?? [:] {
      guard let n = Int(v) else { return nil }
      flags[k] = n
    }
  }

  init() {}

  /// Adds another partition's summary (exact sums: the result does not depend on the split).
  mutating func merge(_ o: GreenSummary) {
    loans += o.loans
    alignedLoans += o.alignedLoans
    eligibleLoans += o.eligibleLoans
    try? book.merge(o.book)
    try? reduction.merge(o.reduction)
    try? attributed.merge(o.attributed)
    try? coal.merge(o.coal)
    for (k, v) in o.flags { flags[k, default: 0] += v }
    for (k, v) in o.byCategory {
      var e = byCategory[k] ?? (0, ExactSum(decimalPlaces: 2))
      e.count += v.count
      try? e.balance.merge(v.balance)
      byCategory[k] = e
    }
    for (k, v) in o.byMarker {
      var e = byMarker[k] ?? (0, ExactSum(decimalPlaces: 2))
      e.count += v.count
      try? e.balance.merge(v.balance)
      byMarker[k] = e
    }
  }

  mutating func add(_ tags: [GreenTag], outstandingCNY: Double, catalogue: Catalogue) {
    loans += 1
    try? book.add(outstandingCNY)
    for t in tags { for f in t.flags { flags[f, default: 0] += 1 } }
    guard let cn = tags.first(where: { $0.taxonomy.hasPrefix("CN-") }) else { return }
    if cn.status == .aligned { alignedLoans += 1 } else if cn.status == .eligible { eligibleLoans += 1 }
    guard cn.status == .aligned else { return }
    // Categories by the 2025 item (a 2021-standard loan counts under its 2025 equivalent).
    if let code = cn.code2025 {
      let parts = code.split(separator: ".")
      for key in [String(parts[0]), parts.prefix(2).joined(separator: ".")] {
        var entry = byCategory[key] ?? (0, ExactSum(decimalPlaces: 2))
        entry.count += 1
        try? entry.balance.add(outstandingCNY)
        byCategory[key] = entry
      }
    }
    let marker = cn.ghgMarker.map { $0.hasPrefix("mixed") ? "mixed" : ($0.isEmpty ? "none" : $0) } ?? "none"
    var m = byMarker[marker] ?? (0, ExactSum(decimalPlaces: 2))
    m.count += 1
    try? m.balance.add(outstandingCNY)
    byMarker[marker] = m
    if let r = cn.annualReduction { try? reduction.add(r) }
    if let r = cn.attributedReduction { try? attributed.add(r) }
    if let c = cn.standardCoalSavedTCE { try? coal.add(c) }
  }

  func json(catalogue: Catalogue) -> JSONValue {
    func entries(_ d: [String: (count: Int, balance: ExactSum)], names: Bool) -> JSONValue {
      .object(d.keys.sorted { $0.compare($1) }.map { k in
        var fields: [(String, JSONValue)] = []
        if names { fields.append(("name", .string(catalogue.items2025[k]?.nameZH ?? ""))) }
        fields += [("loans", .int(d[k]!.count)), ("balance_cny", .number(d[k]!.balance.decimalString))]
        return (k, .object(fields))
      })
    }
    var green = ExactSum(decimalPlaces: 2)
    for (k, v) in byCategory where !k.contains(".") { try? green.merge(v.balance) }
    let share = book.value > 0 ? DecimalFormat.fixed(green.value / book.value, places: 6) : "0"
    return .object([
      ("taxonomy", .string("CN-GFC-2025 (2021-standard loans counted under their 2025 equivalent)")),
      ("loans", .int(loans)), ("aligned", .int(alignedLoans)), ("eligible", .int(eligibleLoans)),
      ("book_balance_cny", .number(book.decimalString)),
      ("green_balance_cny", .number(green.decimalString)),
      ("green_share", .number(share)),
      ("by_category", entries(byCategory, names: true)),
      ("by_ghg_marker", entries(byMarker, names: false)),
      ("annual_reduction_tco2", .number(reduction.decimalString)),
      ("attributed_annual_reduction_tco2", .number(attributed.decimalString)),
      ("standard_coal_saved_tce", .number(coal.decimalString)),
      ("flags", .object(flags.keys.sorted().map { ($0, .int(flags[$0]!)) })),
    ])
  }
}

extension String {
  /// Orders catalogue codes numerically (1.3 < 1.10), other keys by their text: a total
  /// order, so that the output does not depend on insertion order.
  func compare(_ other: String) -> Bool {
    let a = split(separator: ".").map { Int($0) }
    let b = other.split(separator: ".").map { Int($0) }
    if !a.contains(nil), !b.contains(nil), a != b {
      return a.map { $0! }.lexicographicallyPrecedes(b.map { $0! })
    }
    return self < other
  }
}

/// One pass of loans.csv through the tagger, in partitions on several threads.
struct TagJob: Sendable {
  let tagger: GreenTagger
  let taxonomies: [String]
  let rates: ExchangeRates
  let book: BorrowerBook?
  let grades: [String: (Int?, String?)]
  let name: String
  let shard: Shard?

  /// tags.csv: the contract's columns, GreenLedger's additions, and `line` (the loan's line in
  /// loans.csv) last, which `greenledger merge` orders shards by.
  static let columns = [
    "loan_id", "taxonomy", "code", "name", "status", "evidence", "annual_reduction_tco2e", "rule_version",
    "missing_evidence", "flags", "ghg_marker", "attributed_reduction_tco2e", "standard_coal_saved_tce", "line",
  ]

  /// summary.json of a tag run (or of merged tag shards).
  static func summary(read: Int, accepted: Int, taxonomies: [String], ruleVersion: String, factorDigest: String) -> JSONValue {
    .object([
      ("command", .string("tag")),
      ("rows", .object([("read", .int(read)), ("accepted", .int(accepted)), ("rejected", .int(read - accepted))])),
      ("taxonomies", .array(taxonomies.map { .string($0) })),
      ("rule_version", .string(ruleVersion)),
      ("factor_set_digest", .string(factorDigest)),
    ])
  }

  struct Partition: SpillingPartition, @unchecked Sendable {
    var checker: RowChecker
    /// For reject messages (any column by name).
    var c: ColumnIndex
    var fields: Fields
    var files: PartitionFiles
    var spill: IDSpill?
    var summary = GreenSummary()
    var read = 0
    var warning: String?
  }

  func pass(loans: String, threads: Int, workDirectory: String, duplicates: [Int: Int]?, progress: Progress) throws -> [Partition] {
    let counter = Counter()
    let schema = DataContract.loans.withoutUniqueColumns  // loan_id uniqueness: IDSpill
    let (states, _) = try CSVReader.readPartitioned(
      file: loans, partitions: max(1, threads),
      makeState: { header, partition in
        let n = counter.next()
        let run = duplicates == nil ? "a" : "b"
        let binding = try HeaderBinding(header: header, schema: schema, file: name)
        let columns = ColumnIndex(binding: binding, schema: schema)
        return Partition(checker: RowChecker(schema: schema, binding: binding, file: name),
                         c: columns, fields: Fields(columns),
                         files: try PartitionFiles(directory: workDirectory, stem: "tags", id: "\(run)\(n)",
                                                   partition: partition, header: TagJob.columns),
                         spill: duplicates == nil ? try IDSpill(prefix: "\(workDirectory)/ids-\(n)") : nil,
                         warning: binding.unknownColumnsWarning)
      },
      body: { p, r in self.consume(r, into: &p, duplicates: duplicates, progress: progress) })
    return states
  }

  /// Field indices of the loans.csv columns the tagger reads, resolved once per file (no
  /// dictionary look-up per row).
  struct Fields: Sendable {
    let loanID: Int?
    let borrowerId: Int?
    let currency: Int?
    let outstanding: Int?
    let useOfProceeds: Int?
    let projectType: Int?
    let projectRegion: Int?
    let declaredGreenCode: Int?
    let originationDate: Int?
    let capacityMw: Int?
    let annualGenerationMwh: Int?
    let lifecycleGco2ePerKwh: Int?
    let vehicleGco2PerKm: Int?
    let annualKm: Int?
    let epcLabel: Int?
    let floorAreaM2: Int?
    let annualEnergySavingTce: Int?
    let projectValue: Int?

    init(_ c: ColumnIndex) {
      loanID = c["loan_id"]
      borrowerId = c["borrower_id"]
      currency = c["currency"]
      outstanding = c["outstanding"]
      useOfProceeds = c["use_of_proceeds"]
      projectType = c["project_type"]
      projectRegion = c["project_region"]
      declaredGreenCode = c["declared_green_code"]
      originationDate = c["origination_date"]
      capacityMw = c["capacity_mw"]
      annualGenerationMwh = c["annual_generation_mwh"]
      lifecycleGco2ePerKwh = c["lifecycle_gco2e_per_kwh"]
      vehicleGco2PerKm = c["vehicle_gco2_per_km"]
      annualKm = c["annual_km"]
      epcLabel = c["epc_label"]
      floorAreaM2 = c["floor_area_m2"]
      annualEnergySavingTce = c["annual_energy_saving_tce"]
      projectValue = c["project_value"]
    }
  }

  private func consume(_ r: borrowing CSVRecord, into p: inout Partition, duplicates: [Int: Int]?, progress: Progress) {
    let f = p.fields
    if let shard, !shard.owns(r, idField: f.loanID) { return }
    p.read += 1
    if p.read & 4095 == 0 { progress.advance(by: 4096) }
    func reject(_ column: String, _ reason: String) {
      p.files.rejects.reject(RowError(file: name, line: r.line, column: p.c[column].map { $0 + 1 }, columnName: column,
                                      reason: reason), raw: r.csvLine)
    }
    if let e = p.checker.check(r) { p.files.rejects.reject(e, raw: r.csvLine); return }
    if let first = duplicates?[r.line] {
      reject("loan_id", "duplicate value \"\(r.text(f.loanID) ?? "")\" (first on line \(first)); it must be unique in the file")
      return
    }
    do { try p.spill?.add(r[f.loanID!], line: r.line) } catch {
      reject("loan_id", "cannot record the id for the duplicate check: \(error)")
      return
    }
    let currency = r.currency(f.currency)!
    guard let cny = rates.converted(r.decimal(f.outstanding)!, from: currency) else {
      reject("currency", "no exchange rate for \(currency) into CNY; add it to the --fx file")
      return
    }
    var facts = LoanFacts(loanID: r.text(f.loanID)!)
    facts.useOfProceeds = r.text(f.useOfProceeds)
    facts.projectType = r.text(f.projectType)
    facts.projectRegion = r.text(f.projectRegion)
    facts.declaredCode = r.text(f.declaredGreenCode)
    facts.originationDate = r.field(f.originationDate).flatMap { try? FieldParser.date($0) }
    facts.capacityMW = r.decimal(f.capacityMw)
    facts.annualGenerationMWh = r.decimal(f.annualGenerationMwh)
    facts.lifecycleGCO2ePerKWh = r.decimal(f.lifecycleGco2ePerKwh)
    facts.vehicleGCO2PerKm = r.decimal(f.vehicleGco2PerKm)
    facts.annualKm = r.decimal(f.annualKm)
    facts.epcLabel = r.text(f.epcLabel)
    facts.floorAreaM2 = r.decimal(f.floorAreaM2)
    facts.annualEnergySavingTCE = r.decimal(f.annualEnergySavingTce)
    facts.outstanding = r.decimal(f.outstanding)
    facts.projectValue = r.decimal(f.projectValue)
    if let id = r.text(f.borrowerId) {
      if let book, book[id] == nil {
        reject("borrower_id", "unknown borrower \"\(id)\"; it is not in the borrowers file")
        return
      }
      facts.borrowerSector = book?[id]?.sector
      (facts.borrowerCarbonGrade, facts.borrowerCarbonLevel) = grades[id] ?? (nil, nil)
    }
    let tags = tagger.tag(facts, taxonomies: taxonomies)
    for t in tags {
      p.files.output.writeRow([t.loanID, t.taxonomy, t.code ?? "", t.name ?? "", t.status.rawValue, t.evidence.joined(separator: "; "),
                         t.annualReduction.map { DecimalFormat.fixed($0, places: 6) } ?? "", t.ruleVersion,
                         t.missingEvidence.joined(separator: "; "), t.flags.joined(separator: ";"), t.ghgMarker ?? "",
                         t.attributedReduction.map { DecimalFormat.fixed($0, places: 6) } ?? "",
                         t.standardCoalSavedTCE.map { DecimalFormat.trimmed($0, places: 6) } ?? "", String(r.line)])
    }
    p.summary.add(tags, outstandingCNY: cny, catalogue: tagger.catalogue)
  }
}
