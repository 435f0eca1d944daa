public import ArgumentParser
public import GreenLedger

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
  @Option(help: "pcaf (default) or finance-basic (the benchmark job).") var profile = FinancedEmissionsJob.Profile.pcaf
  @Option(help: "Reporting date (YYYY-MM-DD) for grid factors of buildings (default: today).") var asOf: String?
  @Option(help: "Threads.") var threads = 2
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    var job = FinancedEmissionsJob(loans: .file(loans), borrowers: .file(borrowers), factors: try factorOptions.load())
    (job.accounts, job.exchangeRates, job.sectorIntensities, job.countries, job.tags) =
      (accounts, fx, sectorIntensities, countries, tags)
    job.profile = profile
    job.reportingDay = try Account.day(asOf)
    (job.shard, job.settings) = (shard, common.settings(threads: threads))
    let result = try job.run(writingTo: out)
    for w in result.warnings { common.warn(w) }
    print(result.line(reading: loans, shard: shard, to: out))
    try common.checkRejects(result.rejectedRows)
  }
}

extension Shard: ExpressibleByArgument {
  /// `I/N`: shard I (1-based) of N.
  public init?(argument: String) { self.init(argument) }
}

extension FinancedEmissionsJob.Profile: ExpressibleByArgument {}
