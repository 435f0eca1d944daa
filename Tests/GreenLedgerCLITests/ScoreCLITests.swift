import Foundation
import Testing

@Suite("greenledger score and price")
struct ScoreCLITests {
  let cli = CLITests()

  func accounts() throws -> URL {
    let out = try cli.temporaryDirectory()
    let r = try cli.run(["account", "--activities", "Examples/activities.csv", "--entities", "Examples/borrowers.csv",
                         "--as-of", "2026-11-29", "--out", out.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    return out.appendingPathComponent("accounts.csv")
  }

  @Test func scoresFollowTheContractAndBadRowsAreRejected() throws {
    let dir = try cli.temporaryDirectory()
    let esg = dir.appendingPathComponent("esg.csv")
    try ("entity_id,year,indicator,value,unit,source\n"
      + "B001,2024,safety_incidents,0,count,report\n"
      + "B001,2024,board_independence,40,percent,report\n"      // wrong unit
      + "B001,2024,happiness,3,count,report\n"                  // not in the methodology
      + "B999,2024,safety_incidents,1,count,report\n"           // unknown entity
      + "B001,2024,safety_incidents,2,count,again\n")           // given twice
      .write(to: esg, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let r = try cli.run(["score", "--accounts", try accounts().path, "--entities", "Examples/borrowers.csv",
                         "--esg", esg.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let scores = try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8)
    #expect(scores.hasPrefix("entity_id,year,e_score,s_score,g_score,total,grade,coverage,methodology_version"))
    #expect(scores.contains(",greenledger-esg@1.1.0,"))
    let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
    #expect(rejects.contains("esg.csv,3,5,\"unit: expected unit \"\"ratio\"\" for board_independence, found \"\"percent\"\"\""))
    #expect(rejects.contains("esg.csv,4,3,\"indicator: indicator \"\"happiness\"\" is not scored by greenledger-esg@1.1.0"))
    #expect(rejects.contains("esg.csv,5,1,entity_id: entity B999 is not in the entities file"))
    #expect(rejects.contains("esg.csv,6,3,indicator: safety_incidents of B001 2024 is given twice"))
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
    let rows = summary["rows"] as! [String: Int]
    #expect(rows["read"] == 5 && rows["accepted"] == 1 && rows["rejected"] == 4)
  }

  @Test func explainShowsContributionsThatSumToTheTotal() throws {
    let r = try cli.run(["score", "--accounts", try accounts().path, "--entities", "Examples/borrowers.csv",
                         "--esg", "Examples/esg.csv", "--explain", "B005"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    let total = try #require(lines.first { $0.hasPrefix("total ") }?.split(separator: " ")[1]).description
    var sum = 0
    for l in lines where l.hasPrefix("E ") || l.hasPrefix("S ") || l.hasPrefix("G ") || l.hasPrefix("deduction ") {
      let fields = l.split(separator: " ", omittingEmptySubsequences: true)
      sum += Int((Double(fields[5])! * 10_000).rounded())
    }
    #expect(sum == Int((Double(total)! * 10_000).rounded()))
    #expect(lines.last == "sum of contributions = \(total)")
  }

  @Test func badMethodologyExitsWithThree() throws {
    let dir = try cli.temporaryDirectory()
    let printed = try cli.run(["score", "--print-methodology"])
    let broken = printed.stdout.replacingOccurrences(of: "\"weights\": { \"default\": 0.60 }", with: "\"weights\": { \"default\": 0.70 }")
    let path = dir.appendingPathComponent("m.json")
    try broken.write(to: path, atomically: true, encoding: .utf8)
    let r = try cli.run(["score", "--accounts", try accounts().path, "--entities", "Examples/borrowers.csv",
                         "--methodology", path.path, "--out", dir.appendingPathComponent("out").path])
    #expect(r.status == 3)
    #expect(r.stderr.contains("indicator weights of pillar S in group default sum to 1.1, not 1"))
  }

  @Test func ratchetAndExampleGrid() throws {
    let dir = try cli.temporaryDirectory()
    let terms = dir.appendingPathComponent("terms.json")
    try #"{"kpis":[{"key":"intensity","direction":"lower_is_better","targets":{"2025":0.5},"discount_bps":5,"premium_bps":5}],"cap_bps":4,"two_way":true}"#
      .write(to: terms, atomically: true, encoding: .utf8)
    let observed = dir.appendingPathComponent("observed.csv")
    try "year,kpi,value\n2025,intensity,0.55\n".write(to: observed, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let r = try cli.run(["price", "--ratchet", terms.path, "--observed", observed.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let ratchet = try String(contentsOf: out.appendingPathComponent("ratchet.csv"), encoding: .utf8)
    // Missed (0.55 > 0.5) on a two-way ratchet: +5 bps, capped at +4.
    #expect(ratchet == "year,kpi,target,observed,status,adjustment_bps\n2025,intensity,0.5,0.55,missed,5\n2025,total,,,\"two-way, cap 4\",4\n")
  }
}
