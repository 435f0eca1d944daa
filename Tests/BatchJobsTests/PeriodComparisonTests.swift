import BatchJobs
import FactorTables
import Quantities
import Tabular
import Testing

/// `run --previous DIR`: this period's financed emissions against the previous run's, split
/// into entering and leaving loans and the three effects (PCAF Part A 3rd ed., Box 6.1-3).
@Suite struct PeriodComparisonTests {
  func run(_ w: Workspace, _ name: String, borrowers: String, loans: String, previous: String? = nil) throws {
    var pipeline = Pipeline(loans: .file(try w.file("\(name)-loans.csv", loans)),
                            borrowers: .file(try w.file("\(name)-borrowers.csv", borrowers)), factors: try FactorSet.bundled())
    pipeline.reportingDay = Day(year: 2026, month: 11, day: 29)!
    pipeline.previous = previous
    _ = try pipeline.run(writingTo: w.path(name))
  }

  @Test func changeAgainstThePreviousRunIsSplitIntoItsDrivers() throws {
    let w = try Workspace()
    let head = "borrower_id,sector,country,currency,total_equity,total_debt,reported_scope1,reported_scope2,emissions_year,emissions_verified\n"
    let loansHead = "loan_id,borrower_id,asset_class,currency,outstanding\n"
    // Before: B1 equity + debt 1,000, scope 1 800; L1 100 (F 0.1 × 800 = 80), L3 50 (F 0.05 × 800 = 40).
    try run(w, "y2024", borrowers: head + "B1,C3011,CN,CNY,600,400,800,0,2023,true\n",
            loans: loansHead + "L1,B1,business_loan,CNY,100\nL3,B1,business_loan,CNY,50\n")
    // Now: B1 1,200 and 1,000 t; L1 150 (F 150 / 1,200 × 1,000 = 125); L3 repaid; L2 new to B2 (0.02 × 500 = 10).
    try run(w, "y2025", borrowers: head + "B1,C3011,CN,CNY,700,500,1000,0,2024,true\nB2,D4415,CN,CNY,1000,0,500,0,2024,true\n",
            loans: loansHead + "L1,B1,business_loan,CNY,150\nL2,B2,business_loan,CNY,20\n", previous: w.path("y2024"))
    let change = Dictionary(try w.records(w.path("y2025/change.csv")).map { ($0["loan_id"]!, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(change.keys.sorted() == ["L1", "L2", "L3"])
    // L1: outstanding (150 / 100 − 1) × 80 = 40; value (0.125 − 0.1 × 1.5) × 800 = −20; emissions 0.125 × 200 = 25.
    #expect(change["L1"]?["status"] == "continuing")
    #expect(change["L1"]?["outstanding_effect_tco2e"] == "40.000000")
    #expect(change["L1"]?["value_effect_tco2e"] == "-20.000000")
    #expect(change["L1"]?["emissions_effect_tco2e"] == "25.000000")
    #expect(change["L2"]?["status"] == "entering" && change["L2"]?["change_tco2e"] == "10.000000")
    #expect(change["L3"]?["status"] == "leaving" && change["L3"]?["change_tco2e"] == "-40.000000")
    // The disclosure's A4: 120 → 135, change 15 = 10 − 40 + 40 − 20 + 25.
    let a4 = Dictionary(try w.records(w.path("y2025/disclosures/pcaf-part-a.csv")).filter { $0["table"] == "A4" }
      .map { ($0["row"]!, $0["value"]!) }, uniquingKeysWith: { a, _ in a })
    #expect(a4["previous"] == "120.000000" && a4["current"] == "135.000000" && a4["change"] == "15.000000")
    #expect(a4["entering"] == "10.000000" && a4["leaving"] == "-40.000000")
    let summary = try w.text("y2025/summary.json")
    #expect(summary.contains("\"change_vs_previous\""))
    #expect(try w.text("y2025/report.html").contains("与上期相比的变化及归因"))
    // Without --previous the cells say why they are empty.
    let first = try w.records(w.path("y2024/disclosures/pcaf-part-a.csv")).first { $0["table"] == "A4" }
    #expect(first?["value"] == "" && first?["why_empty"] == "no previous period given (run --previous DIR)")
  }

  @Test func thePreviousRunIsNeverWrittenOver() throws {
    let w = try Workspace()
    let e = Workspace.examples
    var pipeline = Pipeline(loans: .file(e + "/loans.csv"), borrowers: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled())
    _ = try pipeline.run(writingTo: w.path("run"))
    let before = try FileSystem.contents(of: w.path("run/financed.csv"))
    pipeline.previous = w.path("run")
    #expect(throws: OutputPlanError.self) { _ = try pipeline.run(writingTo: w.path("run")) }
    #expect(try FileSystem.contents(of: w.path("run/financed.csv")) == before)
  }
}
