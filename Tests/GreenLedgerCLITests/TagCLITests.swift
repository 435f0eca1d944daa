import Foundation
import Testing

@Suite("greenledger tag")
struct TagCLITests {
  let cli = CLITests()

  /// Writes `loans` as loans.csv, runs `tag` on it with `options`, and returns the output
  /// folder and the lines of tags.csv.
  func tag(_ loans: String, _ options: [String]) throws -> (out: URL, tags: [String]) {
    let dir = try cli.temporaryDirectory()
    let file = dir.appendingPathComponent("loans.csv")
    try loans.write(to: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let r = try cli.run(["tag", "--loans", file.path, "--as-of", "2026-11-29", "--out", out.path] + options)
    #expect(r.status == 0, "\(r.stderr)")
    let tags = try String(contentsOf: out.appendingPathComponent("tags.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
    return (out, tags)
  }

  @Test func tagsFollowTheContractAndSummaryAddsUp() throws {
    let (out, tags) = try tag("loan_id,borrower_id,asset_class,currency,outstanding,origination_date,use_of_proceeds,declared_green_code,project_type,project_region,project_value,annual_generation_mwh\n"
      + "G1,,project_finance,CNY,250,2025-11-01,300MW 风电场建设,CN-GFC-2025:4.2.1,power.wind,CN-ZJ,1000,1000\n"
      + "G2,,business_loan,CNY,100,2025-11-01,2×660MW 燃煤发电机组建设,CN-GFC-2025:4.2.2,,,,\n"
      + "G3,,business_loan,EUR,100,2025-11-01,Working capital,,,,,\n"          // no exchange rate: rejected
      + "G4,,business_loan,CNY,50,2024-03-01,光伏电站建设,,power.solar_pv,,,\n",  // approved before 2025-06-27: the 2019 catalogue
      [])
    #expect(tags[0].hasPrefix("loan_id,taxonomy,code,name,status,evidence,annual_reduction_tco2e,rule_version"))
    #expect(tags[1].hasPrefix("G1,CN-GFC-2025,4.2.1,风力发电设施建设和运营,aligned,"))
    #expect(tags.contains { $0.hasPrefix("G2,CN-GFC-2025,,,not_eligible,") && $0.contains("declared_code_contradicts_evidence") })
    #expect(tags.contains { $0.hasPrefix("G4,CN-GIC-2019,3.2.2,太阳能利用设施建设和运营,aligned,") })
    #expect(tags.count == 1 + 3 * 2)  // three accepted loans × (cn, eu)
    let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
    #expect(rejects.contains("loans.csv,4,4,currency: no exchange rate for EUR into CNY"))
    let green = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("green_summary.json"))) as! [String: Any]
    #expect(green["aligned"] as? Int == 2)
    // G1 and G4 are aligned: 250 + 50 of a 400 CNY book.
    #expect(green["green_balance_cny"] as? Double == 300)
    #expect(green["green_share"] as? Double == 0.75)
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
    let rows = summary["rows"] as! [String: Int]
    #expect(rows["read"] == 4 && rows["accepted"] == 3 && rows["rejected"] == 1)
  }

  /// Tag shards merged give the single run's bytes (the map/reduce path of issue 9).
  @Test func tagShardsMergeToTheSingleRun() throws {
    let dir = try cli.temporaryDirectory()
    let common = ["tag", "--loans", "Examples/loans.csv", "--borrowers", "Examples/borrowers.csv", "--fx", "Examples/fx.csv",
                  "--as-of", "2026-11-29", "--quiet"]
    try cli.expectShardsMergeToSingleRun(common, files: ["tags.csv", "green_summary.json", "summary.json", "rejects.csv", "partials.csv"],
                                         in: dir)
  }

  /// 银发〔2025〕132号 三: products approved before the catalogue's publication (the notice's date,
  /// 2025-06-27) keep the historical standard — the 2019 industry catalogue for loans, the 2021
  /// bond catalogue for bonds; `approval_date` decides, `origination_date` stands in without it.
  /// A data centre's `pue` column decides 6.6.2's GB 40879 grade.
  @Test func approvalDateAssetClassAndPUEColumns() throws {
    let (_, tags) = try tag("loan_id,borrower_id,asset_class,currency,outstanding,origination_date,approval_date,use_of_proceeds,project_type,pue\n"
      + "L1,,project_finance,CNY,10,2025-08-01,2025-06-26,风电场建设,power.wind,\n"
      + "L2,,corporate_bond,CNY,10,2025-08-01,2025-06-26,风电场建设,power.wind,\n"
      + "L3,,project_finance,CNY,10,2025-08-01,2025-06-27,风电场建设,power.wind,\n"
      + "L4,,business_loan,CNY,10,2025-12-01,,新建数据中心,datacenter.new,1.28\n"
      + "L5,,business_loan,CNY,10,2025-12-01,,新建数据中心,datacenter.new,1.42\n",
      ["--taxonomy", "cn", "--quiet"])
    #expect(tags.contains { $0.hasPrefix("L1,CN-GIC-2019,3.2.1,风力发电设施建设和运营,aligned,") })
    #expect(tags.contains { $0.hasPrefix("L2,CN-GBC-2021,3.2.2.1,") })
    #expect(tags.contains { $0.hasPrefix("L3,CN-GFC-2025,4.2.1,") })
    #expect(tags.contains { $0.hasPrefix("L4,CN-GFC-2025,6.6.2,绿色数据中心建设,aligned,") })
    #expect(tags.contains { $0.hasPrefix("L5,CN-GFC-2025,6.6.2,绿色数据中心建设,not_eligible,") })
  }
}
