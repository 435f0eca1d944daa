import Foundation
import Testing

/// End-to-end checks of issue 16 that need more than one command: a tampered shard, and
/// formula cells in every CSV output.
@Suite("data safety")
struct DataSafetyCLITests {
  let cli = CLITests()

  /// A shard whose partials.csv was edited after the run is refused, naming shard and file;
  /// the untouched shards merge.
  @Test func mergeRefusesATamperedShard() throws {
    let dir = try cli.temporaryDirectory()
    var loans = BadInputCatalogueTests.loansHeader
    for i in 0..<40 { loans += "L\(i),B1,business_loan,CNY,\(i + 1),,\n" }
    try loans.write(to: dir.appendingPathComponent("l.csv"), atomically: true, encoding: .utf8)
    try BadInputCatalogueTests.borrowersCSV.write(to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    for i in 1...2 {
      let r = try cli.run(["finance", "--loans", dir.appendingPathComponent("l.csv").path, "--borrowers",
                           dir.appendingPathComponent("b.csv").path, "--shard", "\(i)/2", "--out", dir.appendingPathComponent("s\(i)").path])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let shards = [dir.appendingPathComponent("s1").path, dir.appendingPathComponent("s2").path]
    #expect(try cli.run(["merge"] + shards + ["--out", dir.appendingPathComponent("m1").path]).status == 0)
    let partials = dir.appendingPathComponent("s2/partials.csv")
    var text = try String(contentsOf: partials, encoding: .utf8)
    text = text.replacingOccurrences(of: "\nrows,read,", with: "\nrows,read,9")
    try text.write(to: partials, atomically: true, encoding: .utf8)
    let r = try cli.run(["merge"] + shards + ["--out", dir.appendingPathComponent("m2").path])
    #expect(r.status == 3)
    #expect(r.stderr.contains("s2: shard differs from its manifest.json") && r.stderr.contains("output partials.csv: changed"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m2/financed.csv").path))
  }

  /// OWASP "CSV Injection": text an attacker wrote reaches lines.csv, facilities.csv,
  /// tags.csv, financed.csv and rejects.csv with a leading ', numbers untouched.
  @Test func formulaCellsAreNeutralisedInEveryOutput() throws {
    let dir = try cli.temporaryDirectory()
    let evil = "=cmd|' /C calc'!A0"
    let files = [
      "e.csv": "borrower_id,sector,country,region,currency,revenue,value_added\n@E1,C3011,CN,CN-ZJ,CNY,1000000,300000\n",
      "a.csv": "entity_id,period,activity,quantity,unit,facility_id\n@E1,2024,electricity.grid,5,MWh,\"\(evil)\"\n@E1,2024,electricity.grid,-1,MWh,+x\n",
      "b.csv": "borrower_id,sector,country,currency,total_equity,total_debt,reported_scope1,reported_scope2\n@B1,C3110,CN,CNY,600,400,800,200\n",
      "l.csv": "loan_id,borrower_id,asset_class,currency,outstanding,use_of_proceeds\n-L1,@B1,business_loan,CNY,10,\"\(evil)\"\n=L2,@B1,business_loan,CNY,-5,x\n",
    ]
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let p = { (name: String) in dir.appendingPathComponent(name).path }
    #expect(try cli.run(["account", "--activities", p("a.csv"), "--entities", p("e.csv"), "--as-of", "2026-01-01", "--out", p("acc")]).status == 0)
    #expect(try cli.run(["tag", "--loans", p("l.csv"), "--out", p("tag")]).status == 0)
    #expect(try cli.run(["finance", "--loans", p("l.csv"), "--borrowers", p("b.csv"), "--out", p("fin")]).status == 0)
    for output in ["acc/lines.csv", "acc/facilities.csv", "acc/accounts.csv", "acc/rejects.csv", "tag/tags.csv", "tag/rejects.csv",
                   "fin/financed.csv", "fin/rejects.csv"] {
      let text = try String(contentsOf: dir.appendingPathComponent(output), encoding: .utf8)
      // No cell starts with a formula character: cells start after a line start or a comma
      // (or a quote that opens a quoted cell).
      for line in text.split(separator: "\n") {
        for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
          let c = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
          if let first = c.first, "=+-@".contains(first) {
            #expect(Double(c) != nil, "\(output): formula cell \(cell) in \(line)")
          }
        }
      }
      #expect(text.contains("'@E1") || text.contains("'-L1") || text.contains("'=L2") || text.contains("'@B1"), "\(output): \(text)")
    }
    // The accounts written with guarded ids are read back exactly by finance (entity @E1 found).
    let r = try cli.run(["finance", "--loans", p("l.csv"), "--borrowers", p("b.csv"), "--accounts", p("acc/accounts.csv"), "--out", p("fin2")])
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// Tags of another loan book: the green share is 0, and finance says why.
  @Test func tagsFromAnotherBookAreNamed() throws {
    let dir = try cli.temporaryDirectory()
    let p = { (name: String) in dir.appendingPathComponent(name).path }
    try (BadInputCatalogueTests.loansHeader + "L1,B1,business_loan,CNY,10,,\n").write(toFile: p("l.csv"), atomically: true, encoding: .utf8)
    try BadInputCatalogueTests.borrowersCSV.write(toFile: p("b.csv"), atomically: true, encoding: .utf8)
    try "loan_id,taxonomy,code,status\nX9,cn,1.1.1.1,aligned\n".write(toFile: p("t.csv"), atomically: true, encoding: .utf8)
    let r = try cli.run(["finance", "--loans", p("l.csv"), "--borrowers", p("b.csv"), "--tags", p("t.csv"), "--out", p("out")])
    #expect(r.status == 0)
    #expect(r.stderr.contains("none of the 1 loans tagged aligned in t.csv is an accepted loan of l.csv"), "\(r.stderr)")
  }

  /// --excel: every CSV output of the pipeline starts with the UTF-8 byte-order mark, the
  /// manifest matches the marked files, and the stages read each other's marked files.
  @Test func excelMarksEveryCSVOutput() throws {
    let out = try cli.temporaryDirectory().appendingPathComponent("demo")
    #expect(try cli.run(["demo", "--quiet", "--excel", "--out", out.path]).status == 0)
    let names = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".csv") }
    #expect(names.contains("accounts.csv") && names.contains("stages/score/rejects.csv"))
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: out.appendingPathComponent(name)).prefix(3))
      #expect(bytes == [0xEF, 0xBB, 0xBF], "\(name) has no byte-order mark")
    }
    #expect(try cli.run(["verify", out.path]).status == 0)
    let scores = try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8)
    #expect(scores.split(separator: "\n").count > 10, "scores were computed from the marked accounts")
  }
}
