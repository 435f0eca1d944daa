import BatchJobs
import FactorTables
import Foundation
import Quantities
import Tabular
import Testing

/// report.html in either language, with its glossary, ESG-grade chart and the trend against a
/// previous period; a book directory read by its file names.
@Suite struct ReportLanguageTests {
  /// The example bank as of the demo's date, `previous` compared when given.
  func runExamples(_ w: Workspace, into name: String, language: ReportLanguage, previous: String? = nil) throws -> String {
    var pipeline = try Pipeline(directory: Workspace.examples, factors: try FactorSet.bundled())
    (pipeline.reportingDay, pipeline.reportLanguage, pipeline.previous) = (Day(year: 2026, month: 11, day: 29)!, language, previous)
    _ = try pipeline.run(writingTo: w.path(name))
    return try w.text(name + "/report.html")
  }

  @Test func englishReportHasEnglishHeadingsAndGlossaryAndChineseOneChinese() throws {
    let w = try Workspace()
    let en = try runExamples(w, into: "en", language: .en)
    let zh = try runExamples(w, into: "zh", language: .zh)
    #expect(en.contains("<html lang=\"en\">") && zh.contains("<html lang=\"zh-CN\">"))
    #expect(en.contains("<h2>Key figures</h2>") && !en.contains("关键指标"))
    #expect(zh.contains("<h2>关键指标</h2>") && !zh.contains("Key figures"))
    // Every glossary term appears in its language's glossary, with its source.
    for entry in GlossaryEntry.bundled {
      #expect(en.contains("<tr><td>\(escaped(entry.termEN))</td><td>\(escaped(entry.definitionEN))</td>"))
      #expect(zh.contains("<tr><td>\(escaped(entry.termZH))</td><td>\(escaped(entry.definitionZH))</td>"))
      #expect(en.contains(escaped(entry.source)))
    }
    // Sections in English by the NBS's English section name (GB/T 4754-2017 section C, NBS
    // China Statistical Yearbook 2010 table 4-15: "Manufacturing").
    #expect(en.contains("<tr><td>C Manufacturing</td>"))
    #expect(zh.contains("<tr><td>C 制造业</td>"))
  }

  @Test func esgGradeChartCountsEveryGradeOfScoresCSV() throws {
    let w = try Workspace()
    let html = try runExamples(w, into: "run", language: .en)
    // The test's own count: scores.csv rows by grade.
    var counts: [String: Int] = [:]
    for row in try w.records(w.path("run/scores.csv")) { counts[row["grade"]!, default: 0] += 1 }
    let section = try #require(html.range(of: "<h2>ESG grades (enterprise-years)</h2>"))
    let after = String(html[section.upperBound...].prefix(6_000))
    for (grade, count) in counts {
      #expect(after.contains("<tr><td>\(grade)</td><td class=n>\(count)"), "grade \(grade)")
    }
  }

  @Test func trendShowsBothPeriodsWithTheirDatesAndGreenShares() throws {
    let w = try Workspace()
    var previous = try Pipeline(directory: Workspace.examples + "/previous", factors: try FactorSet.bundled())
    previous.reportingDay = Day(year: 2025, month: 11, day: 29)!
    _ = try previous.run(writingTo: w.path("previous"))
    let html = try runExamples(w, into: "current", language: .en, previous: w.path("previous"))
    let before = try JSONSyntax.parse(try FileSystem.contents(of: w.path("previous/green_summary.json")))
    let now = try JSONSyntax.parse(try FileSystem.contents(of: w.path("current/green_summary.json")))
    let section = try #require(html.range(of: "<h2>Green balance by period (CNY; share of the book in brackets)</h2>"))
    let after = String(html[section.upperBound...].prefix(4_000))
    // Each period's row: its reporting date, its green balance with separators, its share in %.
    for (day, green) in [("2025-11-29", before), ("2026-11-29", now)] {
      let balance = try #require(green["green_balance_cny"]?.number)
      let share = try #require(green["green_share"]?.number)
      let grouped = Int(balance.rounded()).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
      #expect(after.contains("<tr><td>\(day)</td><td class=n>\(grouped) <small>(\(String(format: "%.2f", share * 100)) %)</small></td></tr>"))
    }
    #expect(html.contains("<h2>Financed emissions by period (tCO2e, scope 1+2)</h2>"))
  }

  @Test func bookDirectoryNeedsLoansAndBorrowers() throws {
    let w = try Workspace()
    try FileSystem.createDirectory(w.path("book"))
    _ = try w.file("book/loans.csv", "loan_id\n")
    #expect(throws: InputError.self) { try Pipeline(directory: w.path("book"), factors: try FactorSet.bundled()) }
    _ = try w.file("book/borrowers.csv", "borrower_id\n")
    _ = try w.file("book/fx.csv", "currency,cny_per_unit\n")
    let pipeline = try Pipeline(directory: w.path("book"), factors: try FactorSet.bundled())
    #expect(pipeline.exchangeRates == w.path("book/fx.csv"))
    #expect(pipeline.activities == nil && pipeline.esg == nil && pipeline.countries == nil)
  }

  @Test func printerWithoutChromiumSaysWhatToInstall() {
    let printer = ReportPrinter(browser: "/nonexistent/chromium")
    #expect(throws: ReportPrinterError.self) { try printer.print("/tmp/none.html", to: "/tmp/none.pdf") }
  }

  func escaped(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
