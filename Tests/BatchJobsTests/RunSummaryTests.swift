import BatchJobs
import FactorTables
import Foundation
import Quantities
import Tabular
import Testing

/// summary.json of a run carries the stages' totals, each equal to what the test sums itself
/// from the run's own per-row outputs.
@Suite struct RunSummaryTests {
  @Test func runSummaryCarriesTheAccountFinanceAndGreenTotals() throws {
    let w = try Workspace()
    let e = Workspace.examples
    var pipeline = Pipeline(loans: .file(e + "/loans.csv"), borrowers: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled())
    (pipeline.activities, pipeline.esg, pipeline.exchangeRates) = (.file(e + "/activities.csv"), e + "/esg.csv", e + "/fx.csv")
    pipeline.reportingDay = Day(year: 2026, month: 11, day: 29)!
    _ = try pipeline.run(writingTo: w.path("run"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: w.path("run/summary.json"))))
    let totals = try #require((json as? [String: Any])?["totals"] as? [String: Any])
    func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    // Financed scope 1+2: the sum of financed.csv's per-loan column.
    let financed = try #require(totals["financed"] as? [String: Any])
    let perLoan = try w.records("run/financed.csv").map { Double($0["financed_scope12_tco2e"]!) ?? 0 }.reduce(0, +)
    #expect(abs(try #require(number(financed["financed_scope12_tco2e"])) - perLoan) < 1e-5)
    #expect(try #require(number(financed["loans"])) == 300)

    // Accounts by year: scope 1 of each year is the sum of accounts.csv's rows of that period.
    let byYear = try #require(totals["accounts_by_year"] as? [String: [String: Any]])
    #expect(!byYear.isEmpty)
    for (year, sums) in byYear {
      let scope1 = try w.records("run/accounts.csv").filter { $0["period"] == year }.map { Double($0["scope1_tco2e"]!) ?? 0 }
      #expect(number(sums["accounts"]) == Double(scope1.count))
      #expect(abs(try #require(number(sums["scope1_tco2e"])) - scope1.reduce(0, +)) < 1e-5)
    }

    // Green: the totals of green_summary.json, without its breakdown by category.
    let green = try #require(totals["green"] as? [String: Any])
    let greenSummary = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: w.path("run/green_summary.json")))) as? [String: Any])
    #expect(number(green["green_balance_cny"]) == number(greenSummary["green_balance_cny"]))
    #expect(number(green["green_share"]) == number(greenSummary["green_share"]))
    #expect(green["by_category"] == nil)
  }
}
