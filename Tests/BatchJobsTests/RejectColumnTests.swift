import Accounting
import BatchJobs
import FactorTables
import Quantities
import Tabular
import Testing

/// A reject names the column by its position in the file, whatever the column order (the data
/// contract leaves the order free). Issue 19 found account numbering by the schema's order and
/// finance and tag by the file's; every job now numbers by the file's.
@Suite struct RejectColumnTests {
  let day = Day(year: 2026, month: 11, day: 29)!

  /// The third field (`column`) of rejects.csv's data rows.
  func rejectColumns(_ w: Workspace, _ directory: String) throws -> [String] {
    try w.rows(directory + "/rejects.csv").map { $0[2] }
  }

  @Test func accountNumbersTheUnitColumnByTheFilesOrder() throws {
    let w = try Workspace()
    // `unit` is the 2nd column here; in the contract's order it is the 5th.
    let activities = try w.file("activities.csv", """
      quantity,unit,activity,period,entity_id
      100,furlong,electricity.grid,2024,E1
      100,kWh,electricity.grid,2024,E1

      """)
    let entities = try w.file("entities.csv", "borrower_id,sector,country,region,currency\nE1,C3011,CN,CN-ZJ,CNY\n")
    let job = AccountingJob(activities: .file(activities), entities: .file(entities), factors: try FactorSet.bundled(),
                            options: AccountingOptions(asOf: day))
    let result = try job.run(writingTo: w.path("out"))
    #expect(result.counts.read == 2)
    #expect(result.counts.rejected == 1)
    #expect(try rejectColumns(w, w.path("out")) == ["2"])
  }

  /// loans.csv with `currency` last (6th); a currency without an exchange rate is rejected at it.
  let loans = """
    loan_id,borrower_id,asset_class,outstanding,project_type,currency
    L1,B1,business_loan,100,,USD
    L2,B1,business_loan,100,,CNY

    """
  let borrowers = "borrower_id,sector,country,currency,total_equity,total_debt\nB1,C3011,CN,CNY,600,400\n"

  @Test func financeNumbersTheCurrencyColumnByTheFilesOrder() throws {
    let w = try Workspace()
    let job = FinancedEmissionsJob(loans: .file(try w.file("loans.csv", loans)), borrowers: .file(try w.file("b.csv", borrowers)),
                                   factors: try FactorSet.bundled())
    let result = try job.run(writingTo: w.path("out"))
    #expect((result.read, result.accepted, result.rejected) == (2, 1, 1))
    #expect(try rejectColumns(w, w.path("out")) == ["6"])
  }

  @Test func tagNumbersTheCurrencyColumnByTheFilesOrder() throws {
    let w = try Workspace()
    var job = TaggingJob(loans: .file(try w.file("loans.csv", loans)), factors: try FactorSet.bundled())
    job.reportingDay = day
    let result = try job.run(writingTo: w.path("out"))
    #expect((result.read, result.rejected) == (2, 1))
    #expect(try rejectColumns(w, w.path("out")) == ["6"])
  }
}
