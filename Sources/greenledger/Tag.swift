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

  func run() throws {
    var job = TaggingJob(loans: .file(loans), factors: try factorOptions.load())
    job.taxonomies = try taxonomy.split(separator: ",").map { t in
      guard let known = Taxonomy(rawValue: String(t)) else { throw ValidationError("unknown taxonomy \"\(t)\"; use cn, eu or cn,eu") }
      return known
    }
    (job.borrowers, job.accounts, job.exchangeRates) = (borrowers.map(TableSource.file), accounts, fx)
    job.reportingDay = try Account.day(asOf)
    job.vehicleBaselineGCO2PerKm = vehicleBaseline
    (job.shard, job.settings) = (shard, common.settings(threads: threads))
    let result = try job.run(writingTo: out)
    for w in result.warnings { common.warn(w) }
    print(result.line(reading: loans, to: out))
    try common.checkRejects(result.rejectedRows)
  }
}
