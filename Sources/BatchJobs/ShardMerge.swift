import LoanBook
public import FactorTables
import Accounting
import FinancedEmissions
import Integrity
import Quantities
import Tabular
import Tagging

/// The reduce step over the outputs of jobs run with a ``Shard``: finance (PCAF profile), tag
/// or account shards → the outputs of the unsharded run, byte for byte.
///
/// Each shard's directory must hold its manifest.json and match it (SHA-256 and SM3) before any
/// file is read; every shard 1/N … N/N exactly once, from one run configuration and factor set.
/// Account shards' exact ledgers are finished together, so sector averages and grades see
/// every entity.
///
/// ```swift
/// let merged = try ShardMerge(directories: ["s1", "s2"], factors: try FactorSet.bundled()).run(writingTo: "merged")
/// ```
public struct ShardMerge: Sendable {
  /// The shards' output directories, in any order.
  public var directories: [String]
  /// The factor set of account shards (must have their digest).
  public var factors: FactorSet
  /// Account shards: the entities file, when not at the path the shards recorded.
  public var entities: String?
  /// Account shards: threads that finish the accounts.
  public var threads = 2

  /// A merge of these shard directories with the default threads.
  public init(directories: [String], factors: FactorSet) {
    self.directories = directories
    self.factors = factors
  }

  /// Verifies every shard against its manifest, then writes the single run's outputs to `out`.
  ///
  /// - Complexity: row files are streamed (memory does not grow with loans or activity
  ///   rows); rejected rows are held in memory; account merges hold one ledger per entity-year.
  /// - Throws: ``JobOptionsError`` without shards; `InputError` for a shard that is missing,
  ///   tampered with (SHA-256 or SM3 differ from its manifest), repeated, from another run
  ///   configuration or factor set; `OutputPlanError` when `out` is one of the shards.
  public func run(writingTo out: String) throws -> ShardMergeResult {
    guard !directories.isEmpty else { throw JobOptionsError("give the shard directories to merge") }
    // Every file of every shard is an input: merging into a shard's own directory is refused.
    let shardFiles = directories.flatMap { d in
      ((try? FileSystem.contentsOfDirectory(d)) ?? []).map { ("shard \(d)", Optional(d + "/" + $0)) }
    }
    try OutputPlan(directory: out, files: AccountingJob.outputs + FinancedEmissionsJob.outputs + TaggingJob.outputs,
                   workDirectories: [".partitions"])
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
    if shards[0].profile == "tag" { return try mergeTags(ordered, into: out) }
    if shards[0].profile == "account" { return try mergeAccounts(ordered, into: out) }
    guard shards[0].profile == "pcaf" else {
      throw InputError(file: shards[0].directory, message: "merge supports finance (pcaf profile), tag and account shards")
    }

    var result = FinancePass.Result()
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
      for (i, k) in FinancePass.Result.scope3Groups.enumerated() {
        if let t = s.groups[k] { result.byScope3Requirement[i].merge(t) }
      }
    }
    let borrowers = (read: ordered[0].rows["borrowers_read"] ?? 0, rejected: ordered[0].rows["borrowers_rejected"] ?? 0)
    result.reportingYear = ordered[0].raw["run"]?["reporting_year"].flatMap { Int($0) }

    // borrower_attribution.csv: sums per borrower.
    var attribution: [String: (Int, Int128)] = [:]
    for s in ordered {
      try ReferenceTable.read(file: s.directory + "/borrower_attribution.csv", schema: ShardFiles.attributionSchema) { r, c in
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

    try ShardFiles.mergeByLine(ordered.map { $0.directory + "/financed.csv" }, to: out + "/financed.csv")
    try ShardFiles.mergeRejects(ordered, to: out + "/rejects.csv")
    let summary = result.summary(command: "finance", profile: "pcaf", shard: nil, borrowers: borrowers,
                                 factorDigest: ordered[0].factorDigest)
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    try result.writePartials(to: out + "/partials.csv", profile: "pcaf", shard: nil, borrowers: borrowers,
                             factorDigest: ordered[0].factorDigest, loansFile: ordered[0].loansFile)
    try Provenance.writeManifest(out: out, command: "merge", inputs: [], factorDigest: ordered[0].factorDigest)
    return ShardMergeResult(profile: .finance, shards: shards.count, read: result.read, accepted: result.accepted,
                            rejected: result.rejected)
  }

  /// Merges `tag --shard` outputs: tags.csv by input line, rejects, and the green summary
  /// from the exact partial totals.
  private func mergeTags(_ ordered: [ShardOutput], into out: String) throws -> ShardMergeResult {
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
    try ShardFiles.mergeByLine(ordered.map { $0.directory + "/tags.csv" }, to: out + "/tags.csv")
    try ShardFiles.mergeRejects(ordered, to: out + "/rejects.csv")
    try FileSystem.write(summary.json(catalogue: .bundled).rendered(), to: out + "/green_summary.json")
    try FileSystem.write(TagPass.summary(read: read, accepted: summary.loans, taxonomies: taxonomies,
                                        ruleVersion: run["rule_version"] ?? "", factorDigest: ordered[0].factorDigest)
      .rendered(), to: out + "/summary.json")
    try summary.writePartials(to: out + "/partials.csv", run: [
      ("profile", "tag"), ("shard", "1/1"), ("factor_set_digest", ordered[0].factorDigest),
      ("loans_file", ordered[0].loansFile), ("taxonomies", run["taxonomies"] ?? ""), ("rule_version", run["rule_version"] ?? ""),
      ("read", String(read)),
    ])
    try Provenance.writeManifest(out: out, command: "merge", inputs: [], factorDigest: ordered[0].factorDigest)
    return ShardMergeResult(profile: .tag, shards: ordered.count, read: read, accepted: summary.loans,
                            rejected: read - summary.loans)
  }

  /// Merges `account --shard` outputs: finishes the shards' ledgers together, lines.csv by
  /// source line, rejects.
  private func mergeAccounts(_ ordered: [ShardOutput], into out: String) throws -> ShardMergeResult {
    let run = ordered[0].raw["run"] ?? [:]
    for s in ordered where s.raw["run"].map({ r in ["methodology", "gwp_set", "as_of", "benchmarks", "scope3_proxy_region"]
      .contains { r[$0] != run[$0] } }) ?? true {
      throw InputError(file: s.directory + "/partials.csv", message: "options differ from \(ordered[0].directory); "
        + "shards must come from one run configuration")
    }
    guard factors.digest == ordered[0].factorDigest else {
      throw InputError(file: factors.sourceName, message:
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
    let entityFile = try Enterprise.read(file: entityPath, displayName: FileSystem.baseName(entityPath), threads: threads)
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
    try ShardFiles.mergeByLine(ordered.map { $0.directory + "/lines.csv" }, to: outputs.work + "/lines.csv")
    try ShardFiles.mergeRejects(ordered, to: outputs.work + "/rejects.csv")
    (counts, _) = try outputs.write(accounting.finish(benchmarks: marks, threads: threads), counts: counts,
                                    lineParts: [outputs.work + "/lines.csv"], rejectParts: [outputs.work + "/rejects.csv"])
    try Provenance.writeManifest(out: out, command: "merge", inputs: [("entities", entityPath), ("benchmarks", benchmarks)],
                                 factorDigest: factors.digest)
    var result = ShardMergeResult(profile: .account, shards: ordered.count, read: counts.read, accepted: counts.accepted,
                                  rejected: counts.rejected)
    result.accountCounts = counts
    return result
  }
}
