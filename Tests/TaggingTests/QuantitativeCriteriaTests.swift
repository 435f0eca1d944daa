import LoanBook
import Foundation
import Quantities
@testable import Tagging
import Testing

/// Criteria of the 2025 catalogue that a number or category in the loan's data or text decides,
/// each passing and failing; every expectation quotes the item's 条件/标准.
@Suite struct QuantitativeCriteriaTests {
  let tagger = GreenTagger(asOf: Day(year: 2026, month: 11, day: 29)!)

  func cn(_ text: String, type: String? = nil, _ edit: (inout LoanFacts) -> Void = { _ in }) -> GreenTag {
    var l = facts("Q")
    l.useOfProceeds = text
    l.projectType = type
    l.originationDate = Day(year: 2025, month: 12, day: 1)
    edit(&l)
    return tagger.tag(l, taxonomies: ["cn"])[0]
  }

  /// 6.6.2: "电能比不低于《数据中心能效限定值及能效等级》（GB 40879）中 2 级能效水平"; GB 40879-2021
  /// grade 2 is 电能比 (PUE) ≤ 1.30 (grade-scales.csv).
  @Test func dataCentrePUEThroughGB40879() {
    let pass = cn("新建数据中心，2000机柜，设计PUE 1.25")
    #expect(pass.code == "6.6.2" && pass.status == .eligible)
    #expect(pass.evidence.contains { $0.hasPrefix("efficiency_grade 2 from pue 1.25 (use_of_proceeds \"设计PUE 1.25\")") })
    let fail = cn("新建数据中心，2000机柜，设计PUE 1.45")
    #expect(fail.status == .notEligible)
    #expect(fail.evidence.contains { $0.contains("pue > 1.3 (worse than GB 40879-2021 grade 2)") && $0.contains("is not ≤ 2") })
    // The structured column decides at the boundary: 1.30 is grade 2.
    #expect(cn("数据中心", type: "datacenter.new") { $0.pue = 1.30 }.status == .aligned)
    #expect(cn("数据中心", type: "datacenter.new") { $0.pue = 1.31 }.status == .notEligible)
    // Without a PUE the grade is evidence to collect.
    #expect(cn("数据中心", type: "datacenter.new").missingEvidence.contains("efficiency_grade ≤ 2"))
  }

  /// 1.4.1: "符合下列条件之一：1.…能耗等级 1 级值水平。2.…达到最新版《工业重点领域能效标杆水平和
  /// 基准水平》规定的相应行业产品能效标杆水平…" — alternatives, one of them met by the text.
  @Test func benchmarkLevelIsOneOfTheAlternatives() {
    let t = cn("水泥熟料生产线节能降碳技术改造，改造后达到能效标杆水平")
    #expect(t.code == "1.4.1" && t.status == .eligible)
    #expect(t.evidence.contains("efficiency_level benchmark (use_of_proceeds \"改造后达到能效标杆\") (one of 3 alternatives)"))
    #expect(t.candidates.first?.criteriaMetByData == 1)
    // Only the baseline level: not the item's criterion (the rule's exclusions name it).
    #expect(cn("水泥熟料生产线节能改造，改造后达到基准水平").code != "1.4.1")
  }

  /// 1.1.7: "中小型及小功率三相异步、单相异步电动机能效不低于《电动机能效限定值及能效等级》
  /// （GB 18613）规定的 1 级能效水平".
  @Test func motorGradeOne() {
    let pass = cn("高效电机制造基地建设，年产YE5系列电动机20万台，产品达到一级能效")
    #expect(pass.code == "1.1.7" && pass.status == .eligible)
    #expect(pass.evidence.contains { $0.hasPrefix("efficiency_grade 1") && $0.hasSuffix("≤ 1") })
    let fail = cn("电动机制造基地扩产，年产三相异步电动机20万台，能效二级")
    #expect(fail.code == "1.1.7" && fail.status == .notEligible)
    #expect(fail.evidence.contains { $0.hasPrefix("efficiency_grade 2") && $0.contains("is not ≤ 1") })
  }

  /// 6.1.1: "达到1 星级及以上绿色建筑标准的房屋建筑" — from the column or the text.
  @Test func greenBuildingStarFromTheText() {
    let text = cn("住宅小区开发，按二星级绿色建筑标准设计建设", type: "building.new")
    #expect(text.status == .aligned)
    #expect(text.evidence.contains("epc_star 2 (use_of_proceeds \"按二星级\") ≥ 1"))
    #expect(cn("住宅小区开发", type: "building.new") { $0.epcLabel = "一星级" }.status == .aligned)
    #expect(cn("安置房项目，按绿色建筑基本级设计", type: "building.new").code != "6.1.1")
  }

  /// Where several items match, the one whose criteria are met by data is chosen, and the tag
  /// says why the others were not.
  @Test func candidatesAreRankedAndExplained() {
    let t = cn("新建数据中心（设计PUE 1.2）配套屋顶分布式光伏")
    #expect(t.code == "6.6.2")
    #expect(t.candidates.count >= 2)
    #expect(t.candidates.contains { $0.code == "4.2.2" })
    #expect(t.evidence.contains { $0.hasPrefix("chosen over ") && $0.contains("4.2.2") && $0.contains("fewer criteria met by data (0 against 1)") })
  }

  /// Trade in a product whose item the text names goes to the trade item that refers to it
  /// (8.5.1: "风力发电装备…符合性条件参照本目录 4.1.1 规定要求").
  @Test func tradeOfAManufacturedProductFindsItsTradeItem() throws {
    var files = BundledCatalogues.files
    let header = "code,project_types,keywords_zh,keywords_en,exclusions,fossil_substitution,criteria,reduction,note\n"
    files["cn-gfc-2025-rules.csv"] = Array((header + "4.1.1,,风机叶片,,,false,none,none,test\n8.5.1,,zzz,,,false,none,none,test\n").utf8)
    let catalogue = try Catalogue(files: files)
    #expect(catalogue.tradeItems["4.1.1"] == ["8.5.1"])
    var l = facts("T")
    l.useOfProceeds = "风机叶片出口贸易"
    let t = GreenTagger(catalogue: catalogue, asOf: Day(year: 2026, month: 1, day: 1)!).tag(l, taxonomies: ["cn"])[0]
    #expect(t.code == "8.5.1")
    #expect(t.evidence.first == "activity: use_of_proceeds contains \"贸易+风机叶片\" (trade in goods of 4.1.1, which 8.5.1 refers to)")
    // Made, not traded: the manufacturing item.
    l.useOfProceeds = "风机叶片工厂"
    #expect(GreenTagger(catalogue: catalogue, asOf: Day(year: 2026, month: 1, day: 1)!).tag(l, taxonomies: ["cn"])[0].code == "4.1.1")
  }

  /// Every number a rule compares with appears in its item's 条件/标准 (or in the grade scale
  /// the item's standard defines).
  @Test func everyThresholdQuotesItsItem() {
    let c = Catalogue.bundled
    func numbers(_ criterion: Criterion) -> [Double] {
      switch criterion {
      case .compare(_, _, let v): [v]
      case .anyOf(let list): list.flatMap(numbers)
      default: []
      }
    }
    for rule in c.rules {
      let text = c.items2025[rule.code]!.criteria.replacingOccurrences(of: " ", with: "")
      // 9.1.1 备注 "纯电动汽车、燃料电池汽车" is written as zero tailpipe CO2 (≤ 0 g/km).
      for v in rule.criteria.flatMap(numbers) where !(rule.code == "9.1.1" && v == 0) {
        let printed = DecimalFormat.shortest(v)
        #expect(text.contains(printed) || text.contains(["1": "一", "2": "二", "3": "三"][printed] ?? "\u{0}"),
                "\(rule.code): \(printed) is not in the item's text")
      }
    }
  }
}
