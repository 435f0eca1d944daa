import BatchJobs
import Tabular
import Testing

/// The example sustainability-linked loan (Examples/sll-terms.json), priced as the LMA/APLMA/LSTA
/// Sustainability-Linked Loan Principles (2023) describe: per KPI, the year's target (SPT) met
/// or missed against the reported value, a two-way margin step, the total capped.
@Suite struct SustainabilityLinkedLoanTests {
  @Test func theExampleLoansRatchetIsComputedFromItsTargets() throws {
    let w = try Workspace()
    var job = PricingJob()
    (job.ratchet, job.observed) = (Workspace.examples + "/sll-terms.json", Workspace.examples + "/sll-observed.csv")
    try job.run(writingTo: w.path("pricing"))
    var rows: [String: [String: String]] = [:]
    for row in try w.records(w.path("pricing/ratchet.csv")) { rows["\(row["year"]!) \(row["kpi"]!)"] = row }
    // 2024: carbon efficiency 1.258556 ≤ SPT 1.30 → met, −2.5 bps; green power 14.74 % < SPT 15 %
    // → missed, +2.5 bps (two-way); total 0, within the ±5 bps cap. 2023 has no target.
    #expect(rows["2024 carbon_efficiency_l"]?["status"] == "met" && rows["2024 carbon_efficiency_l"]?["adjustment_bps"] == "-2.5")
    #expect(rows["2024 green_power_share"]?["status"] == "missed" && rows["2024 green_power_share"]?["adjustment_bps"] == "2.5")
    #expect(rows["2024 total"]?["adjustment_bps"] == "0")
    #expect(rows["2023 carbon_efficiency_l"]?["status"] == "no_target")
  }

  @Test func anInsufficientDataGradeIsPricedWithoutDiscount() throws {
    let w = try Workspace()
    let scores = try w.file("scores.csv", "entity_id,year,grade\nB1,2024,insufficient_data\nB2,2024,AAA\n")
    var job = PricingJob()
    job.scores = scores
    try job.run(writingTo: w.path("pricing"))
    let rows = try w.records(w.path("pricing/pricing.csv"))
    // The example grid: AAA −15 bps; no grade, no discount: 0.
    #expect(rows.map { $0["adjustment_bps"]! } == ["0", "-15"])
  }
}
