import ArgumentParser
import GreenLedger

/// `greenledger merge`: the reduce step over the outputs of `finance --shard I/N`.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Merge the outputs of `finance`, `tag` or `account` runs with --shard I/N into the single run's outputs.",
    discussion: """
      Takes every shard's --out directory (each shard exactly once, same profile and factor
      set) and writes the outputs of an unsharded run, byte for byte:
        finance  financed.csv, borrower_attribution.csv, partials.csv, summary.json, rejects.csv
        tag      tags.csv, green_summary.json, partials.csv, summary.json, rejects.csv
        account  lines.csv, accounts.csv, facilities.csv, summary.json, rejects.csv; the shards'
                 exact ledgers are finished together, so sector averages and grades see every
                 entity. It reads the entities file the shards name (or --entities) and the
                 factor set (--factors, default bundled), which must have the shards' digest.
      Streams the row files (memory does not grow with loans or activity rows); rejected rows
      are held in memory, and account merges hold one ledger per entity-year.

      Example:
        greenledger merge shard1/ shard2/ shard3/ shard4/ --out merged/
      """
  )

  @Argument(help: "Shard output directories.") var directories: [String]
  @Option(help: "Output directory.") var out: String
  @Option(help: "account shards: the entities file, when not at the path the shards recorded.") var entities: String?
  @Option(help: "account shards: threads that finish the accounts.") var threads = 2
  @OptionGroup var factorOptions: FactorOptions

  func run() throws {
    var merge = ShardMerge(directories: directories, factors: try factorOptions.load())
    (merge.entities, merge.threads) = (entities, threads)
    let r = try merge.run(writingTo: out)
    switch r.profile {
    case .finance: print("merged \(r.shards) shards: read \(r.read), accepted \(r.accepted), rejected \(r.rejected) → \(out)/")
    case .tag: print("merged \(r.shards) tag shards: read \(r.read), accepted \(r.accepted) → \(out)/")
    case .account:
      print("merged \(r.shards) account shards: read \(r.read), accepted \(r.accepted), rejected \(r.rejected); "
        + "\(r.accountCounts?.accounts ?? 0) accounts, \(r.accountCounts?.lines ?? 0) lines → \(out)/")
    }
  }
}
