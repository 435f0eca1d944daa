import Accounting
import BatchJobs
import FactorTables
import Quantities
import Tabular
import Testing

/// Shards of a loan book an engine (Spark) has split: each shard is given only its rows, with
/// their line in the original file (`source_line`), and the merge equals the single run byte
/// for byte — whatever the split, since the rows are not filtered by hash again.
@Suite struct PreSplitShardTests {
  let day = Day(year: 2026, month: 11, day: 29)!
  let e = Workspace.examples

  /// The example book plus a bad row (a negative amount, line 302), and its rows split by
  /// position (not the engine's hash) into three files with `source_line`.
  func book(_ w: Workspace) throws -> (book: String, parts: [String]) {
    let text = String(decoding: try FileSystem.contents(of: e + "/loans.csv"), as: UTF8.self)
    let columns = text.prefix { $0 != "\n" }.split(separator: ",").count
    let book = try w.file("loans.csv", text + "LBAD,B001,business_loan,CNY,-5" + String(repeating: ",", count: columns - 5) + "\n")
    return (book, try split(book, in: w))
  }

  /// `file`'s rows dealt by position into three files `part<i>/<name>`, each row with its line
  /// in `file` appended as `source_line`.
  func split(_ file: String, in w: Workspace) throws -> [String] {
    var header = ""
    var parts = [String](repeating: "", count: 3)
    var k = 0
    try CSVReader.read(file: file) { r in
      guard r.line > 1 else { header = r.csvLine + ",source_line\n"; return }
      parts[k % 3] += r.csvLine + ",\(r.line)\n"
      k += 1
    }
    return try (0..<3).map { i in
      try FileSystem.createDirectory(w.path("part\(i)"))
      return try w.file("part\(i)/" + FileSystem.baseName(file), header + parts[i])
    }
  }

  /// Runs `job` on the whole book and on each part as shard i of 3, merges, and expects the same files.
  func expectMergeEqualsSingle(_ job: (_ loans: String, _ shard: Shard?, _ out: String) throws -> Void) throws {
    let w = try Workspace()
    let (whole, parts) = try book(w)
    try job(whole, nil, w.path("single"))
    let dirs = try parts.enumerated().map { i, part in
      try job(part, Shard(index: i + 1, count: 3), w.path("s\(i)"))
      return w.path("s\(i)")
    }
    _ = try ShardMerge(directories: dirs, factors: try FactorSet.bundled()).run(writingTo: w.path("merged"))
    let merged = try w.tree(w.path("merged"), excluding: ["manifest.json"])
    #expect(merged == (try w.tree(w.path("single"), excluding: ["manifest.json"])))
    let rejects = String(decoding: merged["rejects.csv"] ?? [], as: UTF8.self)
    #expect(rejects.contains("loans.csv,302,5,"))  // the bad row's original line and column
    #expect(!rejects.contains(",302\""))             // and its row without the added column
  }

  @Test func financeShardsGivenOnlyTheirRowsMergeIntoTheSingleRun() throws {
    try expectMergeEqualsSingle { loans, shard, out in
      var job = FinancedEmissionsJob(loans: .file(loans), borrowers: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled())
      (job.exchangeRates, job.countries, job.reportingDay, job.shard) = (e + "/fx.csv", e + "/countries.csv", day, shard)
      _ = try job.run(writingTo: out)
    }
  }

  @Test func tagShardsGivenOnlyTheirRowsMergeIntoTheSingleRun() throws {
    try expectMergeEqualsSingle { loans, shard, out in
      var job = TaggingJob(loans: .file(loans), factors: try FactorSet.bundled())
      (job.borrowers, job.exchangeRates, job.reportingDay, job.shard) = (.file(e + "/borrowers.csv"), e + "/fx.csv", day, shard)
      _ = try job.run(writingTo: out)
    }
  }

  @Test func accountShardsGivenOnlyTheirRowsMergeIntoTheSingleRun() throws {
    let w = try Workspace()
    let options = AccountingOptions(asOf: day)
    func job(_ activities: String, _ shard: Shard?) throws -> AccountingJob {
      var job = AccountingJob(activities: .file(activities), entities: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled(),
                              options: options)
      (job.benchmarks, job.shard) = (e + "/benchmarks.csv", shard)
      return job
    }
    // The example activities plus a row of an unknown unit, split by position into three.
    let text = String(decoding: try FileSystem.contents(of: e + "/activities.csv"), as: UTF8.self)
    let book = try w.file("activities.csv", text + "B002,2024,electricity.grid,5,furlongs,,,,,,,,,\n")
    _ = try job(book, nil).run(writingTo: w.path("single"))
    let dirs = try split(book, in: w).enumerated().map { i, part in
      _ = try job(part, Shard(index: i + 1, count: 3)).run(writingTo: w.path("s\(i)"))
      return w.path("s\(i)")
    }
    var merge = ShardMerge(directories: dirs, factors: try FactorSet.bundled())
    merge.entities = e + "/borrowers.csv"
    _ = try merge.run(writingTo: w.path("merged"))
    let merged = try w.tree(w.path("merged"), excluding: ["manifest.json"])
    #expect(merged == (try w.tree(w.path("single"), excluding: ["manifest.json"])))
    #expect(String(decoding: merged["rejects.csv"] ?? [], as: UTF8.self).contains("activities.csv,201,"))
  }
}
