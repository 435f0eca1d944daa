import BatchJobs
import FactorTables
import Foundation
import Quantities
import Tabular
import Testing

/// report.html as a reader sees it: who and when, and the top emitters of one year by name.
@Suite struct ReportTests {
  @Test func reportNamesTheInstitutionTheDateAndTheYearsTopEmitters() throws {
    let w = try Workspace()
    let e = Workspace.examples
    var pipeline = Pipeline(loans: .file(e + "/loans.csv"), borrowers: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled())
    (pipeline.activities, pipeline.exchangeRates) = (.file(e + "/activities.csv"), e + "/fx.csv")
    pipeline.reportingDay = Day(year: 2026, month: 11, day: 29)!
    pipeline.institution = "测试银行 <Test> Bank"
    _ = try pipeline.run(writingTo: w.path("run"))
    let html = try w.text("run/report.html")
    #expect(html.contains("机构: <b>测试银行 &lt;Test&gt; Bank</b>"))  // escaped, never raw HTML
    #expect(html.contains("报告日: <b>2026-11-29</b>"))

    // The test's own ranking: accounts.csv rows of the latest period, largest total first.
    let accounts = try w.records(w.path("run/accounts.csv"))
    let latest = try #require(accounts.compactMap { Int($0["period"]!) }.max())
    let ofYear = accounts.filter { $0["period"] == String(latest) }
    let totals = ofYear.map { ($0["entity_id"]!, Double($0["total_tco2e"]!)!) }.sorted { $0.1 > $1.1 }
    let names = Dictionary(try w.records(e + "/borrowers.csv").map { ($0["borrower_id"]!, $0["name"] ?? "") }, uniquingKeysWith: { a, _ in a })
    let (id, total) = totals[0]
    let share = total / totals.map(\.1).reduce(0, +) * 100
    let section = try #require(html.range(of: "\(latest)年排放最高的"))
    let after = String(html[section.upperBound...].prefix(20_000))
    let expected = "<tr><td>\(names[id]!) (\(id))</td>"
    #expect(after.contains(expected))
    #expect(after.contains(String(format: "(%.1f %%)", share)))
    // One year only, at most 20: the section's table has a row per ranked account and no more.
    let table = String(after[after.range(of: "<table>")!.lowerBound..<after.range(of: "</section>")!.lowerBound])
    #expect(table.components(separatedBy: "<tr><td>").count - 1 == min(20, ofYear.count))
  }
}
