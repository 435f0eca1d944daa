import Foundation
import Testing

@Suite("greenledger finance and merge")
struct FinanceCLITests {
  let cli = CLITests()

  static let borrowersHeader = "borrower_id,name,sector,country,region,listed,currency,revenue,evic,total_equity,total_debt,"
    + "reported_scope1,reported_scope2,reported_scope3,emissions_verified,total_assets\n"
  static let loansHeader = "loan_id,borrower_id,asset_class,currency,outstanding,project_value,property_value,energy_kwh,project_region\n"

  func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func json(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }

  @Test func badLoansAreRejectedWithReasonsAndCountsAddUp() throws {
    let dir = try cli.temporaryDirectory()
    let borrowers = try write(Self.borrowersHeader
      + "B1,Steel Co,C3110,CN,CN-HE,false,CNY,,,600,400,800,200,,true,\n"
      + "B2,No Balance Sheet,C3110,CN,CN-HE,false,CNY,,,,,800,200,,false,\n", "borrowers.csv", in: dir)
    let loans = try write(Self.loansHeader
      + "L1,B1,business_loan,CNY,100,,,,\n"          // accepted: AF 0.1 × 1,000 t
      + "L2,BX,business_loan,CNY,100,,,,\n"          // unknown borrower
      + "L1,B1,business_loan,CNY,100,,,,\n"          // duplicate loan_id
      + "L4,B1,business_loan,CNY,-5,,,,\n"           // negative outstanding
      + "L5,B1,business_loan,EUR,100,,,,\n"          // no exchange rate
      + "L6,B1,business_lease,CNY,100,,,,\n"         // unknown asset class
      + "L7,B2,business_loan,CNY,100,,,,\n"          // accepted, unscored: no denominator
      + "L8,,mortgage,CNY,300000,,1000000,,\n",      // accepted, unscored: no energy data
      "loans.csv", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try cli.run(["finance", "--loans", loans, "--borrowers", borrowers, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let summary = try json(out.appendingPathComponent("summary.json"))
    let rows = summary["rows"] as! [String: Int]
    #expect(rows["read"] == 8)
    #expect(rows["accepted"] == 3)
    #expect(rows["rejected"] == 5)
    let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
    for expected in ["loans.csv,3,2,\"borrower_id: unknown borrower \"\"BX\"\"",
                     "loans.csv,4,1,\"loan_id: duplicate loan_id \"\"L1\"\" (first on line 2)",
                     "loans.csv,5,5,\"outstanding: expected a decimal ≥ 0",
                     "loans.csv,6,4,currency: no exchange rate for EUR into CNY",
                     "loans.csv,7,3,\"asset_class: expected one of business_loan"] {
      #expect(rejects.contains(expected), "missing \(expected) in\n\(rejects)")
    }
    let financed = try String(contentsOf: out.appendingPathComponent("financed.csv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(financed[0].hasPrefix("loan_id,borrower_id,asset_class,attribution_factor,financed_scope1_tco2e,"
      + "financed_scope2_tco2e,financed_scope3_tco2e,data_quality_score,method"))
    #expect(financed.count == 4)
    // L1: AF = 100 / (600 + 400) = 0.1; scope 1 = 80, scope 2 = 20; verified → score 1.
    #expect(financed[1].hasPrefix("L1,B1,business_loan,0.1,80,20,,1,equity+debt|1a,100,"))
    #expect(financed[2].contains("no_attribution"))
    #expect(financed[3].contains("no_emissions"))
    let portfolio = summary["portfolio"] as! [String: Any]
    #expect(portfolio["financed_scope12_tco2e"] as? Double == 100)
    #expect(portfolio["outstanding_cny"] as? Double == 300_200)
  }

  /// A generated book split into three shards and merged gives the single run's bytes.
  @Test func shardsMergeToTheSingleRun() throws {
    let dir = try cli.temporaryDirectory()
    var borrowers = Self.borrowersHeader
    for i in 0..<60 {
      let listed = i % 3 == 0
      borrowers += "B\(i),Co \(i),C\(3011 + i % 7),CN,CN-ZJ,\(listed),\(i % 5 == 0 ? "USD" : "CNY"),\(1_000 + i * 37),"
        + (listed ? "\(5_000 + i * 11)" : "") + ",\(i % 4 == 0 ? "" : String(2_000 + i)),\(1_500 + i * 3),"
        + "\(i % 6 == 0 ? "" : String(100 + i)),\(i % 6 == 0 ? "" : String(20 + i)),\(i % 2 == 0 ? String(300 + i) : ""),"
        + "\(i % 4 == 1),\(i % 4 == 0 ? String(9_000 + i) : "")\n"
    }
    var loans = Self.loansHeader
    let classes = ["business_loan", "listed_equity", "corporate_bond", "project_finance", "mortgage", "motor_vehicle_loan"]
    for k in 0..<3_000 {
      let cls = classes[k % classes.count]
      let borrower = cls == "mortgage" || cls == "motor_vehicle_loan" ? "" : "B\((k * 7) % 61)"  // B60 is unknown
      loans += "L\(k),\(borrower),\(cls),\(k % 9 == 0 ? "USD" : "CNY"),\(100 + (k * 13) % 900).5,"
        + "\(cls == "project_finance" ? "5000" : ""),\(cls == "mortgage" ? "900000" : ""),"
        + "\(cls == "mortgage" ? "3500" : ""),\(cls == "mortgage" ? "CN-ZJ" : "")\n"
    }
    loans += "L17,B1,business_loan,CNY,5,,,,\n"  // a duplicate id: rejected in every split
    let b = try write(borrowers, "borrowers.csv", in: dir)
    let l = try write(loans, "loans.csv", in: dir)
    let fx = try write("currency,cny_per_unit,date,source\nUSD,7.1,2024-12-31,test rate\n", "fx.csv", in: dir)
    let common = ["finance", "--loans", l, "--borrowers", b, "--fx", fx, "--as-of", "2024-12-31"]
    let (shardDirs, single) = try cli.expectShardsMergeToSingleRun(
      common, files: ["financed.csv", "summary.json", "rejects.csv", "borrower_attribution.csv", "partials.csv"], in: dir)
    let rows = try json(single.appendingPathComponent("summary.json"))["rows"] as! [String: Int]
    #expect(rows["read"] == 3_001)
    #expect(rows["accepted"]! + rows["rejected"]! == 3_001)
    // Missing a shard is an error, not a partial result.
    let partial = try cli.run(["merge", shardDirs[0], shardDirs[1], "--out", dir.appendingPathComponent("bad").path])
    #expect(partial.status == 3)
    #expect(partial.stderr.contains("expected shards 1/3"))
  }

  /// A repeated borrower_id is rejected at its second occurrence (in file order, naming the
  /// first line); an id whose first row was rejected for another reason is not a repeat.
  @Test func repeatedBorrowerIDsAreRejectedInFileOrder() throws {
    let dir = try cli.temporaryDirectory()
    let borrowers = try write(Self.borrowersHeader
      + "B1,Steel Co,C3110,CN,CN-HE,false,CNY,,,600,400,800,200,,true,\n"   // line 2
      + "B1,Again,C3110,CN,CN-HE,false,CNY,,,1,1,1,1,,true,\n"               // line 3: repeat of line 2
      + "B2,Bad,C3110,CN,CN-HE,maybe,CNY,,,600,400,800,200,,true,\n"         // line 4: listed invalid
      + "B2,Good,C3110,CN,CN-HE,false,CNY,,,600,400,800,200,,true,\n",       // line 5: accepted
      "borrowers.csv", in: dir)
    let loans = try write(Self.loansHeader + "L1,B1,business_loan,CNY,100,,,,\nL2,B2,business_loan,CNY,100,,,,\n",
                          "loans.csv", in: dir)
    for threads in ["1", "2"] {
      let out = dir.appendingPathComponent("out\(threads)")
      let r = try cli.run(["finance", "--loans", loans, "--borrowers", borrowers, "--threads", threads, "--out", out.path])
      #expect(r.status == 0, "\(r.stderr)")
      let summary = try json(out.appendingPathComponent("summary.json"))
      #expect(summary["borrowers"] as? [String: Int] == ["read": 4, "rejected": 2])
      let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
        .split(separator: "\n").map(String.init)
      #expect(rejects.count == 3)
      #expect(rejects[1].hasPrefix("borrowers.csv,3,1,\"borrower_id: duplicate value \"\"B1\"\" (first on line 2)"))
      #expect(rejects[2].hasPrefix("borrowers.csv,4,6,"))
      // Both loans find the first B1 and the valid B2: AF 100 / 1,000 = 0.1 each.
      let financed = try String(contentsOf: out.appendingPathComponent("financed.csv"), encoding: .utf8)
      #expect(financed.contains("\nL1,B1,business_loan,0.1,80,20,"))
      #expect(financed.contains("\nL2,B2,business_loan,0.1,80,20,"))
    }
  }

  /// finance-basic (shared/bench/README.md): rules 1–6 on three loans, expected values by hand.
  @Test func financeBasicJob() throws {
    let dir = try cli.temporaryDirectory()
    let borrowers = try write(Self.borrowersHeader
      + "B1,A,C3011,CN,,false,CNY,2000000,,600,400,,,,,\n"     // no reported: revenue 2 M × 500 t/M = 1,000 t
      + "B2,B,D4411,CN,,true,USD,,100,,,30,20,,,\n", "borrowers.csv", in: dir)
    let loans = try write(Self.loansHeader
      + "L1,B1,business_loan,CNY,250,,,,\n"   // AF 250 / 1,000 = 0.25 → 250 t
      + "L2,B2,listed_equity,CNY,142,,,,\n"   // AF 142 / (100 × 7.1) = 0.2 → 0.2 × 50 = 10 t
      + "L3,,mortgage,CNY,1000,,,,\n",        // out of scope
      "loans.csv", in: dir)
    let fx = try write("currency,cny_per_unit\nCNY,1\nUSD,7.1\n", "fx.csv", in: dir)
    let intensity = try write("prefix,tco2e_per_million_cny\nC,100\nC30,500\n", "intensity.csv", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try cli.run(["finance", "--profile", "finance-basic", "--loans", loans, "--borrowers", borrowers,
                         "--fx", fx, "--sector-intensities", intensity, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try String(contentsOf: out.appendingPathComponent("finance-basic.csv"), encoding: .utf8)
    #expect(rows == "loan_id,attribution_factor,financed_tco2e\nL1,0.25,250\nL2,0.2,10\nL3,,\n")
    let totals = try json(out.appendingPathComponent("finance-basic.json"))
    #expect(totals["scored"] as? Int == 2)
    #expect((totals["unscored_by_reason"] as! [String: Int])["out_of_scope"] == 1)
    #expect(totals["financed_tco2e"] as? Double == 260)
  }
}
