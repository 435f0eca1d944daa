import ArgumentParser
import GreenLedger

/// `greenledger merge`: the reduce step over the outputs of `finance --shard I/N`.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Merge the outputs of `finance`, `tag` or `account` runs with --shard I/N into the single run's outputs.",
    discussion: """
      Takes every shard's --out directory (each shard exactly once, same profile and factor
      set) and writes the outputs of an unsharded run, byte for byte:
        finance  financed.csv, borrower_attribution.csv, partials.csv, summary.json, rejects.csv
        tag      tags.csv, green_summary.json, partials.csv, summary.json, rejects.csv
        account  lines.csv, accounts.csv, facilities.csv, summary.json, rejects.csv; the shards'
                 exact ledgers are finished together, so sector averages and grades see every
                 entity. It reads the entities file the shards name (or --entities) and the
                 factor set (--factors, default bundled), which must have the shards' digest.
      Streams the row files (memory does not grow with loans or activity rows); rejected rows
      are held in memory, and account merges hold one ledger per entity-year.

      Example:
        greenledger merge shard1/ shard2/ shard3/ shard4/ --out merged/
      """
  )

  @Argument(help: "Shard output directories.") var directories: [String]
  @Option(help: "Output directory.") var out: String
  @Option(help: "account shards: the entities file, when not at the path the shards recorded.") var entities: String?
  @Option(help: "account shards: threads that finish the accounts.") var threads = 2
  @OptionGroup var factorOptions: FactorOptions

  func run() throws {
    guard !directories.isEmpty else { throw ValidationError("give the shard directories to merge") }
    // Every file of every shard is an input: merging into a shard's own directory is refused.
    let shardFiles = directories.flatMap { d in
      ((try? FileSystem.contentsOfDirectory(d)) ?? []).map { ("shard \(d)", Optional(d + "/" + $0)) }
    }
    try OutputPlan(directory: out, files: Account.outputs + Finance.outputs + Tag.outputs, workDirectories: [".partitions"])
      .check(inputs: shardFiles + [("entities", entities)])
    // Every shard's files must be exactly those its run wrote (SHA-256 and SM3) before any is read.
    for d in directories {
      guard FileSystem.exists(d + "/" + OutputManifest.fileName) else {
        throw InputError(file: d, message: "shard has no \(OutputManifest.fileName); merge reads only shards whose "
          + "outputs can be verified — run the shard again")
      }
      let (_, problems) = try OutputManifest.verify(directory: d, includingInputs: false)
      guard problems.isEmpty else {
        throw InputError(file: d, message: "shard differs from its \(OutputManifest.fileName) (edited after the run?): "
          + problems.joined(separator: "; "))
      }
    }
    let shards = try directories.map { try ShardOutput(directory: $0) }
    let count = shards[0].shard.count
    let indices = shards.map(\.shard.index).sorted()
    guard shards.allSatisfy({ $0.shard.count == count }), indices == Array(1...count) else {
      throw InputError(file: directories.joined(separator: " "), message:
        "expected shards 1/\(count) … \(count)/\(count) once each, found "
        + shards.map(\.shard.description).joined(separator: ", "))
    }
    for s in shards where s.profile != shards[0].profile || s.factorDigest != shards[0].factorDigest {
      throw InputError(file: s.directory, message: "profile or factor set differs from \(shards[0].directory); "
        + "shards must come from one run configuration")
    }
    try FileSystem.createDirectory(out)
    let ordered = shards.sorted { $0.shard.index < $1.shard.index }
    if shards[0].profile == "tag" { return try mergeTags(ordered) }
    if shards[0].profile == "account" { return try mergeAccounts(ordered) }
    guard shards[0].profile == "pcaf" else {
      throw InputError(file: shards[0].directory, message: "merge supports finance (pcaf profile), tag and account shards")
    }

    var result = FinanceJob.Result()
    for s in ordered {
      result.read += s.rows["read"] ?? 0
      result.accepted += s.rows["accepted"] ?? 0
      result.rejected += s.rows["rejected"] ?? 0
      result.totals.merge(s.groups["portfolio"] ?? PortfolioTotals())
      for (i, c) in AssetClass.allCases.enumerated() {
        if let t = s.groups["class:" + c.rawValue] { result.byClass[i].merge(t) }
      }
      for (k, t) in s.groups where k.hasPrefix("sector:") {
        result.bySector[String(k.dropFirst(7)), default: PortfolioTotals()].merge(t)
      }
    }
    let borrowers = (read: ordered[0].rows["borrowers_read"] ?? 0, rejected: ordered[0].rows["borrowers_rejected"] ?? 0)

    // borrower_attribution.csv: sums per borrower.
    var attribution: [String: (Int, Int128)] = [:]
    for s in ordered {
      try ReferenceTable.read(file: s.directory + "/borrower_attribution.csv", schema: Self.attributionSchema) { r, c in
        let text = r.text(c["attribution_sum"])!
        guard let q = Int128(String(text.filter { $0 != "." })), text.split(separator: ".").last?.count == 12 else {
          throw InputError(file: s.directory + "/borrower_attribution.csv", message: "line \(r.line): bad attribution_sum \"\(text)\"")
        }
        let n = Int(r.decimal(c["loans"])!)
        let (m, sum) = attribution[r.outputText(c["borrower_id"])!] ?? (0, 0)
        attribution[r.outputText(c["borrower_id"])!] = (m + n, sum + q)
      }
    }
    let w = try CSVWriter(path: out + "/borrower_attribution.csv", header: ["borrower_id", "loans", "attribution_sum", "over_100_percent"])
    for id in attribution.keys.sorted() {
      let (n, q) = attribution[id]!
      w.writeRow([id, String(n), ExactSum.decimalString(quanta: q, decimalPlaces: 12), q > 1_000_000_000_000 ? "true" : "false"])
    }
    try w.close()
    var overCount = 0
    for (_, v) in attribution where v.1 > 1_000_000_000_000 { overCount += 1 }
    for (i, v) in attribution.values.enumerated() { result.attribution[i] = v }

    try mergeByLine(ordered.map { $0.directory + "/financed.csv" }, to: out + "/financed.csv")
    try mergeRejects(ordered, to: out + "/rejects.csv")
    let summary = result.summary(command: "finance", profile: "pcaf", shard: nil, borrowers: borrowers,
                                 factorDigest: ordered[0].factorDigest)
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    try result.writePartials(to: out + "/partials.csv", profile: "pcaf", shard: nil, borrowers: borrowers,
                             factorDigest: ordered[0].factorDigest, loansFile: ordered[0].loansFile)
    try Provenance.writeManifest(out: out, command: "merge", inputs: [], factorDigest: ordered[0].factorDigest)
    print("merged \(shards.count) shards: read \(result.read), accepted \(result.accepted), rejected \(result.rejected) → \(out)/")
  }

  /// Merges `tag --shard` outputs: tags.csv by input line, rejects, and the green summary
  /// from the exact partial totals.
  func mergeTags(_ ordered: [ShardOutput]) throws {
    var summary = GreenLoanStatistics()
    var read = 0
    for s in ordered {
      guard let part = GreenLoanStatistics(partials: s.raw) else {
        throw InputError(file: s.directory + "/partials.csv", message: "the green-summary totals are damaged")
      }
      summary.merge(part)
      read += Int(s.raw["run"]?["read"] ?? "") ?? 0
    }
    let run = ordered[0].raw["run"] ?? [:]
    let taxonomies = (run["taxonomies"] ?? "").split(separator: ",").map(String.init)
    try mergeByLine(ordered.map { $0.directory + "/tags.csv" }, to: out + "/tags.csv")
    try mergeRejects(ordered, to: out + "/rejects.csv")
    try FileSystem.write(summary.json(catalogue: .bundled).rendered(), to: out + "/green_summary.json")
    try FileSystem.write(TagJob.summary(read: read, accepted: summary.loans, taxonomies: taxonomies,
                                        ruleVersion: run["rule_version"] ?? "", factorDigest: ordered[0].factorDigest)
      .rendered(), to: out + "/summary.json")
    try summary.writePartials(to: out + "/partials.csv", run: [
      ("profile", "tag"), ("shard", "1/1"), ("factor_set_digest", ordered[0].factorDigest),
      ("loans_file", ordered[0].loansFile), ("taxonomies", run["taxonomies"] ?? ""), ("rule_version", run["rule_version"] ?? ""),
      ("read", String(read)),
    ])
    try Provenance.writeManifest(out: out, command: "merge", inputs: [], factorDigest: ordered[0].factorDigest)
    print("merged \(ordered.count) tag shards: read \(read), accepted \(summary.loans) → \(out)/")
  }

  /// Merges `account --shard` outputs: finishes the shards' ledgers together, lines.csv by
  /// source line, rejects.
  func mergeAccounts(_ ordered: [ShardOutput]) throws {
    let run = ordered[0].raw["run"] ?? [:]
    for s in ordered where s.raw["run"].map({ r in ["methodology", "gwp_set", "as_of", "benchmarks", "scope3_proxy_region"]
      .contains { r[$0] != run[$0] } }) ?? true {
      throw InputError(file: s.directory + "/partials.csv", message: "options differ from \(ordered[0].directory); "
        + "shards must come from one run configuration")
    }
    let factors = try factorOptions.load()
    guard factors.digest == ordered[0].factorDigest else {
      throw InputError(file: factorOptions.factors ?? "bundled factor set", message:
        "factor-set digest \(factors.digest) differs from the shards' \(ordered[0].factorDigest); give their --factors")
    }
    guard let methodologyText = run["methodology"],
          methodologyText == Methodology.byRegion || Methodology(rawValue: methodologyText) != nil,
          let gwp = run["gwp_set"].flatMap(GWPSet.init(rawValue:)), let asOf = run["as_of"].flatMap(Day.init(iso:)) else {
      throw InputError(file: ordered[0].directory + "/partials.csv", message: "methodology, gwp_set or as_of is missing or unknown")
    }
    var options = AccountingOptions(methodology: Methodology(rawValue: methodologyText), gwpSet: gwp, asOf: asOf)
    options.scope3ProxyRegion = run["scope3_proxy_region"].flatMap { $0.isEmpty ? nil : $0 }
    let entityPath = entities ?? run["entities"] ?? ""
    let entityFile = try Entity.read(file: entityPath, displayName: basename(entityPath), threads: threads)
    let benchmarks = run["benchmarks"].flatMap { $0.isEmpty ? nil : $0 }
    let marks = try benchmarks.map { try SectorBenchmark.read(file: $0) } ?? []

    var accounting = CarbonAccounting(factors: factors, options: options, entities: entityFile.entities)
    var counts = AccountCounts()
    for s in ordered {
      try accounting.mergeLedgers(file: s.directory + "/ledgers.csv")
      counts.read += s.rows["read"] ?? 0
      counts.accepted += s.rows["accepted"] ?? 0
      counts.rejected += s.rows["rejected"] ?? 0
      counts.lines += s.rows["lines"] ?? 0
    }
    counts.entitiesRead = ordered[0].rows["entities_read"] ?? 0
    counts.entitiesAccepted = ordered[0].rows["entities_accepted"] ?? 0
    counts.entitiesRejected = ordered[0].rows["entities_rejected"] ?? 0

    let outputs = AccountOutputs(out: out, factors: factors, options: options, activitiesName: ordered[0].loansFile,
                                 benchmarks: benchmarks)
    try FileSystem.createDirectory(outputs.work)
    try mergeByLine(ordered.map { $0.directory + "/lines.csv" }, to: outputs.work + "/lines.csv")
    try mergeRejects(ordered, to: outputs.work + "/rejects.csv")
    (counts, _) = try outputs.write(accounting.finish(benchmarks: marks, threads: threads), counts: counts,
                                    lineParts: [outputs.work + "/lines.csv"], rejectParts: [outputs.work + "/rejects.csv"])
    try Provenance.writeManifest(out: out, command: "merge", inputs: [("entities", entityPath), ("benchmarks", benchmarks)],
                                 factorDigest: factors.digest)
    print("merged \(ordered.count) account shards: read \(counts.read), accepted \(counts.accepted), "
      + "rejected \(counts.rejected); \(counts.accounts) accounts, \(counts.lines) lines → \(out)/")
  }

  static let attributionSchema = TableSchema(name: "borrower_attribution", columns: [
    ColumnSpec("borrower_id", .identifier, required: true),
    ColumnSpec("loans", .integer(0...Int.max), required: true),
    ColumnSpec("attribution_sum", .nonNegativeDecimal, required: true),
    ColumnSpec("over_100_percent", .boolean, required: true),
  ])

  /// K-way merge of files whose records end with the input line number (`123` or
  /// `file.csv:123`), header first.
  func mergeByLine(_ files: [String], to path: String) throws {
    let streams = try files.map { try RecordStream(path: $0) }
    let output = try CSVWriter(path: path, header: [])
    var heads: [(line: Int, bytes: [UInt8])?] = []
    var header: [UInt8]?
    for s in streams {
      let h = try s.next()
      if header == nil { header = h }
      heads.append(try Self.keyed(s.next(), file: path))
    }
    if let header { header.withUnsafeBufferPointer { output.writeRaw($0) } }
    while true {
      var best: Int?
      for i in heads.indices { if let h = heads[i], best == nil || h.line < heads[best!]!.line { best = i } }
      guard let b = best else { break }
      heads[b]!.bytes.withUnsafeBufferPointer { output.writeRaw($0) }
      heads[b] = try Self.keyed(streams[b].next(), file: files[b])
    }
    try output.close()
  }

  /// The record with the line number its last field ends with.
  static func keyed(_ record: [UInt8]?, file: String) throws -> (line: Int, bytes: [UInt8])? {
    guard let record else { return nil }
    var end = record.endIndex
    if end > 0, record[end - 1] == 0x22 { end -= 1 }  // a quoted `"file, with comma.csv:12"`
    var start = end
    while start > 0, (0x30...0x39).contains(record[start - 1]) { start -= 1 }
    guard start < end, end - start <= 18, start == 0 || [0x2C, 0x3A].contains(record[start - 1]) else {
      throw InputError(file: file, message: "a record does not end with its input line number")
    }
    return (Int(String(decoding: record[start..<end], as: UTF8.self))!, record)
  }

  /// rejects.csv: shard 1's borrowers rejects first, then every shard's loan rejects by line.
  func mergeRejects(_ shards: [ShardOutput], to path: String) throws {
    var borrowerRows: [[String]] = []
    var loanRows: [(Int, [String])] = []
    for s in shards {
      try CSVReader.read(file: s.directory + "/rejects.csv") { r in
        guard r.line > 1 else { return }
        let fields = r.outputStrings
        if fields.first == s.loansFile { loanRows.append((Int(fields[1]) ?? 0, fields)) } else { borrowerRows.append(fields) }
      }
    }
    loanRows.sort { $0.0 < $1.0 }
    let w = try CSVWriter(path: path, header: RejectsWriter.header)
    for row in borrowerRows { w.writeRow(row) }
    for (_, row) in loanRows { w.writeRow(row) }
    try w.close()
  }
}

/// What one shard's --out directory says of itself (partials.csv).
struct ShardOutput {
  let directory: String
  var shard = Shard(index: 1, count: 1)
  var profile = ""
  var factorDigest = ""
  var loansFile = ""
  var rows: [String: Int] = [:]
  var groups: [String: PortfolioTotals] = [:]
  /// Every group as read (the tag profile's totals are rebuilt from these).
  var raw: [String: [String: String]] = [:]

  init(directory: String) throws {
    self.directory = directory
    var raw: [String: [String: String]] = [:]
    try CSVReader.read(file: directory + "/partials.csv") { r in
      guard r.line > 1, r.count == 3 else { return }
      raw[r.string(at: 0), default: [:]][r.string(at: 1)] = r.string(at: 2)
    }
    guard let run = raw["run"], let s = run["shard"].flatMap(Shard.init(argument:)) else {
      throw InputError(file: directory + "/partials.csv", message: "not the partials of a sharded run; run `greenledger finance` or `greenledger tag` with --shard I/N first")
    }
    shard = s
    profile = run["profile"] ?? ""
    factorDigest = run["factor_set_digest"] ?? ""
    loansFile = run["loans_file"] ?? run["activities_file"] ?? ""
    rows = (raw["rows"] ?? [:]).compactMapValues { Int($0) }
    self.raw = raw
    guard profile == "pcaf" else { return }
    for (group, values) in raw where group != "run" && group != "rows" {
      guard let t = PortfolioTotals(partial: values) else {
        throw InputError(file: directory + "/partials.csv", message: "group \(group) lacks a total; the file is damaged")
      }
      groups[group] = t
    }
  }
}
