import BatchJobs
import FactorTables
import Quantities
import Tabular
import Foundation
import Testing

/// Disclosure templates filled from a run: cells computed by hand from a two-loan book.
@Suite struct DisclosureTests {
  /// B1 (C3011, equity 600 + debt 400, scope 1 800 t, scope 2 200 t, verified) borrows 100;
  /// B2 (D4415, equity 1,000, scope 1 500 t, verified) borrows 250 for a wind farm.
  func run() throws -> (Workspace, [String: [String: String]]) {
    let w = try Workspace()
    let borrowers = try w.file("borrowers.csv", """
      borrower_id,sector,country,currency,total_equity,total_debt,reported_scope1,reported_scope2,emissions_year,emissions_verified
      B1,C3011,CN,CNY,600,400,800,200,2024,true
      B2,D4415,CN,CNY,1000,0,500,0,2024,true

      """)
    let loans = try w.file("loans.csv", """
      loan_id,borrower_id,asset_class,currency,outstanding,use_of_proceeds,project_type,origination_date
      L1,B1,business_loan,CNY,100,流动资金,,2025-12-01
      L2,B2,business_loan,CNY,250,300MW 风电场建设,power.wind,2025-12-01

      """)
    var pipeline = Pipeline(loans: .file(loans), borrowers: .file(borrowers), factors: try FactorSet.bundled())
    pipeline.reportingDay = Day(year: 2026, month: 11, day: 29)!
    _ = try pipeline.run(writingTo: w.path("run"))
    // The cells as the run wrote them to disclosures/<id>.csv.
    var cells: [String: [String: String]] = [:]
    for template in DisclosureTemplate.bundled {
      for row in try w.records(w.path("run/disclosures/\(template.id).csv")) {
        cells["\(template.id) \(row["table"]!) \(row["row"]!) \(row["column"]!)"] = row
      }
    }
    return (w, cells)
  }

  @Test func pcafTablesHoldTheHandComputedFinancedEmissions() throws {
    let (_, cells) = try run()
    func value(_ key: String) -> Double? { cells["pcaf-part-a " + key]?["value"].flatMap(Double.init) }
    // PCAF Part A 5.2: attribution = outstanding / (equity + debt): L1 100/1000 = 0.1, L2 250/1000 = 0.25.
    // Scope 1 = 0.1 × 800 + 0.25 × 500 = 205; scope 2 = 0.1 × 200 = 20 (ch. 6: by asset class, shall).
    #expect(value("A1 business_loan scope1") == 205)
    #expect(value("A1 business_loan scope2") == 20)
    #expect(value("A1 business_loan scope12") == 225)
    #expect(value("A1 business_loan outstanding") == 350)
    // Economic intensity (ch. 6, should): 225 t / 350 CNY × 10^6 = 642,857.142857 t per million.
    #expect(abs((value("A1 business_loan intensity") ?? 0) - 225 / 350 * 1_000_000) < 1e-6)
    // Verified reported emissions score 1 (Table 5-3), so the weighted score is 1 (Box 8).
    #expect(value("A1 business_loan dqs12") == 1)
    // By sector (ch. 6, by asset class or sector): C 0.1 × (800 + 200) = 100; D 0.25 × 500 = 125.
    #expect(value("A2 C scope12") == 100)
    #expect(value("A2 D scope12") == 125)
    #expect(cells["pcaf-part-a A2 C outstanding"]?["label_zh"] == "C 制造业")
    // No mortgage in the book: the cell says why instead of a number.
    let mortgage = try #require(cells["pcaf-part-a A1 mortgage scope12"])
    #expect(mortgage["value"] == "" && mortgage["why_empty"] == "no loans of this asset class in the book")
    #expect(cells["pcaf-part-a A3 removals value"]?["why_empty"]?.hasPrefix("not computed") == true)
    #expect(mortgage["clause"]?.hasPrefix("PCAF (2022) Part A 2nd ed., ch. 6") == true)
    #expect(cells["pcaf-part-a A1 business_loan scope1"]?["source"] == "financed.csv rows with asset_class = business_loan")
    // IFRS S2 B62(a)–(c): the same absolute figures by asset class, gross exposure 100 + 250 = 350,
    // all of it in the calculation; B62(d) stated, undrawn commitments not in the data.
    func ifrs(_ key: String) -> String? { cells["ifrs-s2-b62 " + key]?["value"] }
    #expect(ifrs("S1 business_loan scope1").flatMap(Double.init) == 205)
    #expect(ifrs("S1 business_loan exposure").flatMap(Double.init) == 350)
    #expect(ifrs("S1 business_loan covered").flatMap(Double.init) == 1)
    #expect(ifrs("S2 D scope1").flatMap(Double.init) == 125)
    #expect(cells["ifrs-s2-b62 S3 undrawn value"]?["why_empty"]?.hasPrefix("not computed") == true)
  }

  @Test func greenLoanStatisticsListTheBooksClassesOnly() throws {
    let (w, cells) = try run()
    // The test's own reading of tags.csv: which loans the tagger found aligned, under which 2025 item.
    var aligned: [String: String] = [:]
    for row in try w.records(w.path("run/tags.csv")) where row["taxonomy"]?.hasPrefix("CN-") == true && row["status"] == "aligned" {
      aligned[row["loan_id"]!] = row["code"]!
    }
    // The wind farm is 2025 catalogue item 4.2.1 风力发电设施建设和运营; working capital is not green.
    #expect(aligned == ["L2": "4.2.1"])
    #expect(cells["pboc-green-loans G1 4 balance"]?["value"].flatMap(Double.init) == 250)
    #expect(cells["pboc-green-loans G2 4.2 loans"]?["value"] == "1")
    let outstanding = ["L1": 100.0, "L2": 250.0]
    let level1 = Set(aligned.values.map { String($0.prefix { $0 != "." }) })
    // One G1 row per first-level class the book has, none other (PBoC statistics by class).
    let g1 = Set(cells.keys.filter { $0.hasPrefix("pboc-green-loans G1 ") && $0.hasSuffix(" balance") }
      .map { $0.split(separator: " ")[2] }.map(String.init))
    #expect(g1 == level1)
    for code in level1 {
      let balance = aligned.filter { $0.value.hasPrefix(code + ".") }.map { outstanding[$0.key]! }.reduce(0, +)
      #expect(cells["pboc-green-loans G1 \(code) balance"]?["value"].flatMap(Double.init) == balance)
    }
    #expect(cells["pboc-green-loans G4 book value"]?["value"].flatMap(Double.init) == 350)
    let green = aligned.keys.map { outstanding[$0]! }.reduce(0, +)
    #expect(cells["pboc-green-loans G4 green value"]?["value"].flatMap(Double.init) == green)
  }

  @Test func bundledTemplatesAreTheReviewedFiles() throws {
    let directory = Workspace.examples.replacingOccurrences(of: "/Examples", with: "/Sources/BatchJobs/DisclosureTemplates")
    var files: [String: [UInt8]] = [:]
    for name in try FileSystem.contentsOfDirectory(directory) { files[name] = try FileSystem.contents(of: directory + "/" + name) }
    #expect(try DisclosureTemplate.read(files: files) == DisclosureTemplate.bundled)
    #expect(DisclosureTemplate.bundled.map(\.id) == ["pcaf-part-a", "pboc-green-loans", "ifrs-s2-b62", "jrt-0227"])
  }

  @Test func aTemplateWithAnUnknownDimensionIsRefusedWithTheValidOnes() throws {
    var files = BundledDisclosures.files
    let header = DisclosureTemplate.cellColumns.joined(separator: ",")
    files["pboc-green-loans.csv"] = Array((header + "\nG1,t,t,{key},x,x,catalogue_level9,c,c,c,{row}/loans,loans,clause,why\n").utf8)
    #expect(throws: InputError.self) { try DisclosureTemplate.read(files: files) }
    do { _ = try DisclosureTemplate.read(files: files) } catch {
      #expect("\(error)".contains("line 2") && "\(error)".contains("catalogue_level1"))
    }
  }

  @Test func scope3PhaseInTableSplitsTheBookByTheReportingYearsPhase() throws {
    // Reported in 2024 (phase 2, PCAF Part A 2nd ed. section 5): B1 is cement (C3011, NACE 23,
    // phased in from 2023), B2 software (I6513, NACE 62, only from 2025). B1 reports scope 3 of
    // 300 t: financed 100 / (600 + 400) × 300 = 30 t; B2's 1,000 t are voluntary: 50 / 500 × 1,000 = 100 t.
    let w = try Workspace()
    let borrowers = try w.file("borrowers.csv", """
      borrower_id,sector,country,currency,total_equity,total_debt,reported_scope1,reported_scope2,reported_scope3,emissions_year,emissions_verified
      B1,C3011,CN,CNY,600,400,800,200,300,2023,true
      B2,I6513,CN,CNY,500,0,10,20,1000,2023,false

      """)
    let loans = try w.file("loans.csv", """
      loan_id,borrower_id,asset_class,currency,outstanding
      L1,B1,business_loan,CNY,100
      L2,B2,business_loan,CNY,50

      """)
    var pipeline = Pipeline(loans: .file(loans), borrowers: .file(borrowers), factors: try FactorSet.bundled())
    pipeline.reportingDay = Day(year: 2024, month: 12, day: 31)!
    _ = try pipeline.run(writingTo: w.path("run"))
    var cells: [String: String] = [:]
    for row in try w.records(w.path("run/disclosures/pcaf-part-a.csv")) where row["table"] == "A5" {
      cells["\(row["row"]!) \(row["column"]!)"] = row["value"]
    }
    #expect(cells["phase value"] == "2")
    #expect(cells["sectors value"] == "NACE 05-09, 19, 20; 10-18, 21-33, 41-43, 49-53, 81")
    #expect(cells["required outstanding"].flatMap(Double.init) == 100)
    #expect(cells["required scope3"].flatMap(Double.init) == 30)
    #expect(cells["not_yet_required outstanding"].flatMap(Double.init) == 50)
    #expect(cells["not_yet_required scope3"].flatMap(Double.init) == 100)
  }

  @Test func jrt0227OwnOperationsComeFromTheInstitutionsOwnAccount() throws {
    // The bank (FI, 货币银行服务 J6621) burns 10 × 10⁴ Nm³ of natural gas in 2024 in its offices.
    // GB/T 32151 defaults (as ActivityCoverageTests): NCV 389.31 GJ/10⁴Nm³, carbon content
    // 15.3 tC/TJ, oxidation 0.99: CO2 = 10 × 389.31 × 15.3 / 1000 × 0.99 × 44/12 t.
    let w = try Workspace()
    let borrowers = try w.file("borrowers.csv", """
      borrower_id,sector,country,region,currency,total_equity,total_debt,reported_scope1,reported_scope2,emissions_year,emissions_verified
      B1,C3011,CN,CN-AH,CNY,600,400,800,200,2024,true
      FI,J6621,CN,CN-ZJ,CNY,,,,,,

      """)
    let loans = try w.file("loans.csv", "loan_id,borrower_id,asset_class,currency,outstanding\nL1,B1,business_loan,CNY,100\n")
    let activities = try w.file("activities.csv", "entity_id,period,activity,quantity,unit\nFI,2024,stationary.natural_gas,10,万Nm3\n")
    var pipeline = Pipeline(loans: .file(loans), borrowers: .file(borrowers), factors: try FactorSet.bundled())
    (pipeline.activities, pipeline.reportingDay) = (.file(activities), Day(year: 2025, month: 6, day: 30)!)
    pipeline.institutionEntity = "FI"
    _ = try pipeline.run(writingTo: w.path("own"))
    pipeline.institutionEntity = nil
    _ = try pipeline.run(writingTo: w.path("none"))
    func cells(_ run: String) throws -> [String: [String: String]] {
      var cells: [String: [String: String]] = [:]
      for row in try w.records(w.path("\(run)/disclosures/jrt-0227.csv")) { cells["\(row["table"]!) \(row["row"]!)"] = row }
      return cells
    }
    let own = try cells("own")
    let expected = 10 * 389.31 * 15.3 / 1_000 * 0.99 * 44 / 12
    #expect(own["J1 year"]?["value"] == "2024")
    #expect(abs((own["J1 direct"]?["value"].flatMap(Double.init) ?? 0) - expected) < 1e-6)
    #expect(own["J1 indirect_energy"]?["value"].flatMap(Double.init) == 0)
    #expect(own["J1 direct"]?["clause"]?.hasPrefix("JR/T 0227—2021《金融机构环境信息披露指南》") == true)
    // Investment and financing: B1's verified 800 + 200 t × 100 / (600 + 400) = 100 t (PCAF Part A 5.2).
    #expect(own["J2 financed12"]?["value"].flatMap(Double.init) == 100)
    #expect(own["J2 financed_method"]?["value"] == "PCAF Part A 2nd edition (2022)")
    // The report shows the same table (Chinese by default), the value with its unit.
    let html = try w.text("own/report.html")
    #expect(html.contains("<caption>J2 金融机构投融资活动的环境影响</caption>"))
    #expect(html.contains("<tr><th>投融资活动的碳排放（融资排放，范围一+二）</th><td class=n>100 <small>tCO2e</small></td></tr>"))
    // Without the institution's entity, the cells say how to give it.
    let none = try cells("none")
    #expect(none["J1 direct"]?["value"] == "")
    #expect(none["J1 direct"]?["why_empty"]?.contains("--institution-entity") == true)
  }
}
