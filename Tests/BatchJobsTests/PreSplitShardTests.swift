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

  func financing(_ loans: String, shard: Shard?) throws -> FinancedEmissionsJob {
    let e = Workspace.examples
    var job = FinancedEmissionsJob(loans: .file(loans), borrowers: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled())
    (job.exchangeRates, job.countries, job.reportingDay, job.shard) = (e + "/fx.csv", e + "/countries.csv", day, shard)
    return job
  }

  @Test func shardsGivenOnlyTheirRowsMergeIntoTheSingleRun() throws {
    let w = try Workspace()
    let columns = String(decoding: try FileSystem.contents(of: Workspace.examples + "/loans.csv"), as: UTF8.self)
      .prefix { $0 != "\n" }.split(separator: ",").count
    let bad = "LBAD,B001,business_loan,CNY,-5" + String(repeating: ",", count: columns - 5) + "\n"
    let book = try w.file("loans.csv", String(decoding: try FileSystem.contents(of: Workspace.examples + "/loans.csv"), as: UTF8.self) + bad)
    _ = try financing(book, shard: nil).run(writingTo: w.path("single"))
    // Split by row position (not the engine's hash): rows 0, 3, 6, … to part 1, and so on; a
    // bad row (negative outstanding) goes with them so that rejects are compared too.
    var header = ""
    var parts = [String](repeating: "", count: 3)
    var k = 0
    try CSVReader.read(file: book) { r in
      guard r.line > 1 else { header = r.csvLine + ",source_line\n"; return }
      parts[k % 3] += r.csvLine + ",\(r.line)\n"
      k += 1
    }
    let dirs = try (0..<3).map { i in
      try FileSystem.createDirectory(w.path("part\(i)"))
      let loans = try w.file("part\(i)/loans.csv", header + parts[i])
      _ = try financing(loans, shard: Shard(index: i + 1, count: 3)).run(writingTo: w.path("s\(i)"))
      return w.path("s\(i)")
    }
    _ = try ShardMerge(directories: dirs, factors: try FactorSet.bundled()).run(writingTo: w.path("merged"))
    let merged = try w.tree(w.path("merged"), excluding: ["manifest.json"])
    #expect(merged == (try w.tree(w.path("single"), excluding: ["manifest.json"])))
    #expect(merged["financed.csv"]?.isEmpty == false)
    let rejects = String(decoding: merged["rejects.csv"] ?? [], as: UTF8.self)
    #expect(rejects.contains("loans.csv,302,5,"))  // the bad row's original line and column
  }
}
