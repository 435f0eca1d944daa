import Accounting
import BatchJobs
import FactorTables
import Quantities
import Tabular
import Testing

/// Outputs are the same bytes whatever the thread count, the partitioning of the read and the
/// sharding (DESIGN.md: determinism), on the example bank read in partitions of ~512 bytes.
@Suite struct PartitionDeterminismTests {
  let examples = Workspace.examples
  let day = Day(year: 2026, month: 11, day: 29)!

  @Test func theExampleFilesAreReallyReadInSeveralPartitions() throws {
    for name in ["activities.csv", "loans.csv"] {
      let (states, _) = try CSVReader.readPartitioned(
        file: examples + "/" + name, partitions: 4, options: smallPartitions,
        makeState: { _, _ in 0 }, body: { n, _ in n += 1 })
      #expect(states.count == 4, "\(name)")
      #expect(states.allSatisfy { $0 > 0 }, "\(name)")
    }
  }

  func accounting(threads: Int, shard: Shard? = nil) throws -> AccountingJob {
    var job = AccountingJob(activities: .file(examples + "/activities.csv"), entities: .file(examples + "/borrowers.csv"),
                            factors: try FactorSet.bundled(), options: AccountingOptions(asOf: day))
    (job.benchmarks, job.settings.threads, job.shard, job.settings.readOptions) = (examples + "/benchmarks.csv", threads, shard, smallPartitions)
    return job
  }

  @Test func accountsAreTheSameBytesOn1And2And4Threads() throws {
    let w = try Workspace()
    let outputs = try [1, 2, 4].map { n in
      let result = try accounting(threads: n).run(writingTo: w.path("t\(n)"))
      #expect(result.counts.read == 199)
      return try w.tree(w.path("t\(n)"))
    }
    #expect(outputs[0].keys.sorted() == ["accounts.csv", "facilities.csv", "lines.csv", "manifest.json", "rejects.csv",
                                         "summary.json"])
    #expect(outputs[1] == outputs[0])
    #expect(outputs[2] == outputs[0])
  }

  @Test func accountShardsMergeIntoTheSingleRunsBytes() throws {
    let w = try Workspace()
    _ = try accounting(threads: 2).run(writingTo: w.path("single"))
    for n in [2, 3] {
      let dirs = try (1...n).map { i in
        _ = try accounting(threads: 2, shard: Shard(index: i, count: n)).run(writingTo: w.path("s\(n)-\(i)"))
        return w.path("s\(n)-\(i)")
      }
      let merged = try ShardMerge(directories: dirs.reversed(), factors: try FactorSet.bundled()).run(writingTo: w.path("m\(n)"))
      #expect(merged.profile == .account)
      #expect(merged.read == 199)
      #expect(try w.tree(w.path("m\(n)"), excluding: ["manifest.json"]) == w.tree(w.path("single"), excluding: ["manifest.json"]))
    }
  }

  func financing(threads: Int, shard: Shard? = nil) throws -> FinancedEmissionsJob {
    var job = FinancedEmissionsJob(loans: .file(examples + "/loans.csv"), borrowers: .file(examples + "/borrowers.csv"),
                                   factors: try FactorSet.bundled())
    (job.exchangeRates, job.countries, job.reportingDay) = (examples + "/fx.csv", examples + "/countries.csv", day)
    (job.settings.threads, job.shard, job.settings.readOptions) = (threads, shard, smallPartitions)
    return job
  }

  /// Runs a loan-book job on 1, 2 and 4 threads and in `shards` shards merged, and expects
  /// the same files every time (manifests aside: the merge's says `merge`).
  func expectSameBytes(shards: Int, _ run: (_ threads: Int, _ shard: Shard?, _ out: String) throws -> Int) throws {
    let w = try Workspace()
    let single = try [1, 2, 4].map { n in
      #expect(try run(n, nil, w.path("t\(n)")) == 300)
      return try w.tree(w.path("t\(n)"))
    }
    #expect(single[1] == single[0])
    #expect(single[2] == single[0])
    let dirs = try (1...shards).map { i in
      _ = try run(2, Shard(index: i, count: shards), w.path("s\(i)"))
      return w.path("s\(i)")
    }
    _ = try ShardMerge(directories: dirs, factors: try FactorSet.bundled()).run(writingTo: w.path("merged"))
    #expect(try w.tree(w.path("merged"), excluding: ["manifest.json"]) == w.tree(w.path("t1"), excluding: ["manifest.json"]))
  }

  @Test func financedEmissionsAreTheSameBytesOnAnyThreadsAndShards() throws {
    try expectSameBytes(shards: 3) { try financing(threads: $0, shard: $1).run(writingTo: $2).read }
  }

  func tagging(threads: Int, shard: Shard? = nil) throws -> TaggingJob {
    var job = TaggingJob(loans: .file(examples + "/loans.csv"), factors: try FactorSet.bundled())
    (job.borrowers, job.exchangeRates, job.reportingDay) = (.file(examples + "/borrowers.csv"), examples + "/fx.csv", day)
    (job.settings.threads, job.shard, job.settings.readOptions) = (threads, shard, smallPartitions)
    return job
  }

  @Test func tagsAreTheSameBytesOnAnyThreadsAndShards() throws {
    try expectSameBytes(shards: 4) { try tagging(threads: $0, shard: $1).run(writingTo: $2).read }
  }
}
