import Foundation
import Testing

@Suite("greenledger account")
struct AccountCLITests {
  let cli = CLITests()

  func account(_ extra: [String] = []) throws -> (CLITests.Run, URL) {
    let out = try cli.temporaryDirectory()
    let r = try cli.run(["account", "--activities", "Examples/activities.csv", "--entities", "Examples/borrowers.csv",
                         "--as-of", "2026-11-29", "--out", out.path] + extra)
    return (r, out)
  }

  @Test func outputsFollowTheContractAndCountsAddUp() throws {
    let (r, out) = try account()
    #expect(r.status == 0, "\(r.stderr)")
    let accounts = try String(contentsOf: out.appendingPathComponent("accounts.csv"), encoding: .utf8)
    #expect(accounts.hasPrefix("entity_id,period,scope1_tco2e,scope2_location_tco2e,scope2_market_tco2e,scope3_tco2e,total_tco2e,biogenic_co2_t,intensity_revenue,intensity_output,carbon_grade,factor_set_digest"))
    let lines = try String(contentsOf: out.appendingPathComponent("lines.csv"), encoding: .utf8)
    #expect(lines.hasPrefix("entity_id,period,activity,scope,category,gas,amount_t,co2e_t,factor_id,factor_version,gwp_set,method"))
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
    let rows = summary["rows"] as! [String: Int]
    // The example file's data lines (its fields hold no line breaks).
    let dataLines = try String(contentsOf: CLITests.repository.appendingPathComponent("Examples/activities.csv"), encoding: .utf8)
      .split(separator: "\n").count - 1
    #expect(rows["read"] == dataLines)
    #expect(rows["read"] == rows["accepted"]! + rows["rejected"]!)
    let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
      .split(separator: "\n")
    #expect(rejects.count - 1 == rows["rejected"])  // header + one row per reject
    #expect((summary["factor_set_digest"] as! String).hasPrefix("sha256:"))
  }

  @Test func outputsAreByteIdenticalWhateverTheThreadCount() throws {
    let (_, one) = try account(["--threads", "1"])
    let (_, two) = try account(["--threads", "2"])
    for file in ["accounts.csv", "lines.csv", "facilities.csv", "rejects.csv", "summary.json"] {
      let a = try Data(contentsOf: one.appendingPathComponent(file))
      let b = try Data(contentsOf: two.appendingPathComponent(file))
      #expect(a == b, "\(file) differs")
    }
  }

  @Test func restatementAgainstAChangedFactorSet() throws {
    let dir = try cli.temporaryDirectory()
    let copy = dir.appendingPathComponent("EF")
    try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("EmissionFactors"), to: copy)
    let csv = copy.appendingPathComponent("cn-gbt32151-fuels/heat.csv")
    let text = try String(contentsOf: csv, encoding: .utf8).replacingOccurrences(of: ",0.11,", with: ",0.12,")
    try text.write(to: csv, atomically: true, encoding: .utf8)
    #expect(try cli.run(["factors", "manifest", "--factors", copy.path]).status == 0)
    let (r, out) = try account(["--compare-factors", copy.path])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try String(contentsOf: out.appendingPathComponent("restatement.csv"), encoding: .utf8).split(separator: "\n")
    // B003 bought 86 000 GJ of heat: +0.01 tCO2/GJ → +860 t.
    let b003 = try #require(rows.first { $0.hasPrefix("B003,2024,") }).split(separator: ",")
    #expect(b003[4] == "860.000000")
  }

  @Test("account --shard I/N + merge is byte-identical to the single run")
  func shardsMergeToTheSingleRun() throws {
    let dir = try cli.temporaryDirectory()
    let command = ["account", "--activities", "Examples/activities.csv", "--entities", "Examples/borrowers.csv",
                   "--as-of", "2026-11-29", "--quiet"]
    // Without --benchmarks: grades come from run peers across every shard, and the example
    // has a certificate excess rejected only at the end.
    let (shards, single) = try cli.expectShardsMergeToSingleRun(
      command, files: ["lines.csv", "accounts.csv", "facilities.csv", "rejects.csv", "summary.json"], in: dir)
    let accounts = try String(contentsOf: single.appendingPathComponent("accounts.csv"), encoding: .utf8)
    #expect(accounts.contains("run: "))
    #expect(try String(contentsOf: single.appendingPathComponent("rejects.csv"), encoding: .utf8).contains("certificates of"))
    // Each shard holds some rows, and none writes accounts.
    for s in shards {
      #expect(!FileManager.default.fileExists(atPath: s + "/accounts.csv"))
      #expect(try String(contentsOf: URL(fileURLWithPath: s + "/ledgers.csv"), encoding: .utf8).split(separator: "\n").count > 1)
    }
    // With benchmarks too.
    let withMarks = dir.appendingPathComponent("benchmarks")
    try FileManager.default.createDirectory(at: withMarks, withIntermediateDirectories: true)
    try cli.expectShardsMergeToSingleRun(command + ["--benchmarks", "Examples/benchmarks.csv", "--gwp", "ar5"],
                                         files: ["accounts.csv", "lines.csv", "summary.json"], in: withMarks)
  }

  @Test func shardsOfDifferentRunsAreNotMerged() throws {
    let dir = try cli.temporaryDirectory()
    let command = ["account", "--activities", "Examples/activities.csv", "--entities", "Examples/borrowers.csv",
                   "--as-of", "2026-11-29", "--quiet"]
    #expect(try cli.run(command + ["--shard", "1/2", "--out", dir.appendingPathComponent("a").path]).status == 0)
    #expect(try cli.run(command + ["--shard", "2/2", "--gwp", "ar4", "--out", dir.appendingPathComponent("b").path]).status == 0)
    let m = try cli.run(["merge", dir.appendingPathComponent("a").path, dir.appendingPathComponent("b").path,
                         "--out", dir.appendingPathComponent("m").path])
    #expect(m.status == 3)
    #expect(m.stderr.contains("options differ"))
    let c = try cli.run(command + ["--shard", "1/2", "--compare-factors", "EmissionFactors", "--out", dir.path])
    #expect(c.status == 2)
    #expect(c.stderr.contains("a restatement needs every entity's accounts; run it without a shard"))
  }

  /// Five enterprises' rows in the units their reports use (Examples/reports: 万度, 万立方米,
  /// 升, 万大卡, 吨公里, therm, gal, KWh, a header in mixed case with Excel's empty columns,
  /// province names, half years): every row is computed.
  @Test func enterpriseReportsInTheirOwnUnitsAreAllComputed() throws {
    let out = try cli.temporaryDirectory()
    let r = try cli.run(["account", "--activities", "Examples/reports/activities.csv", "--entities",
                         "Examples/reports/borrowers.csv", "--as-of", "2026-01-01", "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("read 38, accepted 38, rejected 0"))
    let accounts = try String(contentsOf: out.appendingPathComponent("accounts.csv"), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    func scope2(_ id: String) -> Double? { accounts.first { $0[0] == id }.flatMap { Double($0[3]) } }
    // R05 (US): 14 800 MWh × eGRID2022 U.S. (823.1 lb CO2 + 0.066 lb CH4 × GWP 27.9 + 0.009 lb
    // N2O × 273) per MWh × 0.45359237 kg/lb.
    #expect(abs(scope2("R05")! - 14_800 * (823.1 + 0.066 * 27.9 + 0.009 * 273) * 0.45359237 / 1_000) < 1e-5)
    // R01 (浙江): 549.7 万度 × MEE/NBS 2023 0.4974 kg/kWh + (52 000 GJ + 1 800 万大卡 × 0.041868
    // GJ) × 0.11 tCO2/GJ.
    #expect(abs(scope2("R01")! - (5_497_000 * 0.4974 / 1_000 + (52_000 + 1_800 * 0.041868) * 0.11)) < 1e-5)
    // R04 (Hong Kong): no grid factor of its own in the set: Ember 2023 world 480 g/kWh, marked.
    #expect(abs(scope2("R04")! - 3_600_000 * 0.480 / 1_000) < 1e-6)
  }
}
