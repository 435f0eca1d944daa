public import LoanBook
public import FactorTables
public import FinancedEmissions
public import Quantities
import Integrity
import Tabular

/// The `finance` job: loans.csv and borrowers.csv → financed emissions per loan (PCAF Part A,
/// 2nd ed. 2022), borrower attribution and portfolio metrics, with rejects.csv, summary.json
/// and manifest.json, in one output directory.
///
/// Loans are read in partitions on ``JobSettings/threads`` threads; totals are exact, so any thread count
/// and any sharding (merged by ``ShardMerge``) give the same bytes. `loan_id` must be unique in
/// the file: repeats after the first are rejected, with memory bounded by one spill bucket.
///
/// ```swift
/// var job = FinancedEmissionsJob(loans: "loans.csv", borrowers: "borrowers.csv", factors: try FactorSet.bundled())
/// job.exchangeRates = "fx.csv"
/// let result = try job.run(writingTo: "out")
/// print(result.portfolio.economicEmissionIntensity ?? 0)
/// ```
public struct FinancedEmissionsJob: Sendable {
  /// What the job computes.
  public enum Profile: String, CaseIterable, Sendable {
    /// PCAF financed emissions with every output.
    case pcaf
    /// The benchmark job of shared/bench/README.md (finance-basic.csv and .json).
    case financeBasic = "finance-basic"
  }

  /// loans.csv (data contract), or rows in its layout.
  public var loans: TableSource
  /// borrowers.csv (data contract), or rows in its layout.
  public var borrowers: TableSource
  /// The factor set: sector intensities (option 3) and grid factors for buildings.
  public var factors: FactorSet
  /// accounts.csv of an ``AccountingJob``: borrowers' emissions computed from activity data.
  public var accounts: String?
  /// Borrowers' emissions from carbon accounts held in memory (`AccountEmissions.latest(of:)`),
  /// used when ``accounts`` is `nil`.
  public var accountEmissions: [EntityID: AccountEmissions] = [:]
  /// Exchange rates into CNY (currency,cny_per_unit); without it only CNY loans are accepted.
  public var exchangeRates: String?
  /// Sector intensities for option 3 estimates (default: the factor set's sector-intensities).
  public var sectorIntensities: String?
  /// Country GDP (PPP) and emissions for sovereign debt.
  public var countries: String?
  /// tags.csv of a ``TaggingJob``: loans with an aligned tag count as green.
  public var tags: String?
  /// PCAF financed emissions, or the finance-basic benchmark job.
  public var profile = Profile.pcaf
  /// The day whose grid factors score buildings.
  public var reportingDay = Day.today()
  /// Threads, progress, read limits and output encoding.
  public var settings = JobSettings()
  /// Only the loans of this shard (by `loan_id`).
  public var shard: Shard?

  /// A PCAF job over these inputs: no exchange rates (CNY only), accounts, tags or shard.
  public init(loans: TableSource, borrowers: TableSource, factors: FactorSet) {
    self.loans = loans
    self.borrowers = borrowers
    self.factors = factors
  }

  /// Every file the job may write in its output directory.
  public static let outputs = ["financed.csv", "borrower_attribution.csv", "partials.csv", "summary.json", "rejects.csv",
                               "manifest.json"]

  /// Runs the job into `out` (created if needed).
  ///
  /// - Complexity: O(loans) time; memory O(borrowers), not loans.
  /// - Throws: `OutputPlanError` when an output would overwrite an input; `InputError` and
  ///   `RowError` for inputs that cannot be used as a whole (rows that cannot are rejected).
  public func run(writingTo out: String) throws -> FinancedEmissionsResult {
    let others = [("accounts", accounts), ("fx", exchangeRates), ("sector_intensities", sectorIntensities),
                  ("countries", countries), ("tags", tags)]
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".partitions", ".inputs"])
      .check(inputs: [("loans", loans.filePath), ("borrowers", borrowers.filePath)] + others)
    let loans = try self.loans.path(staging: out + "/.inputs", name: "loans.csv")
    let borrowers = try self.borrowers.path(staging: out + "/.inputs", name: "borrowers.csv")
    let inputs = [("loans", Optional(loans)), ("borrowers", borrowers)] + others
    let inputDigests = settings.writesManifest ? InputDigests(inputs) : nil
    try FileSystem.createDirectory(out)
    let work = out + "/.partitions"
    let rates = try exchangeRates.map { try ExchangeRates.read(file: $0) } ?? ExchangeRates()
    let intensities = try sectorIntensities.map { try SectorIntensityTable.read(file: $0) }
      ?? SectorIntensityTable(factorSet: factors)
    let book = try BorrowerBook.read(file: borrowers, displayName: FileSystem.baseName(borrowers), threads: settings.threads)
    let calculator = FinancedEmissionsCalculator(
      exchangeRates: rates, sectorIntensities: intensities,
      countries: try countries.map { try CountryData.read(file: $0) } ?? [],
      accounts: try accounts.map { try AccountEmissions.read(file: $0) } ?? accountEmissions,
      gridFactor: FinancedEmissionsCalculator.gridFactors(from: factors, on: reportingDay))
    let green = try tags.map { try GreenTags.read(file: $0) } ?? []
    let loansName = FileSystem.baseName(loans)

    var pass = FinancePass(calculator: calculator, book: book.book, green: green, shard: shard,
                           basic: profile == .financeBasic, loansName: loansName, threads: settings.threads,
                           reportingYear: reportingDay.year)
    pass.progress = settings.progress?(loans)
    pass.readOptions = settings.readOptions
    let result = try pass.perform(loans: loans, threads: settings.threads, workDirectory: work)
    pass.progress?.finish(rows: result.read)
    var warnings = book.warnings + result.warnings
    if let tags, !green.isEmpty, shard == nil, result.totals[.greenOutstanding] == 0 {
      warnings.append("none of the \(green.count) loans tagged aligned in \(FileSystem.baseName(tags)) is an accepted "
        + "loan of \(loansName): are the tags from another loan book? The green share is 0")
    }
    let outputName = profile == .financeBasic ? "finance-basic.csv" : "financed.csv"
    let outputDigest = try BackgroundDigest()
    for part in result.files { try outputDigest.append(file: part.outputPath) }

    // Rejects: borrowers first (shard 1 only, so that merged shards count them once), then loans.
    let rejects = try RejectsWriter(path: work + "/borrower-rejects.csv")
    let borrowerRejects = (shard?.index ?? 1) == 1 ? book.rejected : []
    for (error, raw) in borrowerRejects { rejects.reject(error, raw: raw) }
    try rejects.close()
    try PartitionFiles.assembleRejects(result.files, after: [work + "/borrower-rejects.csv"], into: out + "/rejects.csv")
    try PartitionFiles.assemble(result.files, header: pass.outputColumns, into: out + "/" + outputName)
    FileSystem.removeDirectory(work)

    let borrowerCounts = (read: (shard?.index ?? 1) == 1 ? book.read : 0, rejected: borrowerRejects.count)
    let summary = result.summary(command: "finance", profile: profile.rawValue, shard: shard,
                                 borrowers: borrowerCounts, factorDigest: factors.digest)
    if profile == .financeBasic {
      try FileSystem.write(result.basicTotals.rendered(), to: out + "/finance-basic.json")
    } else {
      try result.writeBorrowerAttribution(to: out + "/borrower_attribution.csv", book: book.book)
      try result.writePartials(to: out + "/partials.csv", profile: profile.rawValue, shard: shard,
                               borrowers: borrowerCounts, factorDigest: factors.digest, loansFile: loansName)
    }
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    let entries = Provenance.outputEntries(outputDigest, named: outputName, out: out)
    if let inputDigests {
      try Provenance.writeManifest(out: out, command: "finance", inputEntries: inputDigests.entries(),
                                   factorDigest: factors.digest, precomputed: entries, excel: settings.excel)
    }
    return FinancedEmissionsResult(
      directory: out, read: result.read, accepted: result.accepted, rejected: result.rejected,
      borrowersRead: borrowerCounts.read, borrowersRejected: borrowerCounts.rejected,
      scored: profile == .financeBasic ? result.basicTotals.scored : result.totals[.scored],
      portfolio: result.totals,
      byAssetClass: Dictionary(uniqueKeysWithValues: AssetClass.allCases.enumerated().compactMap { i, c in
        result.byClass[i][.loans] > 0 ? (c, result.byClass[i]) : nil }),
      bySection: result.bySector, warnings: warnings, outputEntries: entries, summary: summary)
  }
}
