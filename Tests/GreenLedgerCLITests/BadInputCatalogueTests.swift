import Foundation
import Testing

/// The bad-input catalogue: each case runs a command on broken input and checks the exit
/// status, the message (what, where, how to fix), that every row read is accepted or
/// rejected, and that no partial file is left in the output directory.
@Suite("bad-input catalogue")
struct BadInputCatalogueTests {
  let cli = CLITests()

  static let loansHeader = "loan_id,borrower_id,asset_class,currency,outstanding,origination_date,project_value\n"
  static let borrowersCSV = "borrower_id,sector,country,currency,total_equity,total_debt,reported_scope1,reported_scope2\n"
    + "B1,C3110,CN,CNY,600,400,800,200\n"
  static let activitiesHeader = "entity_id,period,activity,quantity,unit\n"
  static let accountsHeader = "entity_id,period,scope1_tco2e,total_tco2e\n"
  static let entitiesCSV = "borrower_id,sector,country,region,currency,revenue,value_added\nE1,C3011,CN,CN-ZJ,CNY,1000000,300000\n"

  struct Case: CustomStringConvertible {
    var name: String
    var files: [String: String] = [:]
    /// Arguments; `{dir}` is the case's directory, `{out}` its output directory.
    var arguments: [String]
    var status: Int32
    /// Text expected in standard error (status ≠ 0) or in rejects.csv (status 0).
    var message: String
    /// Expected rejected rows (status 0), checked against summary.json with read = accepted + rejected.
    var rejected: Int? = nil
    /// Expected accepted rows (status 0).
    var accepted: Int? = nil
    /// Files given as bytes (other encodings).
    var bytes: [String: [UInt8]] = [:]
    /// Symbolic links to create: link name → target name (both in the case directory).
    var links: [String: String] = [:]
    var description: String { name }
  }

  static let cases: [Case] = [
    // validate
    Case(name: "missing file", arguments: ["validate", "--kind", "loans", "{dir}/nope.csv"], status: 3, message: "nope.csv"),
    Case(name: "wrong kind", arguments: ["validate", "--kind", "invoices", "{dir}/x.csv"], status: 2, message: "invoices"),
    Case(name: "missing required column", files: ["l.csv": "loan_id,currency\nL1,CNY\n"],
         arguments: ["validate", "--kind", "loans", "{dir}/l.csv"], status: 3, message: "missing required column"),
    Case(name: "empty file", files: ["l.csv": ""], arguments: ["validate", "--kind", "loans", "{dir}/l.csv"], status: 3, message: "empty"),
    Case(name: "too many rejects", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,-1,,\nL2,B1,business_loan,CNY,x,,\n"],
         arguments: ["validate", "--kind", "loans", "{dir}/l.csv", "--max-rejects", "1"], status: 3, message: "more than --max-rejects 1"),
    // finance: row-level rejects
    Case(name: "duplicate loan_id", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,10,,\nL1,B1,business_loan,CNY,20,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "duplicate loan_id \"\"L1\"\" (first on line 2)", rejected: 1),
    // Inputs are digested from the start of a command; a missing one is still reported by the
    // command's own read, in its words.
    Case(name: "missing tags file", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,10,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--tags", "{dir}/nope.csv", "--out", "{out}"],
         status: 3, message: "nope.csv: cannot open: No such file or directory"),
    Case(name: "missing activities file",
         arguments: ["account", "--activities", "{dir}/nope.csv", "--entities", "{dir}/e.csv", "--out", "{out}"],
         status: 3, message: "nope.csv: cannot open: No such file or directory"),
    Case(name: "unknown borrower", files: ["l.csv": loansHeader + "L1,B9,business_loan,CNY,10,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "unknown borrower \"\"B9\"\"", rejected: 1),
    Case(name: "negative outstanding", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,-10,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "outstanding: expected a decimal ≥ 0", rejected: 1),
    Case(name: "currency without FX", files: ["l.csv": loansHeader + "L1,B1,business_loan,EUR,10,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "no exchange rate for EUR into CNY; add it to the --fx file", rejected: 1),
    Case(name: "unknown asset class", files: ["l.csv": loansHeader + "L1,B1,leasing,CNY,10,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "asset_class: expected one of business_loan", rejected: 1),
    Case(name: "absurd amount", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,1e400,,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "outstanding:", rejected: 1),
    Case(name: "thousands separator", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,\"1,000\",,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "found \"\"1,000\"\"", rejected: 1),
    Case(name: "invalid date", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,10,2024-02-30,\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "origination_date", rejected: 1),
    Case(name: "truncated file (unterminated quote)", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,10,,\nL2,\"B1"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "quote", rejected: 1),
    Case(name: "too few fields", files: ["l.csv": loansHeader + "L1,B1,business_loan\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--out", "{out}"], status: 0,
         message: "expected 7 fields as in the header, found 3", rejected: 1),
    Case(name: "zero exchange rate", files: ["l.csv": loansHeader, "fx.csv": "currency,cny_per_unit\nUSD,0\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--fx", "{dir}/fx.csv", "--out", "{out}"],
         status: 3, message: "cny_per_unit must be > 0"),
    Case(name: "bad shard", files: ["l.csv": loansHeader],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--shard", "3/2", "--out", "{out}"],
         status: 2, message: "shard"),
    Case(name: "merge without shards", arguments: ["merge", "{dir}/nowhere", "--out", "{out}"], status: 3, message: "shard has no manifest.json"),
    Case(name: "missing borrowers column", files: ["l.csv": loansHeader, "b2.csv": "borrower_id,country\nB1,CN\n"],
         arguments: ["finance", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b2.csv", "--out", "{out}"], status: 3,
         message: "missing required columns \"sector\", \"currency\""),
    // account
    Case(name: "unit of the wrong dimension", files: ["a.csv": activitiesHeader + "E1,2024,stationary.diesel,100,kWh\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "unit", rejected: 1),
    Case(name: "unknown activity key", files: ["a.csv": activitiesHeader + "E1,2024,stationary.unobtainium,100,t\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "unobtainium", rejected: 1),
    Case(name: "unknown activity family", files: ["a.csv": activitiesHeader + "E1,2024,teleport.bus,100,t\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "activity key <family>.<name>", rejected: 1),
    Case(name: "negative quantity", files: ["a.csv": activitiesHeader + "E1,2024,electricity.grid,-5,kWh\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "quantity", rejected: 1),
    Case(name: "invalid period", files: ["a.csv": activitiesHeader + "E1,2024-Q5,electricity.grid,5,kWh\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "period", rejected: 1),
    Case(name: "period in the future", files: ["a.csv": activitiesHeader + "E1,2030,electricity.grid,5,kWh\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "2030", rejected: 1),
    Case(name: "unknown entity", files: ["a.csv": activitiesHeader + "E9,2024,electricity.grid,5,kWh\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "E9", rejected: 1),
    Case(name: "certificates exceeding consumption",
         files: ["a.csv": activitiesHeader + "E1,2024,electricity.grid,5,MWh\nE1,2024,certificate.gec,9,MWh\n"],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"],
         status: 0, message: "certificates of 9 MWh exceed", rejected: 1),
    Case(name: "missing factor directory", files: ["a.csv": activitiesHeader],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--factors", "{dir}/nofactors", "--out", "{out}"],
         status: 3, message: "nofactors"),
    Case(name: "output directory not writable", files: ["a.csv": activitiesHeader],
         arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/e.csv", "--out", "/proc/greenledger-out"],
         status: 3, message: "/proc/greenledger-out"),
    // tag
    Case(name: "unknown taxonomy", files: ["l.csv": loansHeader],
         arguments: ["tag", "--loans", "{dir}/l.csv", "--taxonomy", "cn,mars", "--out", "{out}"], status: 2, message: "mars"),
    Case(name: "tag: duplicate loan_id", files: ["l.csv": loansHeader + "L1,,mortgage,CNY,10,,\nL2,,mortgage,CNY,10,,\nL1,,mortgage,CNY,20,,\n"],
         arguments: ["tag", "--loans", "{dir}/l.csv", "--out", "{out}"], status: 0,
         message: "duplicate value \"\"L1\"\" (first on line 2)", rejected: 1),
    Case(name: "tag: currency without FX", files: ["l.csv": loansHeader + "L1,,mortgage,GBP,10,,\n"],
         arguments: ["tag", "--loans", "{dir}/l.csv", "--out", "{out}"], status: 0, message: "no exchange rate for GBP", rejected: 1),
    // score
    Case(name: "methodology is not JSON", files: ["m.json": "{ weights", "acc.csv": Self.accountsHeader],
         arguments: ["score", "--accounts", "{dir}/acc.csv", "--entities", "{dir}/e.csv", "--methodology", "{dir}/m.json", "--out", "{out}"],
         status: 3, message: "not a valid methodology"),
    Case(name: "esg value of the wrong unit", files: ["acc.csv": Self.accountsHeader, "esg.csv": "entity_id,year,indicator,value,unit\nE1,2024,board_independence,40,percent\n"],
         arguments: ["score", "--accounts", "{dir}/acc.csv", "--entities", "{dir}/e.csv", "--esg", "{dir}/esg.csv", "--out", "{out}"],
         status: 0, message: "expected unit \"\"ratio\"\" for board_independence, found \"\"percent\"\"", rejected: 1),
    Case(name: "esg indicator unknown", files: ["acc.csv": Self.accountsHeader, "esg.csv": "entity_id,year,indicator,value,unit\nE1,2024,mood,4,count\n"],
         arguments: ["score", "--accounts", "{dir}/acc.csv", "--entities", "{dir}/e.csv", "--esg", "{dir}/esg.csv", "--out", "{out}"],
         status: 0, message: "indicator \"\"mood\"\" is not scored", rejected: 1),
    Case(name: "explain an entity without a score", files: ["acc.csv": Self.accountsHeader],
         arguments: ["score", "--accounts", "{dir}/acc.csv", "--entities", "{dir}/e.csv", "--explain", "E7"], status: 3, message: "no score for entity E7"),
    Case(name: "accounts of an unknown entity", files: ["acc.csv": Self.accountsHeader + "E5,2024,1,1\n"],
         arguments: ["score", "--accounts", "{dir}/acc.csv", "--entities", "{dir}/e.csv", "--out", "{out}"], status: 3, message: "entity E5 is not in the entities file"),
    // price
    Case(name: "ratchet without observed values", files: ["t.json": "{}"],
         arguments: ["price", "--ratchet", "{dir}/t.json", "--out", "{out}"], status: 2, message: "--ratchet and --observed go together"),
    Case(name: "observed value of an unknown KPI",
         files: ["t.json": #"{"kpis":[{"key":"k","direction":"lower_is_better","targets":{"2025":1},"discount_bps":1,"premium_bps":1}],"cap_bps":5,"two_way":false}"#,
                 "o.csv": "year,kpi,value\n2025,z,1\n"],
         arguments: ["price", "--ratchet", "{dir}/t.json", "--observed", "{dir}/o.csv", "--out", "{out}"], status: 3, message: "KPI z is not in the terms"),
    Case(name: "negative ratchet cap", files: ["t.json": #"{"kpis":[],"cap_bps":-5,"two_way":false}"#, "o.csv": "year,kpi,value\n"],
         arguments: ["price", "--ratchet", "{dir}/t.json", "--observed", "{dir}/o.csv", "--out", "{out}"], status: 3, message: "must be ≥ 0"),
    // verify and factors
    Case(name: "verify without a manifest", arguments: ["verify", "{dir}"], status: 3, message: "manifest.json"),
    Case(name: "factors lookup of an unknown activity", arguments: ["factors", "lookup", "--activity", "stationary.unobtainium",
                                                                   "--region", "CN", "--date", "2024-01-01"], status: 3, message: "unobtainium"),
    Case(name: "factors lookup with a bad date", arguments: ["factors", "lookup", "--activity", "electricity.grid",
                                                            "--region", "CN", "--date", "2024-13-01"], status: 2, message: "2024-13-01"),
  ]

  /// The case's input files, by name: compared before and after each run, so that no
  /// command changes an input.
  static func contents(of dir: URL, names: [String]) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in names { result[name] = try? Data(contentsOf: dir.appendingPathComponent(name)) }
    return result
  }

  @Test(arguments: cases + safetyCases)
  func badInput(_ c: Case) throws {
    let dir = try cli.temporaryDirectory()
    let files = ["b.csv": Self.borrowersCSV, "e.csv": Self.entitiesCSV].merging(c.files) { _, new in new }
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    for (name, bytes) in c.bytes { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
    for (link, target) in c.links {
      try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(link).path,
                                                 withDestinationPath: dir.appendingPathComponent(target).path)
    }
    let out = dir.appendingPathComponent("out")
    let args = c.arguments.map { $0.replacingOccurrences(of: "{dir}", with: dir.path).replacingOccurrences(of: "{out}", with: out.path) }
    let before = try Self.contents(of: dir, names: Array(files.keys) + Array(c.bytes.keys))
    let r = try cli.run(args)
    #expect(try Self.contents(of: dir, names: Array(files.keys) + Array(c.bytes.keys)) == before,
            "\(c.name): an input file changed")
    #expect(r.status == c.status, "\(c.name): status \(r.status), stderr: \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(c.name) crashed")
    if c.status == 0 {
      let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
      #expect(rejects.contains(c.message), "\(c.name): \(rejects)")
      let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
      let rows = summary["rows"] as! [String: Int]
      #expect(rows["read"] == rows["accepted"]! + rows["rejected"]!, "\(c.name): read = accepted + rejected")
      if let n = c.rejected { #expect(rows["rejected"] == n, "\(c.name): rejected") }
      if let n = c.accepted { #expect(rows["accepted"] == n, "\(c.name): accepted") }
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    } else {
      #expect((r.stderr + r.stdout).contains(c.message), "\(c.name): \(r.stderr)")
    }
    // No partial file is left behind.
    if let names = try? FileManager.default.subpathsOfDirectory(atPath: out.path) {
      #expect(!names.contains { $0.contains(".partial-") }, "\(c.name): partial files \(names)")
    }
  }

  /// A full disk (file-size limit) fails the run with status 3 and leaves no partial output.
  @Test func diskFullLeavesNoPartialOutput() throws {
    let dir = try cli.temporaryDirectory()
    var loans = Self.loansHeader
    for i in 0..<2_000 { loans += "L\(i),B1,business_loan,CNY,\(i + 1),,\n" }
    try loans.write(to: dir.appendingPathComponent("l.csv"), atomically: true, encoding: .utf8)
    try Self.borrowersCSV.write(to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // 64 × 512-byte blocks: summary files fit, financed.csv does not; SIGXFSZ ignored, so write fails with EFBIG.
    process.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" finance --loans \"$1\" --borrowers \"$2\" --out \"$3\"",
                         CLITests.binary.path, dir.appendingPathComponent("l.csv").path, dir.appendingPathComponent("b.csv").path, out]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 3, "\(message)")
    #expect(message.contains("cannot write"), "\(message)")
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: out)) ?? []
    #expect(!names.contains("financed.csv"), "a partial financed.csv was left: \(names)")
    #expect(!names.contains { $0.contains(".partial-") }, "\(names)")
  }

  /// verify catches a one-byte change in any output file of the demo.
  @Test func verifyDetectsAOneByteChangeInAnyOutput() throws {
    let out = try cli.temporaryDirectory().appendingPathComponent("demo")
    #expect(try cli.run(["demo", "--quiet", "--out", out.path]).status == 0)
    #expect(try cli.run(["verify", out.path]).status == 0)
    let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter {
      !$0.hasSuffix("manifest.json") && !FileManager.default.isDirectory(out.appendingPathComponent($0).path)
    }
    #expect(files.count >= 20)
    for file in files {
      let url = out.appendingPathComponent(file)
      var bytes = try Data(contentsOf: url)
      guard !bytes.isEmpty else { continue }
      let i = bytes.count / 2
      bytes[i] ^= 0x01
      try bytes.write(to: url)
      let r = try cli.run(["verify", out.path])
      #expect(r.status == 3 && r.stdout.contains("output \(file): changed"), "\(file) change not detected")
      bytes[i] ^= 0x01
      try bytes.write(to: url)
    }
    #expect(try cli.run(["verify", out.path]).status == 0)
  }
}

extension FileManager {
  func isDirectory(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
  }
}
