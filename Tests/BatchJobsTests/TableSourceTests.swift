import Accounting
import BatchJobs
import FactorTables
import Quantities
import Tabular
import Testing

/// Rows an app produces give the same outputs as the same rows in a file.
@Suite struct TableSourceTests {
  let day = Day(year: 2026, month: 11, day: 29)!

  /// The example loan book as the rows of an app: every field of loans.csv, row by row.
  func exampleRows(_ name: String) throws -> (columns: [String], rows: [[String]]) {
    var rows: [[String]] = []
    try CSVReader.read(file: Workspace.examples + "/" + name) { rows.append($0.strings) }
    return (rows[0], Array(rows.dropFirst()))
  }

  @Test func loanRowsTagAndFinanceLikeTheFile() throws {
    let w = try Workspace()
    let loans = try exampleRows("loans.csv")
    let borrowers = try exampleRows("borrowers.csv")
    let e = Workspace.examples
    for (name, loanSource, borrowerSource) in [
      ("file", TableSource.file(e + "/loans.csv"), TableSource.file(e + "/borrowers.csv")),
      ("rows", .rows(columns: loans.columns, loans.rows), .rows(columns: borrowers.columns, borrowers.rows)),
    ] {
      var finance = FinancedEmissionsJob(loans: loanSource, borrowers: borrowerSource, factors: try FactorSet.bundled())
      (finance.exchangeRates, finance.reportingDay) = (e + "/fx.csv", day)
      #expect(try finance.run(writingTo: w.path("finance-\(name)")).read == 300)
      var tag = TaggingJob(loans: loanSource, factors: try FactorSet.bundled())
      (tag.borrowers, tag.reportingDay) = (borrowerSource, day)
      #expect(try tag.run(writingTo: w.path("tag-\(name)")).read == 300)
    }
    for job in ["finance", "tag"] {
      // The manifests differ only in where the inputs were read; every other file is the same.
      #expect(try w.tree(w.path("\(job)-rows"), excluding: ["manifest.json", ".inputs"])
        == w.tree(w.path("\(job)-file"), excluding: ["manifest.json"]))
    }
    #expect(FileSystem.exists(w.path("tag-rows/.inputs/loans.csv")))
  }

  /// A row with a field too few is rejected with its line, as a file's would be.
  @Test func aShortRowIsRejectedAtItsLine() throws {
    let w = try Workspace()
    let loans = TableSource.rows(columns: ["loan_id", "asset_class", "currency", "outstanding"], [
      ["L1", "business_loan", "CNY", "100"],
      ["L2", "business_loan", "CNY"],
    ])
    var job = TaggingJob(loans: loans, factors: try FactorSet.bundled())
    job.reportingDay = day
    let result = try job.run(writingTo: w.path("out"))
    #expect((result.read, result.rejected) == (2, 1))
    let reject = try w.rows("out/rejects.csv")[0]
    #expect(reject[0] == "loans.csv")
    #expect(reject[1] == "3")  // the header is line 1
  }

  /// Scores from the accounts in memory are the scores from accounts.csv.
  @Test func accountsInMemoryScoreLikeTheFile() throws {
    let w = try Workspace()
    let e = Workspace.examples
    let factors = try FactorSet.bundled()
    let accounting = try AccountingJob(activities: .file(e + "/activities.csv"), entities: .file(e + "/borrowers.csv"),
                                       factors: factors, options: AccountingOptions(asOf: day)).run(writingTo: w.path("acc"))
    var fromFile = ScoringJob(accounts: .file(w.path("acc/accounts.csv")), entities: .file(e + "/borrowers.csv"))
    fromFile.esg = .file(e + "/esg.csv")
    var fromMemory = ScoringJob(accounts: .accounts(accounting.accounts, factors: factors), entities: .file(e + "/borrowers.csv"))
    fromMemory.esg = .file(e + "/esg.csv")
    _ = try fromFile.run(writingTo: w.path("file"))
    let scored = try fromMemory.run(writingTo: w.path("memory"))
    #expect(!scored.scores.isEmpty)
    #expect(try w.tree(w.path("memory"), excluding: ["manifest.json", ".inputs"]) == w.tree(w.path("file"), excluding: ["manifest.json"]))
  }
}
