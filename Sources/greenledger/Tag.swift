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
    var summary = GreenLoanStatistics()
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
                                 factorDigest: factors.digest, excel: common.excel)
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
