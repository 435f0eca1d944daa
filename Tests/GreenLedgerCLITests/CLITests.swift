import Foundation
import Testing

/// End-to-end tests: run the built `greenledger` binary and check its output and exit code.
@Suite("greenledger CLI")
struct CLITests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The built binary, next to the test bundle in `.build/<config>/`.
  static let binary: URL = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("greenledger").path),
      dir.path != "/"
    {
      dir = dir.deletingLastPathComponent()
    }
    return dir.appendingPathComponent("greenledger")
  }()

  static let repository: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = Self.repository
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus,
               stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs `command` once into `dir/single` and as three shards merged in reverse order into
  /// `dir/merged`, expects every file of `files` byte-identical, and returns the shard
  /// directories and the single run's directory.
  @discardableResult
  func expectShardsMergeToSingleRun(_ command: [String], files: [String], in dir: URL) throws -> (shards: [String], single: URL) {
    let single = dir.appendingPathComponent("single")
    let s = try run(command + ["--out", single.path])
    #expect(s.status == 0, "\(s.stderr)")
    var shards: [String] = []
    for i in 1...3 {
      let d = dir.appendingPathComponent("shard\(i)").path
      let r = try run(command + ["--shard", "\(i)/3", "--out", d])
      #expect(r.status == 0, "\(r.stderr)")
      shards.append(d)
    }
    let merged = dir.appendingPathComponent("merged")
    let m = try run(["merge"] + shards.reversed() + ["--out", merged.path])
    #expect(m.status == 0, "\(m.stderr)")
    for file in files {
      let a = try Data(contentsOf: single.appendingPathComponent(file))
      let b = try Data(contentsOf: merged.appendingPathComponent(file))
      #expect(a == b, "\(file) differs after merge")
    }
    return (shards, single)
  }

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenledger-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func versionAndHelp() throws {
    let version = try run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    let help = try run(["validate", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Example:"))
  }

  @Test func usageErrorsExitWithTwo() throws {
    #expect(try run(["validate", "--kind", "planets", "x.csv"]).status == 2)
    #expect(try run(["no-such-command"]).status == 2)
    #expect(try run(["validate", "x.csv"]).status == 2)  // --kind missing
  }

  @Test func missingFileExitsWithThree() throws {
    let r = try run(["validate", "--kind", "loans", "/nonexistent/loans.csv"])
    #expect(r.status == 3)
    #expect(r.stderr.contains("/nonexistent/loans.csv: cannot open"))
  }

  @Test func missingRequiredColumnExitsWithThree() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("loans.csv")
    try "loan_id,currency\nL1,CNY\n".write(to: file, atomically: true, encoding: .utf8)
    let r = try run(["validate", "--kind", "loans", file.path])
    #expect(r.status == 3)
    #expect(r.stderr.contains("missing required columns \"asset_class\", \"outstanding\""))
  }

  /// `validate --entities` rejects exactly the rows `account` rejects (issue 17: a file it
  /// accepts is a file account accepts).
  @Test func validateWithEntitiesChecksWhatAccountChecks() throws {
    let dir = try temporaryDirectory()
    let activities = dir.appendingPathComponent("activities.csv")
    let borrowers = dir.appendingPathComponent("borrowers.csv")
    try """
      entity_id,period,activity,quantity,unit,region
      E1,2024,stationary.diesel,50,t,浙江
      E1,2024,stationary.crude_oil,1000,L,
      E1,2024,electricity.grid,10,万度,
      E2,2024,electricity.grid,10,MWh,

      """.write(to: activities, atomically: true, encoding: .utf8)
    try "borrower_id,sector,country,region,currency\nE1,C3011,CN,CN-ZJ,CNY\n".write(to: borrowers, atomically: true, encoding: .utf8)
    let contractOnly = try run(["validate", "--kind", "activities", activities.path])
    #expect(contractOnly.stdout.contains("read 4, accepted 4, rejected 0"))
    let rejects = dir.appendingPathComponent("rejects.csv")
    let asAccount = try run(["validate", "--kind", "activities", activities.path, "--entities", borrowers.path,
                             "--rejects", rejects.path, "--as-of", "2026-01-01"])
    // Crude oil in litres has no default density; E2 is not in the entities file.
    #expect(asAccount.stdout.contains("read 4, accepted 2, rejected 2"))
    let account = try run(["account", "--activities", activities.path, "--entities", borrowers.path,
                           "--out", dir.appendingPathComponent("out").path, "--as-of", "2026-01-01"])
    #expect(account.stdout.contains("read 4, accepted 2, rejected 2"))
    let text = try String(contentsOf: rejects, encoding: .utf8)
    #expect(text.contains(",3,") && text.contains("no density for crude_oil") && text.contains(",5,"))
  }

  @Test func validateCountsAndRejects() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("activities.csv")
    let rejects = dir.appendingPathComponent("rejects.csv")
    try """
      entity_id,period,activity,quantity,unit
      E1,2024,stationary.diesel,50,t
      E1,2024-Q5,stationary.diesel,50,t
      E2,2024,electricity.grid,-3,kWh
      E3,2024,electricity.grid,10,kwhh
      E4,2024,rocket.fuel,1,t

      """.write(to: file, atomically: true, encoding: .utf8)
    let r = try run(["validate", "--kind", "activities", file.path, "--rejects", rejects.path])
    #expect(r.status == 0)
    #expect(r.stdout.contains("read 5, accepted 1, rejected 4"))
    let lines = try String(contentsOf: rejects, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0] == "file,line,column,reason,raw")
    #expect(lines[1].contains(",3,2,\"period: expected a period such as 2024, 2024-H1, 2024-Q3 or 2024-07"))
    #expect(lines[2].contains(",4,4,\"quantity: expected a decimal ≥ 0"))
    #expect(lines[3].contains(",5,5,\"unit: expected a known unit"))
    // A unit in another letter case is read (kwh → kWh); a typo gets the nearest spelling.
    #expect(lines[3].contains("did you mean kWh?"))
    #expect(lines[4].contains(",6,3,\"activity: expected an activity key"))

    let strict = try run(["validate", "--kind", "activities", file.path, "--max-rejects", "3"])
    #expect(strict.status == 3)
  }

  /// `demo` runs every stage on Examples/; each output file has the contract's columns
  /// (DESIGN.md, "Outputs") and the counts add up.
  @Test func demoWritesEveryOutputOfTheContract() throws {
    let out = try temporaryDirectory()
    let r = try run(["demo", "--quiet", "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let headers = [
      "accounts.csv": "entity_id,period,scope1_tco2e,scope2_location_tco2e,scope2_market_tco2e,scope3_tco2e,total_tco2e,biogenic_co2_t,intensity_revenue,intensity_output,carbon_grade,factor_set_digest",
      "lines.csv": "entity_id,period,activity,scope,category,gas,amount_t,co2e_t,factor_id,factor_version,gwp_set,method",
      "scores.csv": "entity_id,year,e_score,s_score,g_score,total,grade,coverage,methodology_version",
      "tags.csv": "loan_id,taxonomy,code,name,status,evidence,annual_reduction_tco2e,rule_version",
      "financed.csv": "loan_id,borrower_id,asset_class,attribution_factor,financed_scope1_tco2e,financed_scope2_tco2e,financed_scope3_tco2e,data_quality_score,method",
      "rejects.csv": "file,line,column,reason,raw",
    ]
    for (file, header) in headers {
      let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
      #expect(text.hasPrefix(header), "\(file) header")
      #expect(text.split(separator: "\n").count > 1 || file == "rejects.csv", "\(file) has rows")
    }
    // Statuses of tags.csv are the contract's four.
    let tags = try String(contentsOf: out.appendingPathComponent("tags.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
    for line in tags {
      #expect(["aligned", "eligible", "not_eligible", "insufficient_data"].contains { line.contains(",\($0),") }, "\(line)")
    }
    // One financed row per accepted loan.
    let financed = try String(contentsOf: out.appendingPathComponent("financed.csv"), encoding: .utf8).split(separator: "\n")
    #expect(financed.count - 1 == 300)
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
    let rows = summary["rows"] as! [String: Int]
    #expect(rows["read"] == rows["accepted"]! + rows["rejected"]!)
    #expect((summary["factor_set_digest"] as! String).hasPrefix("sha256:"))
    // loans, borrowers, activities, esg, benchmarks, fx, countries, the previous period's
    // financed.csv and the sustainability-linked loan's terms and observed values.
    #expect((summary["inputs"] as! [String: Any]).count == 10)
    let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    // Self-contained: nothing is loaded from elsewhere (the glossary cites addresses as text only).
    #expect(report.contains("<svg") && report.contains("数据来源与可追溯性"))
    #expect(!report.contains("src=") && !report.contains("href=") && !report.contains("url("))
    let green = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("green_summary.json"))) as! [String: Any]
    #expect(green["by_category"] is [String: Any])
  }
}
