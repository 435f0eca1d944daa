import LoanBook
import FactorTables
import Quantities
import Tagging
import Testing

@Suite struct TaggerTests {
  let tagger = GreenTagger(asOf: Day(year: 2026, month: 11, day: 29)!)
  let after = Day(year: 2025, month: 10, day: 1)!

  func loan(_ text: String? = nil, type: String? = nil, on day: Day? = Day(year: 2025, month: 12, day: 1)!,
            _ edit: (inout LoanFacts) -> Void = { _ in }) -> LoanFacts
  {
    var l = facts("L")
    l.useOfProceeds = text
    l.projectType = type
    l.originationDate = day
    edit(&l)
    return l
  }

  func cn(_ l: LoanFacts) -> GreenTag { tagger.tag(l, taxonomies: ["cn"])[0] }
  func eu(_ l: LoanFacts, asOf: Day = Day(year: 2025, month: 6, day: 1)!) -> GreenTag {
    GreenTagger(asOf: asOf).tag(l, taxonomies: ["eu"])[0]
  }

  @Test func bundledTablesLoad() {
    let c = Catalogue.bundled
    // 《绿色金融支持项目目录（2025年版）》: 9 first-level, 38 second-level, 271 third-level items.
    #expect(c.items2025.values.filter { $0.level == 1 }.count == 9)
    #expect(c.items2025.values.filter { $0.level == 2 }.count == 38)
    #expect(c.items2025.values.filter { $0.level == 3 }.count == 271)
    #expect(c.items2025["4.2.1"]?.nameZH == "风力发电设施建设和运营")
    #expect(c.items2025["4.2.1"]?.ghgMarker == "√√")
  }

  @Test func structuredActivityWithoutThresholdIsAligned() {
    let t = cn(loan("300MW 风电场建设", type: "power.wind"))
    #expect(t.code == "4.2.1")
    #expect(t.status == .aligned)
    #expect(t.taxonomy == "CN-GFC-2025")
  }

  @Test func textAloneIsNeverAligned() {
    let t = cn(loan("300MW 风电场建设"))
    #expect(t.code == "4.2.1")
    #expect(t.status == .eligible)
    #expect(t.missingEvidence.first == "a project_type confirming the activity (text alone never aligns)")
  }

  @Test func trickyNegatives() {
    #expect(cn(loan("燃煤电厂节能改造")).status == .notEligible)
    #expect(cn(loan("2×660MW 燃煤发电机组建设")).evidence.contains { $0.contains("coal-fired") })
    #expect(cn(loan("光伏玻璃生产线建设")).code != "4.2.2")  // manufacturing is 4.1.x, not a PV plant
    let glass = cn(loan("光伏发电玻璃生产线"))
    #expect(glass.code != "4.2.2")
    #expect(glass.evidence.contains("4.2.2 excluded by \"生产线\""))
    #expect(cn(loan("抽水蓄能电站建设")).code == "4.3.3")  // pumped hydro is 4.3.3, not 新型储能 4.3.2
    #expect(cn(loan("热电联产项目（不含燃煤）, 生物质锅炉")).code == "4.2.3")
    #expect(cn(loan("个人汽车消费贷款", type: "vehicle.phev")).status == .notEligible)
    #expect(cn(loan("Purchase of plug-in hybrid cars")).code != "9.1.1")
    #expect(cn(loan("流动资金贷款")).status == .notEligible)
    #expect(cn(loan(nil)).status == .insufficientData)
  }

  /// 6.1.1: 达到1 星级及以上绿色建筑标准 — star level 1 is the boundary.
  @Test func greenBuildingStarBoundary() {
    #expect(cn(loan("绿色建筑", type: "building.new") { $0.epcLabel = "一星级" }).status == .aligned)
    #expect(cn(loan("绿色建筑", type: "building.new") { $0.epcLabel = "三星级" }).status == .aligned)
    #expect(cn(loan("写字楼", type: "building.new") { $0.epcLabel = "无星级" }).status == .eligible)  // no star: unverifiable
    #expect(cn(loan("写字楼", type: "building.new")).missingEvidence == ["epc_star ≥ 1"])
  }

  /// 9.1.1 备注: 纯电动汽车、燃料电池汽车 — tailpipe 0 g.
  @Test func newEnergyVehicleBoundary() {
    #expect(cn(loan("新能源汽车购置", type: "vehicle.bev") { $0.vehicleGCO2PerKm = 0 }).status == .aligned)
    let t = cn(loan("新能源汽车购置", type: "vehicle.bev") { $0.vehicleGCO2PerKm = 0.1 })
    #expect(t.status == .notEligible)
    #expect(t.evidence.contains("vehicle_gco2_per_km 0.1 is not ≤ 0: threshold not met"))
  }

  /// EU 6.5 (Regulation (EU) 2021/2139 Annex I): < 50 gCO2/km until 2025-12-31, 0 from 2026-01-01.
  @Test func euCarThresholdChangesOn2026() {
    let car = { (g: Double) in self.loan(type: "vehicle.phev") { $0.vehicleGCO2PerKm = g } }
    #expect(eu(car(49.9)).status == .eligible)
    #expect(eu(car(50)).status == .notEligible)
    #expect(eu(car(49.9), asOf: Day(year: 2026, month: 1, day: 1)!).status == .notEligible)
    #expect(eu(car(0), asOf: Day(year: 2026, month: 1, day: 1)!).status == .eligible)
  }

  /// EU 4.29 (Regulation (EU) 2022/1214): life-cycle emissions below 100 gCO2e/kWh.
  @Test func euGasPowerThreshold() {
    #expect(eu(loan(type: "power.gas") { $0.lifecycleGCO2ePerKWh = 99.9 }).status == .eligible)
    #expect(eu(loan(type: "power.gas") { $0.lifecycleGCO2ePerKWh = 100.1 }).status == .notEligible)
    #expect(eu(loan(type: "power.gas")).missingEvidence.first == "lifecycle_gco2e_per_kwh < 100")  // "lower than 100 gCO2e/kWh"
  }

  /// EU 4.5 (Regulation (EU) 2021/2139 Annex I): hydropower with life-cycle emissions below 100 gCO2e/kWh.
  @Test func euHydroThreshold() {
    #expect(eu(loan(type: "power.hydro") { $0.lifecycleGCO2ePerKWh = 24 }).status == .eligible)
    #expect(eu(loan(type: "power.hydro") { $0.lifecycleGCO2ePerKWh = 100.5 }).status == .notEligible)
  }

  /// EU 7.7: a building acquired needs EPC class A; a Chinese star label is not an EU EPC class.
  @Test func euAcquisitionNeedsEPCClassA() {
    let a = eu(loan(type: "building.acquisition") { $0.epcLabel = "A" })
    #expect(a.status == .eligible && a.evidence.contains("substantial contribution met: EPC class A"))
    let star = eu(loan(type: "building.acquisition") { $0.epcLabel = "二星级" })
    #expect(star.missingEvidence.first == "EPC class A certificate (label \"二星级\" is not an EU EPC class)")
  }

  /// 银发〔2025〕132号 三: "《绿色金融支持项目目录（2025年版）》发布前已审批未发放的贷款…仍按照历史标准适用范围执行"
  /// — the notice is dated 2025-06-27: a loan approved the day before keeps the 2019 industry
  /// catalogue (the green-loan statistics' standard), a bond the 2021 bond catalogue; from
  /// 2025-06-27 the 2025 catalogue applies.
  @Test func historicalStandardAtThePublicationDate() {
    let dayBefore = Day(year: 2025, month: 6, day: 26)!, publication = Day(year: 2025, month: 6, day: 27)!
    let before = cn(loan("300MW 风电场建设", type: "power.wind") { $0.approvalDate = dayBefore })
    #expect(before.taxonomy == "CN-GIC-2019")
    #expect(before.code == "3.2.1")  // 2019 3.2.1 (解释说明): 风力发电设施建设和运营
    #expect(before.name == "风力发电设施建设和运营")
    #expect(before.code2025 == "4.2.1")
    #expect(before.evidence[0].hasPrefix("loan approved 2025-06-26: CN-GIC-2019 applies"))
    let on = cn(loan("300MW 风电场建设", type: "power.wind") { $0.approvalDate = publication })
    #expect(on.taxonomy == "CN-GFC-2025" && on.code == "4.2.1")
    // A bond approved before publication keeps the 2021 bond catalogue.
    let bond = cn(loan("300MW 风电场建设", type: "power.wind") { $0.approvalDate = dayBefore; $0.product = .bond })
    #expect(bond.taxonomy == "CN-GBC-2021" && bond.code == "3.2.2.1")
    // Without an approval date the origination date stands in, and the tag says so.
    let originated = cn(loan("300MW 风电场建设", type: "power.wind", on: dayBefore))
    #expect(originated.taxonomy == "CN-GIC-2019")
    #expect(originated.evidence[0].contains("origination 2025-06-26 taken as the approval date (no approval_date)"))
    // The approval date decides over a later origination.
    #expect(cn(loan("风电场", type: "power.wind", on: after) { $0.approvalDate = dayBefore }).taxonomy == "CN-GIC-2019")
  }

  @Test func declaredCodesAreChecked() {
    let wrong = cn(loan("300MW 风电场建设", type: "power.wind") { $0.declaredGreenCode = "CN-GFC-2025:4.2.2" })
    #expect(wrong.flags.contains("declared_code_contradicts_evidence"))
    #expect(cn(loan("x", type: "power.wind") { $0.declaredGreenCode = "CN-GFC-2025:4.9.9" }).flags == ["declared_code_unknown"])
    let expired = cn(loan("风电", type: "power.wind", on: after) { $0.declaredGreenCode = "CN-GBC-2021:3.2.2.1" })
    #expect(expired.flags.contains("declared_code_expired"))
    let right = cn(loan("风电", type: "power.wind") { $0.declaredGreenCode = "CN-GFC-2025:4.2.1" })
    #expect(right.flags.isEmpty)
  }

  @Test func greenClaimByHighCarbonBorrowerIsFlagged() {
    let t = cn(loan("锅炉节能改造") { $0.borrowerCarbonGrade = 5 })
    #expect(t.flags.contains("green_claim_by_high_carbon_borrower"))
  }

  /// Reductions by formula and cited factors: a wind farm in Zhejiang generating 1,000 MWh,
  /// MEE/NBS 2022 Zhejiang factor 0.5153 kgCO2/kWh (announcement 2024 No. 33) → 515.3 t; the
  /// bank's share by outstanding / project value (CBRC 2013 measurement guideline).
  @Test func renewableReduction() throws {
    let factors = try FactorSet.bundled()
    let calc = ReductionCalculator(factors: factors, reportingDay: Day(year: 2022, month: 12, day: 31)!)
    let t = GreenTagger(reductions: calc, asOf: Day(year: 2026, month: 1, day: 1)!).tag(loan("风电场", type: "power.wind") {
      $0.projectRegion = "CN-ZJ"
      $0.annualGenerationMWh = 1_000
      $0.outstanding = 25
      $0.projectValue = 100
    }, taxonomies: ["cn"])[0]
    #expect(abs(t.annualReduction! - 1_000 * 0.5153) < 1e-9)
    #expect(abs(t.attributedReduction! - 0.25 * 515.3) < 1e-9)
  }

  /// Energy saving: tce × 29.307 GJ/tce (GB/T 2589-2020) × 26.1 tC/TJ × 0.93 (GB/T 32151
  /// bituminous coal defaults) × 44/12.
  @Test func energySavingReduction() throws {
    let calc = ReductionCalculator(factors: try FactorSet.bundled(), reportingDay: Day(year: 2024, month: 12, day: 31)!)
    let t = GreenTagger(reductions: calc, asOf: after).tag(loan("电机系统节能改造") { $0.annualEnergySavingTCE = 100 },
                                                           taxonomies: ["cn"])[0]
    let expected = 100 * 29.307 * 26.1 * 0.93 * 44 / 12 / 1_000
    #expect(abs(t.annualReduction! - expected) < 1e-9)
    #expect(t.standardCoalSavedTCE == 100)
  }
}
