import Accounting
import BatchJobs
import FactorTables
import Quantities
import Tabular
import Testing

/// Restating last year's accounts (GHG Protocol Corporate Standard ch. 5: recalculation for
/// changed methods or factors, corrected data, structural changes): old beside new per
/// entity-year and per line, each change with its cause; the earlier directory only read.
@Suite struct AccountRestatementTests {
  @Test func correctionsAndBoundaryChangesAreListedWithTheirCause() throws {
    let w = try Workspace()
    let entities = try w.file("entities.csv", "borrower_id,sector,country,region,currency\nE1,C3011,CN,CN-ZJ,CNY\n")
    // Last year's filing: 1,000 GJ of heat at facility F1 and 500 GJ at F2.
    let before = try w.file("before.csv", """
      entity_id,period,activity,quantity,unit,facility_id
      E1,2024,heat.purchased,1000,GJ,F1
      E1,2024,heat.purchased,500,GJ,F2

      """)
    // The corrected data: F1 used 1,200 GJ; F2 was sold before the year began (not in the boundary).
    let after = try w.file("after.csv", """
      entity_id,period,activity,quantity,unit,facility_id
      E1,2024,heat.purchased,1200,GJ,F1

      """)
    let options = AccountingOptions(asOf: Day(year: 2025, month: 6, day: 30)!)
    var first = AccountingJob(activities: .file(before), entities: .file(entities), factors: try FactorSet.bundled(), options: options)
    _ = try first.run(writingTo: w.path("2024-filed"))
    let filed = try FileSystem.contents(of: w.path("2024-filed/accounts.csv"))
    first.activities = .file(after)
    first.previous = w.path("2024-filed")
    _ = try first.run(writingTo: w.path("2024-restated"))
    #expect(try FileSystem.contents(of: w.path("2024-filed/accounts.csv")) == filed)  // never overwritten

    var lines: [String: [String: String]] = [:]
    for row in try w.records(w.path("2024-restated/restatement_lines.csv")) { lines[row["facility_id"]!] = row }
    #expect(lines["F1"]?["cause"] == "activity correction")
    #expect(lines["F1"]?["old_quantity"] == "1000 GJ" && lines["F1"]?["new_quantity"] == "1200 GJ")
    #expect(lines["F2"]?["cause"] == "boundary change: facility removed" && lines["F2"]?["new_co2e_t"] == "")
    // Purchased heat at 0.11 tCO2/GJ (the NDRC guidelines' default, as AccountTests): F1 filed
    // 1,000 GJ = 110 t, restated 1,200 GJ = 132 t; F2 filed 500 GJ = 55 t.
    #expect(lines["F1"]?["old_co2e_t"] == "110.000000" && lines["F1"]?["new_co2e_t"] == "132.000000")
    #expect(lines["F1"]?["change_t"] == "22.000000" && lines["F2"]?["change_t"] == "-55.000000")

    let account = try #require(try w.records(w.path("2024-restated/restatement.csv")).first)
    #expect(account["causes"] == "activity correction; boundary change: facility removed")
    // Old 165 t (1,500 GJ), new 132 t (1,200 GJ): −33 t.
    #expect(account["old_total_tco2e"] == "165.000000" && account["new_total_tco2e"] == "132.000000")
    #expect(account["change_tco2e"] == "-33.000000")
    let digest = try FactorSet.bundled().digest
    #expect(account["old_factor_set_digest"] == digest && account["new_factor_set_digest"] == digest)
  }

  @Test func theEarlierDirectoryCannotBeTheOutput() throws {
    let w = try Workspace()
    let entities = try w.file("entities.csv", "borrower_id,sector,country,region,currency\nE1,C3011,CN,CN-ZJ,CNY\n")
    let a = try w.file("a.csv", "entity_id,period,activity,quantity,unit\nE1,2024,heat.purchased,10,GJ\n")
    var job = AccountingJob(activities: .file(a), entities: .file(entities), factors: try FactorSet.bundled(),
                            options: AccountingOptions(asOf: Day(year: 2025, month: 6, day: 30)!))
    _ = try job.run(writingTo: w.path("run"))
    job.previous = w.path("run")
    #expect(throws: OutputPlanError.self) { _ = try job.run(writingTo: w.path("run")) }
  }
}
