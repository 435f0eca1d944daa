import LoanBook
import Accounting
import BatchJobs
import FactorTables
import FinancedEmissions
import Integrity
import Quantities
import Tabular
import Testing

/// Each job's typed result and files on inputs small enough to compute by hand.
@Suite struct JobResultTests {
  let day = Day(year: 2026, month: 11, day: 29)!

  /// 10 t of diesel burnt in China: GB/T 32151.1-2015 Table B.1 gives NCV 42.652 GJ/t,
  /// carbon content 20.20 tC/TJ and oxidation 98 %, so 10 × 42.652 × 0.0202 × 0.98 × 44/12
  /// = 30.959096 tCO2, all scope 1.
  @Test func accountingJobComputesTheDieselByHand() throws {
    let w = try Workspace()
    let activities = try w.file("activities.csv", "entity_id,period,activity,quantity,unit\nE1,2024,stationary.diesel,10,t\n")
    let entities = try w.file("entities.csv", "borrower_id,sector,country,region,currency\nE1,C3011,CN,CN-ZJ,CNY\n")
    var options = AccountingOptions(asOf: day)
    options.methodology = .chinaGBT
    let result = try AccountingJob(activities: .file(activities), entities: .file(entities), factors: try FactorSet.bundled(),
                                   options: options).run(writingTo: w.path("out"))
    #expect(result.counts.read == 1 && result.counts.accepted == 1 && result.counts.lines == 1)
    #expect(result.accounts.count == 1)
    let expected = 10 * 42.652 * 0.0202 * 0.98 * 44 / 12
    #expect(abs(result.accounts[0].scope1 - expected) < 1e-6)
    #expect(abs(result.accounts[0].total - expected) < 1e-6)
    #expect(try OutputManifest.verify(directory: w.path("out")).problems.isEmpty)
  }

  /// A business loan of 100 CNY to an unlisted borrower with equity 600 and debt 400:
  /// attribution 100 / (600 + 400) = 0.1 (PCAF Part A, 2nd ed. 2022, 5.2: outstanding /
  /// (total equity + debt)); verified reported emissions 1,000 t scope 1 and 500 t scope 2
  /// give 100 t and 50 t financed, data-quality score 1 (Table 5-3, option 1a).
  @Test func financedEmissionsJobAttributesByHand() throws {
    let w = try Workspace()
    let loans = try w.file("loans.csv", "loan_id,borrower_id,asset_class,currency,outstanding\nL1,B1,business_loan,CNY,100\n")
    let borrowers = try w.file("b.csv", """
      borrower_id,sector,country,currency,total_equity,total_debt,reported_scope1,reported_scope2,emissions_year,emissions_verified
      B1,C3011,CN,CNY,600,400,1000,500,2024,true

      """)
    let result = try FinancedEmissionsJob(loans: .file(loans), borrowers: .file(borrowers),
 factors: try FactorSet.bundled())
      .run(writingTo: w.path("out"))
    #expect((result.read, result.accepted, result.rejected, result.scored) == (1, 1, 0, 1))
    #expect(abs(result.portfolio[.scope1] - 100) < 1e-9)
    #expect(abs(result.portfolio[.scope2] - 50) < 1e-9)
    #expect(result.byAssetClass[.businessLoan]?[.loans] == 1)
    let row = try w.rows("out/financed.csv")[0]
    #expect(Double(row[3]) == 0.1)  // attribution_factor
    #expect(row[7] == "1")  // data_quality_score
  }

  /// The pipeline hands the stages' outputs on in process and writes one manifest over all of
  /// them: no stage writes its own, and verify finds nothing changed.
  @Test func pipelineWritesOneManifestAndTheStagesCounts() throws {
    let w = try Workspace()
    let e = Workspace.examples
    var pipeline = Pipeline(loans: .file(e + "/loans.csv"), borrowers: .file(e + "/borrowers.csv"), factors: try FactorSet.bundled())
    (pipeline.activities, pipeline.esg, pipeline.exchangeRates) = (.file(e + "/activities.csv"), e + "/esg.csv", e + "/fx.csv")
    pipeline.reportingDay = day
    let result = try pipeline.run(writingTo: w.path("run"))
    #expect(result.stageNames == ["account", "score", "tag", "finance"])
    #expect(result.accounting?.counts.read == 199)
    #expect(result.tagging?.read == 300)
    #expect(result.financing?.read == 300)
    for stage in result.stageNames { #expect(!FileSystem.exists(w.path("run/stages/\(stage)/manifest.json"))) }
    #expect(FileSystem.exists(w.path("run/report.html")))
    let (checked, problems) = try OutputManifest.verify(directory: w.path("run"))
    #expect(problems.isEmpty)
    #expect(checked > 10)
    // summary.json: the run's rows are activities + esg + loans + borrowers, each counted once.
    let summary = try w.text("run/summary.json")
    let read = 199 + (result.scoring?.esgRead ?? 0) + 300 + (result.financing?.borrowersRead ?? 0)
    #expect(summary.contains("\"read\":\(read)") || summary.contains("\"read\": \(read)"))
  }
}

/// partials.csv carries its format's version, and a merge refuses shards of another version
/// even when their manifest is in order.
@Suite struct PartialsFormatTests {
  @Test func mergeRefusesShardsOfAnotherPartialsFormat() throws {
    let w = try Workspace()
    let e = Workspace.examples
    var dirs: [String] = []
    for i in 1...2 {
      var job = TaggingJob(loans: .file(e + "/loans.csv"), factors: try FactorSet.bundled())
      job.shard = Shard(index: i, count: 2)
      dirs.append(try job.run(writingTo: w.path("s\(i)")).directory)
    }
    let partials = try w.text(dirs[1] + "/partials.csv")
    #expect(partials.hasPrefix("group,key,value\nrun,format,greenledger-partials/1\n"))
    // A shard from a future layout, sealed with a manifest of its own.
    try FileSystem.write(partials.replacing("greenledger-partials/1", with: "greenledger-partials/2"),
                         to: dirs[1] + "/partials.csv")
    let manifest = try OutputManifest.read(from: dirs[1])
    try OutputManifest(directory: dirs[1], command: manifest.command, inputEntries: manifest.inputs,
                       factorSetDigest: manifest.factorSetDigest, methodologies: manifest.methodologies).write(to: dirs[1])
    #expect(throws: InputError.self) { try ShardMerge(directories: dirs, factors: try FactorSet.bundled()).run(writingTo: w.path("m")) }
    do {
      _ = try ShardMerge(directories: dirs, factors: try FactorSet.bundled()).run(writingTo: w.path("m"))
    } catch let error as InputError {
      #expect("\(error)".contains("greenledger-partials/2"))
    }
  }
}
