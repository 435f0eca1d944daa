import LoanBook
public import Accounting
public import FactorTables
import Integrity
import Tabular

/// The `account` job: activities.csv and the entities → emission lines, carbon accounts and
/// facilities, with rejects.csv, summary.json and manifest.json, in one output directory.
///
/// Every line carries its factor id, dataset version and formula (GB/T 32151 and the GHG
/// Protocol Corporate Standard, chapter 4 scopes, by the entity's region's method unless
/// `AccountingOptions.methodology` says otherwise). Rows are read in partitions on
/// ``JobSettings/threads`` threads; any thread count gives the same bytes.
///
/// ```swift
/// var job = AccountingJob(activities: "activities.csv", entities: "borrowers.csv",
///                         factors: try FactorSet.bundled(), options: AccountingOptions(asOf: .today()))
/// let result = try job.run(writingTo: "out")
/// print(result.counts.accepted, result.accounts.count)
/// ```
public struct AccountingJob: Sendable {
  /// activities.csv (data contract), or rows in its layout.
  public var activities: TableSource
  /// Entities in the borrowers.csv format.
  public var entities: TableSource
  /// Sector averages for the carbon-efficiency grade (benchmarks.csv).
  public var benchmarks: String?
  /// The emission-factor set (e.g. `FactorSet.bundled()`).
  public var factors: FactorSet
  /// Method, GWP set, as-of day and scope 3 proxy region.
  public var options: AccountingOptions
  /// Threads, progress, read limits and output encoding.
  public var settings = JobSettings()
  /// Only the activities of this shard (by `entity_id`); finish the shards with ``ShardMerge``.
  public var shard: Shard?
  /// A second factor set: the accounts are computed again with it and restatement.csv
  /// compares the two (not with ``shard``).
  public var restatementFactors: FactorSet?
  /// An earlier `account` or `run` output directory (its accounts.csv and lines.csv, never
  /// written to): this run's accounts restate it, in restatement.csv per entity-year and
  /// restatement_lines.csv per line, each change with its cause and each side's factor-set
  /// digest (not with ``shard`` or ``restatementFactors``).
  public var previous: String?

  /// A job over these files with the default threads, no shard and no restatement.
  public init(activities: TableSource, entities: TableSource, factors: FactorSet, options: AccountingOptions) {
    self.activities = activities
    self.entities = entities
    self.factors = factors
    self.options = options
  }

  /// Every file the job may write in its output directory.
  public static let outputs = ["accounts.csv", "lines.csv", "facilities.csv", "restatement.csv", "restatement_lines.csv",
                               "ledgers.csv",
                               "partials.csv", "summary.json", "rejects.csv", "manifest.json"]

  /// Runs the job into `out` (created if needed).
  ///
  /// - Complexity: O(activity rows) time; memory O(entities × periods), not rows.
  /// - Throws: ``JobOptionsError`` for a shard with ``restatementFactors``; `OutputPlanError`
  ///   when an output would overwrite an input; `InputError`, `RowError` and `AccountingError`
  ///   for inputs that cannot be used as a whole (rows that cannot are rejected instead).
  public func run(writingTo out: String) throws -> AccountingJobResult {
    if shard != nil, restatementFactors != nil || previous != nil {
      throw JobOptionsError("a restatement needs every entity's accounts; run it without a shard")
    }
    if restatementFactors != nil, previous != nil {
      throw JobOptionsError("restate against a previous run or compare two factor sets, not both in one run")
    }
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".partitions", ".inputs"])
      .check(inputs: [("activities", activities.filePath), ("entities", entities.filePath), ("benchmarks", benchmarks),
                      ("previous_accounts", previous.map { $0 + "/accounts.csv" }),
                      ("previous_lines", previous.map { $0 + "/lines.csv" })])
    let activities = try self.activities.path(staging: out + "/.inputs", name: "activities.csv")
    let entities = try self.entities.path(staging: out + "/.inputs", name: "entities.csv")
    let inputs = [("activities", activities), ("entities", entities), ("benchmarks", benchmarks)]
    let inputDigests = settings.writesManifest ? InputDigests(inputs) : nil
    // Entities' rejects are counted by shard 1 only, so that merged shards count them once.
    let countsEntities = (shard?.index ?? 1) == 1
    let work = out + "/.partitions"
    try FileSystem.createDirectory(work)
    let rejects = try RejectsWriter(path: work + "/entity-rejects.csv")
    let entityFile = try Enterprise.read(file: entities, displayName: FileSystem.baseName(entities), threads: settings.threads)
    if countsEntities { for (error, raw) in entityFile.rejected { rejects.reject(error, raw: raw) } }
    try rejects.close()
    let marks = try benchmarks.map { try SectorBenchmark.read(file: $0) } ?? []

    let pass = try AccountingPass.perform(
      activities: activities, entities: entityFile.entities, factors: factors, options: options,
      threads: settings.threads, workDirectory: work, writeLines: true, shard: shard, progress: settings.progress,
      rejectedEntities: entityFile.rejectedIDs, readOptions: settings.readOptions)
    // Digest the lines written so far on background threads while the accounts are finished
    // and written, so that the manifest does not read them again.
    let linesDigest = try BackgroundDigest()
    for f in pass.lineFiles { try linesDigest.append(file: f) }
    var counts = AccountCounts()
    (counts.read, counts.accepted, counts.rejected, counts.lines) = (pass.read, pass.accepted, pass.rejected, pass.lineCount)
    (counts.entitiesRead, counts.entitiesAccepted, counts.entitiesRejected) =
      (entityFile.read, entityFile.entities.count, entityFile.rejected.count)
    let outputs = AccountOutputs(out: out, factors: factors, options: options,
                                 activitiesName: FileSystem.baseName(activities), benchmarks: benchmarks)
    var result = AccountingJobResult(directory: out, warnings: entityFile.warnings + pass.warnings)
    if let shard {
      result.outputEntries = try outputs.writeShard(run: pass, counts: counts, shard: shard, entities: entities,
                                                    linesDigest: linesDigest)
    } else {
      let finished = pass.accounting.finish(benchmarks: marks, threads: settings.threads)
      (counts, result.outputEntries) = try outputs.write(finished, counts: counts, lineParts: pass.lineFiles,
                                                         rejectParts: [work + "/entity-rejects.csv"] + pass.rejectFiles,
                                                         linesDigest: linesDigest)
      result.accounts = finished.accounts
      if let restatementFactors {
        let again = try AccountingPass.perform(
          activities: activities, entities: entityFile.entities, factors: restatementFactors, options: options,
          threads: settings.threads, workDirectory: work, writeLines: false, readOptions: settings.readOptions)
        FileSystem.removeDirectory(work)
        try Restatement(old: finished.accounts, new: again.accounting.finish(benchmarks: marks, threads: settings.threads).accounts)
          .write(to: out + "/restatement.csv", oldDigest: factors.digest, newDigest: restatementFactors.digest)
      }
      if let previous { try AccountRestatement.write(previous: previous, current: out, into: out) }
    }
    result.counts = counts
    result.rejectedRows = counts.rejected + (countsEntities ? entityFile.rejected.count : 0)
    if let inputDigests {
      try Provenance.writeManifest(out: out, command: "account", inputEntries: try inputDigests.entries(),
                                   factorDigest: factors.digest, precomputed: result.outputEntries, excel: settings.excel)
    }
    return result
  }
}
