import ArgumentParser
import GreenLedger

/// `greenledger account`: activity data → emission lines → enterprise carbon accounts.
struct Account: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compute enterprise carbon accounts (scope 1/2/3, intensity, carbon-efficiency grade).",
    discussion: """
      Writes accounts.csv, lines.csv, facilities.csv, summary.json and rejects.csv to --out.
      Every line carries its factor id, dataset version and formula.

      With --shard I/N it keeps the activities of the entities whose FNV-1a hash of entity_id
      falls in shard I and writes lines.csv, ledgers.csv (exact running totals), rejects.csv,
      partials.csv and summary.json; `greenledger merge` of all N shard directories writes the
      outputs of the single run, byte for byte (sector averages need every entity, so a shard
      writes no accounts).

      With --restate DIR (an earlier run's output, only read): restatement.csv per entity-year and
      restatement_lines.csv per line, old beside new, each change with its cause (factor edition,
      activity correction, boundary change) and each side's factor-set digest.

      Example:
        greenledger account --activities Examples/activities.csv --entities Examples/borrowers.csv --out out/
      """
  )

  @Option(help: "activities.csv (data contract).") var activities: String
  @Option(help: "Entities in the borrowers.csv format.") var entities: String
  @Option(help: "Sector averages for the carbon-efficiency grade (benchmarks.csv).") var benchmarks: String?
  @Option(help: "GWP-100 set: ar4, ar5 or ar6.") var gwp: GWPChoice = .ar6
  @Option(help: "Combustion method for every entity: cn-gbt (GB/T 32151, CO2), ghg-protocol (IPCC 2006, adds CH4/N2O), epa or desnz (default: each entity's region's own method, from the factor set's region_methods table).")
  var method: MethodChoice?
  @Option(help: "Periods starting after this day (YYYY-MM-DD) are rejected (default: today).")
  var asOf: String?
  @Option(help: "Region whose scope 3 factors stand in where the activity's region has none (e.g. GB).")
  var scope3ProxyRegion: String?
  @Option(help: "Recompute with this factor directory too and write restatement.csv.")
  var compareFactors: String?
  @Option(help: "Restate an earlier account or run output directory: restatement.csv and restatement_lines.csv with causes.")
  var restate: String?
  @Option(help: "Threads for reading activities.") var threads = 2
  @Option(help: "Only the activities of shard I of N (1-based), by a stable hash of entity_id; finish the shards with `greenledger merge`.")
  var shard: Shard?
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  enum GWPChoice: String, ExpressibleByArgument, CaseIterable {
    case ar4, ar5, ar6
    var set: GWPSet { GWPSet(rawValue: rawValue.uppercased())! }
  }

  enum MethodChoice: String, ExpressibleByArgument, CaseIterable {
    case cnGBT = "cn-gbt", ghgProtocol = "ghg-protocol", epa, desnz
    var methodology: Methodology { Methodology(rawValue: rawValue)! }
  }

  func run() throws {
    var options = AccountingOptions(methodology: method?.methodology, gwpSet: gwp.set, asOf: try Self.day(asOf))
    options.scope3ProxyRegion = scope3ProxyRegion
    var job = AccountingJob(activities: .file(activities), entities: .file(entities), factors: try factorOptions.load(), options: options)
    (job.benchmarks, job.shard, job.settings, job.previous) = (benchmarks, shard, common.settings(threads: threads), restate)
    job.restatementFactors = try compareFactors.map { try FactorSet.load(directory: $0) }
    let result = try job.run(writingTo: out)
    for w in result.warnings { common.warn(w) }
    print(result.line(reading: activities, shard: shard, to: out))
    try common.checkRejects(result.rejectedRows)
  }

  /// The day `text` (YYYY-MM-DD), or today (UTC) when `text` is `nil`.
  static func day(_ text: String?) throws -> Day {
    guard let text else { return .today() }
    guard let d = Day(iso: text) else { throw ValidationError("--as-of must be YYYY-MM-DD, found \"\(text)\"") }
    return d
  }
}
