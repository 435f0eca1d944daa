public import FactorTables
public import Quantities
public import Tagging
import FinancedEmissions
import Integrity
import Tabular

/// The `tag` job: loans.csv → one tag per loan and taxonomy (code, status, evidence, missing
/// evidence, reduction), the green-loan statistics, summary.json, rejects.csv and manifest.json.
///
/// Loans approved before 2025-06-27 are tagged under the historical catalogue the notice
/// 银发〔2025〕132号 keeps for them (`Catalogue`'s standards table). Loans are read in
/// partitions; any thread count and any sharding give the same bytes.
///
/// ```swift
/// var job = TaggingJob(loans: "loans.csv", factors: try FactorSet.bundled())
/// job.borrowers = "borrowers.csv"
/// let result = try job.run(writingTo: "tags")
/// print(result.statistics.alignedLoans)
/// ```
public struct TaggingJob: Sendable {
  /// loans.csv (data contract), or rows in its layout.
  public var loans: TableSource
  /// The factor set: grid factors for the reductions.
  public var factors: FactorSet
  /// borrowers.csv: the borrower's sector supports the EU activity match.
  public var borrowers: TableSource?
  /// accounts.csv of an ``AccountingJob``: flags green claims of grade-5 or high-carbon borrowers.
  public var accounts: String?
  /// The taxonomies each loan is tagged under.
  public var taxonomies: [Taxonomy] = [.chinese, .eu]
  /// Exchange rates into CNY for the green balance.
  public var exchangeRates: String?
  /// The day of grid factors and EU dates.
  public var reportingDay = Day.today()
  /// Baseline gCO2/km a new-energy vehicle replaces (no cited default: without it vehicle
  /// reductions are not reported).
  public var vehicleBaselineGCO2PerKm: Double?
  /// Threads, progress, read limits and output encoding.
  public var settings = JobSettings()
  /// Only the loans of this shard (by `loan_id`).
  public var shard: Shard?

  /// A job under both taxonomies, without borrowers, accounts or exchange rates (CNY only).
  public init(loans: TableSource, factors: FactorSet) {
    self.loans = loans
    self.factors = factors
  }

  /// Every file the job may write in its output directory.
  public static let outputs = ["tags.csv", "green_summary.json", "partials.csv", "summary.json", "rejects.csv", "manifest.json"]

  /// Runs the job into `out` (created if needed).
  ///
  /// - Complexity: O(loans × text length) time; memory O(borrowers).
  /// - Throws: `OutputPlanError` when an output would overwrite an input; `InputError`,
  ///   `RowError` and `CatalogueError` for inputs that cannot be used as a whole.
  public func run(writingTo out: String) throws -> TaggingResult {
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".partitions", ".inputs"])
      .check(inputs: [("loans", loans.filePath), ("borrowers", borrowers?.filePath), ("accounts", accounts),
                      ("fx", exchangeRates)])
    let loans = try self.loans.path(staging: out + "/.inputs", name: "loans.csv")
    let borrowers = try self.borrowers?.path(staging: out + "/.inputs", name: "borrowers.csv")
    let inputs = [("loans", Optional(loans)), ("borrowers", borrowers), ("accounts", accounts), ("fx", exchangeRates)]
    let inputDigests = settings.writesManifest ? InputDigests(inputs) : nil
    let tagger = GreenTagger(reductions: ReductionCalculator(factors: factors, reportingDay: reportingDay,
                                                             vehicleBaselineGCO2PerKm: vehicleBaselineGCO2PerKm),
                             asOf: reportingDay)
    let rates = try exchangeRates.map { try ExchangeRates.read(file: $0) } ?? ExchangeRates()
    let book = try borrowers.map { try BorrowerBook.read(file: $0, displayName: FileSystem.baseName($0), threads: settings.threads) }
    let grades = try accounts.map { try CarbonGrades.read(file: $0) } ?? [:]
    let work = out + "/.partitions"
    try FileSystem.createDirectory(work)
    let names = taxonomies.map(\.rawValue)
    let name = FileSystem.baseName(loans)
    var pass = TagPass(tagger: tagger, taxonomies: names, rates: rates, book: book?.book, grades: grades, name: name,
                       shard: shard)
    pass.readOptions = settings.readOptions
    let progress = settings.progress?(loans)
    let parts = try IDSpill.uniquePasses { duplicates in
      try pass.pass(loans: loans, threads: settings.threads, workDirectory: work, duplicates: duplicates, progress: progress)
    }
    var result = TaggingResult(directory: out, warnings: book?.warnings ?? [])
    for (i, p) in parts.enumerated() {
      try p.files.close()
      result.statistics.merge(p.summary)
      result.read += p.read
      if i == 0, let w = p.warning { result.warnings.append(w) }
    }
    progress?.finish(rows: result.read)
    // Borrowers' rejects in shard 1 only, so that merged shards count them once.
    let bookRejects = try RejectsWriter(path: work + "/borrower-rejects.csv")
    let borrowerRejects = (shard?.index ?? 1) == 1 ? book?.rejected ?? [] : []
    for (e, raw) in borrowerRejects { bookRejects.reject(e, raw: raw) }
    try bookRejects.close()
    try PartitionFiles.assembleRejects(parts.map(\.files), after: [work + "/borrower-rejects.csv"], into: out + "/rejects.csv")
    try PartitionFiles.assemble(parts.map(\.files), header: TagPass.columns, into: out + "/tags.csv")
    FileSystem.removeDirectory(work)
    let statistics = result.statistics
    result.greenSummary = statistics.json(catalogue: tagger.catalogue)
    try FileSystem.write(result.greenSummary.rendered(), to: out + "/green_summary.json")
    let counts = TagPass.summary(read: result.read, accepted: statistics.loans, taxonomies: names,
                                 ruleVersion: tagger.catalogue.ruleVersion, factorDigest: factors.digest)
    try FileSystem.write(counts.rendered(), to: out + "/summary.json")
    try statistics.writePartials(to: out + "/partials.csv", run: [
      ("profile", "tag"), ("shard", shard?.description ?? "1/1"), ("factor_set_digest", factors.digest),
      ("loans_file", name), ("taxonomies", names.joined(separator: ",")),
      ("rule_version", tagger.catalogue.ruleVersion), ("read", String(result.read)),
    ])
    if let inputDigests {
      try Provenance.writeManifest(out: out, command: "tag", inputEntries: inputDigests.entries(),
                                   factorDigest: factors.digest, excel: settings.excel)
    }
    result.borrowersRejected = book?.rejected.count ?? 0
    return result
  }
}
