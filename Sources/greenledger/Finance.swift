import ArgumentParser
import GreenLedger

/// `greenledger finance`: PCAF financed emissions of a loan book, or the benchmark job
/// `finance-basic`.
struct Finance: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compute financed emissions (PCAF Part A) and portfolio metrics of a loan book.",
    discussion: """
      Writes financed.csv (one row per accepted loan, in input order), borrower_attribution.csv,
      partials.csv (exact totals for `greenledger merge`), summary.json and rejects.csv to --out.
      With --profile finance-basic it runs the benchmark job of shared/bench/README.md instead
      and writes finance-basic.csv and finance-basic.json.

      Money is converted to CNY with --fx (columns currency, cny_per_unit); a loan whose
      currency has no rate is rejected, never guessed.

      Examples:
        greenledger finance --loans loans.csv --borrowers borrowers.csv --fx fx.csv --out out/
        greenledger finance --loans loans.csv --borrowers borrowers.csv --shard 1/4 --out shard1/
        greenledger finance --profile finance-basic --loans loans.csv --borrowers borrowers.csv \\
          --fx fx_rates.csv --sector-intensities sector_intensity.csv --out bench/
      """
  )

  @Option(help: "loans.csv (data contract).") var loans: String
  @Option(help: "borrowers.csv (data contract).") var borrowers: String
  @Option(help: "accounts.csv of `greenledger account`: borrowers' emissions from activity data (score 2).")
  var accounts: String?
  @Option(help: "Exchange rates into CNY: currency,cny_per_unit[,date][,source]. Without it only CNY is accepted.")
  var fx: String?
  @Option(help: "Sector intensities for option 3 estimates: prefix,tco2e_per_million_cny (longest prefix wins; default: the factor set's sector-intensities dataset, an unofficial estimate).")
  var sectorIntensities: String?
  @Option(help: "Country GDP (PPP) and emissions for sovereign debt: country,year,gdp_ppp,emissions_excl_lulucf,…")
  var countries: String?
  @Option(help: "tags.csv of `greenledger tag`: loans with an aligned tag count as green.") var tags: String?
  @Option(help: "Only the loans of shard I of N (1-based), by a stable hash of loan_id.") var shard: Shard?
  @Option(help: "pcaf (default) or finance-basic (the benchmark job).") var profile: Profile = .pcaf
  @Option(help: "Reporting date (YYYY-MM-DD) for grid factors of buildings (default: today).") var asOf: String?
  @Option(help: "Threads.") var threads = 2
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  enum Profile: String, ExpressibleByArgument, CaseIterable {
    case pcaf, financeBasic = "finance-basic"
  }

  /// Every file `finance` may write in --out (checked against its inputs before it starts).
  static let outputs = ["financed.csv", "borrower_attribution.csv", "partials.csv", "summary.json", "rejects.csv",
                        "manifest.json"]

  func run() throws {
    // The inputs' digests for the manifest, computed while the job runs.
    let inputs = [
      ("loans", loans), ("borrowers", borrowers), ("accounts", accounts), ("fx", fx),
      ("sector_intensities", sectorIntensities), ("countries", countries), ("tags", tags),
    ]
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".partitions"]).check(inputs: inputs)
    let inputDigests = InputDigests(inputs)
    let factors = try factorOptions.load()
    try FileSystem.createDirectory(out)
    let rates = try fx.map { try ExchangeRates.read(file: $0) } ?? ExchangeRates()
    let intensities = try sectorIntensities.map { try SectorIntensityTable.read(file: $0) }
      ?? SectorIntensityTable(factorSet: factors)
    let book = try BorrowerBook.read(file: borrowers, displayName: basename(borrowers), threads: threads)
    for w in book.warnings { common.warn(w) }
    let reportingDay = try Account.day(asOf)
    let calculator = FinancedEmissionsCalculator(
      exchangeRates: rates, sectorIntensities: intensities,
      countries: try countries.map { try CountryData.read(file: $0) } ?? [],
      accounts: try accounts.map { try AccountEmissions.read(file: $0) } ?? [:],
      gridFactor: { region in
        guard let f = try? factors.lookup("electricity.grid", in: region, on: reportingDay).primary,
              let perKWh = try? UnitOfMeasure.kilowattHours.conversionFactor(to: f.unit.perUnit)
        else { return nil }
        return (f.unit.tonnes(of: f.value) * perKWh, f.id)
      })
    let green = try tags.map { try GreenTags.read(file: $0) } ?? []

    var job = FinanceJob(calculator: calculator, book: book.book, green: green, shard: shard,
                         basic: profile == .financeBasic, loansName: basename(loans), threads: threads)
    job.progress = Progress(file: loans, label: basename(loans), quiet: common.quiet)
    let result = try job.perform(loans: loans, threads: threads, workDirectory: out + "/.partitions")
    job.progress?.finish(rows: result.read)
    for w in result.warnings { common.warn(w) }
    if let tags, !green.isEmpty, shard == nil, result.totals[.greenOutstanding] == 0 {
      common.warn("none of the \(green.count) loans tagged aligned in \(basename(tags)) is an accepted loan of "
        + "\(basename(loans)): are the tags from another loan book? The green share is 0")
    }
    let outputName = profile == .financeBasic ? "finance-basic.csv" : "financed.csv"
    let outputDigest = try BackgroundDigest()
    for part in result.files { try outputDigest.append(file: part.outputPath) }

    // Rejects: borrowers first (shard 1 only, so that merged shards count them once), then loans.
    let rejects = try RejectsWriter(path: out + "/.partitions/borrower-rejects.csv")
    let borrowerRejects = (shard?.index ?? 1) == 1 ? book.rejected : []
    for (error, raw) in borrowerRejects { rejects.reject(error, raw: raw) }
    try rejects.close()
    try PartitionFiles.assembleRejects(result.files, after: [out + "/.partitions/borrower-rejects.csv"],
                                       into: out + "/rejects.csv")

    try PartitionFiles.assemble(result.files, header: job.outputColumns, into: out + "/" + outputName)
    removeDirectory(out + "/.partitions")

    let borrowerCounts = (read: (shard?.index ?? 1) == 1 ? book.read : 0, rejected: borrowerRejects.count)
    let summary = result.summary(command: "finance", profile: profile.rawValue, shard: shard,
                                 borrowers: borrowerCounts, factorDigest: factors.digest)
    if profile == .financeBasic {
      try FileSystem.write(result.basicTotals.rendered(), to: out + "/finance-basic.json")
    } else {
      try result.writeBorrowerAttribution(to: out + "/borrower_attribution.csv", book: book.book)
      try result.writePartials(to: out + "/partials.csv", profile: profile.rawValue, shard: shard,
                               borrowers: borrowerCounts, factorDigest: factors.digest, loansFile: basename(loans))
    }
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    try Provenance.writeManifest(out: out, command: "finance", inputEntries: inputDigests.entries(),
                                 factorDigest: factors.digest,
                                 precomputed: Provenance.outputEntries(outputDigest, named: outputName, out: out),
                                 excel: common.excel)
    print("\(basename(loans)): read \(result.read), accepted \(result.accepted), rejected \(result.rejected)"
      + (shard.map { " (shard \($0))" } ?? "") + "; scored \(profile == .financeBasic ? result.basicTotals.scored : result.totals[.scored]) → \(out)/")
    try common.checkRejects(result.rejected + borrowerRejects.count)
  }
}

/// `I/N`: shard I (1-based) of N.
struct Shard: ExpressibleByArgument, CustomStringConvertible, Hashable {
  let index: Int
  let count: Int

  init?(argument: String) {
    let parts = argument.split(separator: "/")
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
    index = i
    count = n
  }

  init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  var description: String { "\(index)/\(count)" }

  /// Whether a row whose loan id has these bytes belongs to this shard: FNV-1a 64 of the
  /// bytes, modulo N (stable across runs, machines and versions).
  func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    Int(Shard.fnv1a(bytes) % UInt64(count)) == index - 1
  }

  /// Whether `record` belongs to this shard: by its id field, or by its line number when the
  /// record is malformed or lacks the field.
  func owns(_ record: borrowing CSVRecord, idField: Int?) -> Bool {
    if record.issue == nil, let i = idField, i < record.count { return contains(record[i]) }
    var text = "line:\(record.line)"
    return text.withUTF8 { contains($0) }
  }

  static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }
}
