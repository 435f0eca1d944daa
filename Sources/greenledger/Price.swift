import ArgumentParser
import GreenLedger

/// `greenledger price`: grade → margin adjustments and sustainability-linked ratchets.
struct Price: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Link scores to loan pricing: a grade → bps grid and SLL margin ratchets.",
    discussion: """
      With --scores, writes pricing.csv (entity, year, grade, adjustment in bps). Without
      --grid the example grid is used and every row says `example`: it is not a price.
      With --ratchet TERMS.json and --observed FILE (year,kpi,value), writes ratchet.csv: each
      KPI's target, observed value, status and adjustment, then the capped total.

      Examples:
        greenledger price --scores scores/scores.csv --out pricing/
        greenledger price --ratchet Examples/sll-terms.json --observed Examples/sll-observed.csv --out pricing/
      """
  )

  @Option(help: "scores.csv of `greenledger score`.") var scores: String?
  @Option(help: "Pricing grid JSON: {\"id\",\"example\",\"note\",\"adjustments\":{\"AAA\":-15,…}}.") var grid: String?
  @Option(help: "Ratchet terms JSON: {\"kpis\":[…],\"cap_bps\":10,\"two_way\":true}.") var ratchet: String?
  @Option(help: "Observed KPI values: year,kpi,value.") var observed: String?
  @Option(help: "Output directory.") var out: String

  func validate() throws {
    guard scores != nil || ratchet != nil else { throw ValidationError("give --scores, --ratchet with --observed, or both") }
    guard (ratchet == nil) == (observed == nil) else { throw ValidationError("--ratchet and --observed go together") }
  }

  func run() throws {
    var job = PricingJob()
    (job.scores, job.grid, job.ratchet, job.observed) = (scores, grid, ratchet, observed)
    try job.run(writingTo: out)
    print("pricing written to \(out)/")
  }
}
