import ArgumentParser
import GreenLedger

/// `greenledger run`: accounts → scores → tags → financed emissions → report.html.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run every stage (accounts, scores, tags, financed emissions) and write report.html.",
    discussion: """
      Writes to --out: accounts.csv, lines.csv, facilities.csv (with --activities), scores.csv,
      explanations.csv (with --activities), tags.csv, green_summary.json, financed.csv,
      borrower_attribution.csv, report.html, summary.json (every stage's counts and the
      provenance: factor-set digest, dataset and methodology versions, input file digests),
      report.pdf (with --pdf), change.csv (with --previous), disclosures/ (PCAF, PBoC, IFRS S2),
      rejects.csv (all stages), and stages/<stage>/ with each stage's own summary and rejects.

      Example:
        greenledger run --loans Examples/loans.csv --borrowers Examples/borrowers.csv \\
          --activities Examples/activities.csv --esg Examples/esg.csv --fx Examples/fx.csv --out out/
      """
  )

  @Option(help: "loans.csv.") var loans: String
  @Option(help: "borrowers.csv (also the entities of the carbon accounts).") var borrowers: String
  @Option(help: "activities.csv: enables carbon accounts and scores.") var activities: String?
  @Option(help: "esg.csv for the S and G pillars.") var esg: String?
  @Option(help: "benchmarks.csv: sector averages for the carbon-efficiency grade.") var benchmarks: String?
  @Option(help: "Exchange rates into CNY (currency,cny_per_unit).") var fx: String?
  @Option(help: "Country GDP (PPP) and emissions for sovereign debt.") var countries: String?
  @Option(help: "Sector intensities (prefix,tco2e_per_million_cny); default: the factor set's.") var sectorIntensities: String?
  @Option(help: "Scoring methodology JSON (default: the bundled one).") var methodology: String?
  @Option(help: "Combustion method for every entity (default: each entity's region's own; see account --help).")
  var method: Account.MethodChoice?
  @Option(help: "Region whose scope 3 factors stand in where the activity's region has none (passed to account).")
  var scope3ProxyRegion: String?
  @Option(help: "Reporting date YYYY-MM-DD (default: today).") var asOf: String?
  @Option(help: "The previous period's run directory: change against its financed.csv.") var previous: String?
  @Option(help: "Threads for accounts and financed emissions.") var threads = 2
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var report: ReportOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    var pipeline = Pipeline(loans: .file(loans), borrowers: .file(borrowers), factors: try factorOptions.load())
    (pipeline.activities, pipeline.esg, pipeline.benchmarks, pipeline.exchangeRates) =
      (activities.map(TableSource.file), esg, benchmarks, fx)
    (pipeline.countries, pipeline.sectorIntensities, pipeline.methodology) = (countries, sectorIntensities, methodology)
    (pipeline.reportingDay, pipeline.previous) = (try Account.day(asOf), previous)
    pipeline.accountingOptions.methodology = method?.methodology
    pipeline.accountingOptions.scope3ProxyRegion = scope3ProxyRegion
    report.apply(to: &pipeline)
    try pipeline.run(writingTo: out, common: common, threads: threads)
  }
}

extension Pipeline {
  /// Runs with the common options' progress, warnings, --excel and --max-rejects, and lists the outputs.
  func run(writingTo out: String, common: CommonOptions, threads: Int = 2) throws {
    var pipeline = self
    pipeline.settings = common.settings(threads: threads)
    let result = try pipeline.run(writingTo: out)
    for w in result.warnings { common.warn(w) }
    let stage = { (name: String) in out + "/stages/" + name }
    if let accounting = result.accounting, let activities {
      print(accounting.line(reading: activities.filePath ?? "activities.csv", to: stage("account")))
    }
    if let scoring = result.scoring { print(scoring.line(to: stage("score"))) }
    if let tagging = result.tagging { print(tagging.line(reading: loans.filePath ?? "loans.csv", to: stage("tag"))) }
    if let financing = result.financing { print(financing.line(reading: loans.filePath ?? "loans.csv", to: stage("finance"))) }
    let written = result.stageNames.flatMap { s in Pipeline.stageOutputs.first { $0.key == s }?.value ?? [] }
    print("outputs in \(out)/: " + (written + ["report.html"] + (writesPDF ? ["report.pdf"] : [])
      + (sustainabilityLinkedLoan == nil ? [] : ["pricing.csv", "ratchet.csv"]) + ["summary.json", "rejects.csv", "disclosures/"]).joined(separator: ", "))
    try common.checkRejects(result.distinctRejectedRows)
  }
}
