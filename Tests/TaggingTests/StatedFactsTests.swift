import Tagging
import Testing

/// Numbers and categories read from use-of-proceeds texts, each with the words it came from.
@Suite struct StatedFactsTests {
  func value(_ text: String, _ field: String) -> Double? { StatedFacts(reading: text)[field]?.value }

  @Test func pueTakesTheTargetOfAChange() {
    #expect(value("数据中心节能改造，PUE由1.6降至1.25", "pue") == 1.25)
    #expect(value("IDC PUE 1.8→1.3", "pue") == 1.3)
    #expect(value("新建数据中心 设计PUE≤1.25", "pue") == 1.25)
    #expect(value("数据中心PUE 1.5，机柜3000个", "pue") == 1.5)
    #expect(StatedFacts(reading: "数据中心节能改造，PUE由1.6降至1.25")["pue"]?.span == "PUE由1.6降至1.25")
    #expect(value("机柜3000个", "pue") == nil)
  }

  @Test func capacityInAnyUnitBecomesMegawatts() {
    #expect(value("300MW 光伏电站建设", "capacity_mw") == 300)
    #expect(value("2×50MW 风电场", "capacity_mw") == 100)
    #expect(value("10万千瓦风电项目", "capacity_mw") == 100)  // 10 × 10^4 kW = 100 MW
    #expect(value("屋顶分布式光伏 500kWp", "capacity_mw") == 0.5)
    #expect(value("5GW 光伏组件", "capacity_mw") == 5_000)
    #expect(value("储能电站 100MW/200MWh", "capacity_mw") == 100)
    #expect(value("年发电量2亿千瓦时", "capacity_mw") == nil)  // energy, not capacity
    #expect(value("２００ＭＷ光伏", "capacity_mw") == 200)  // full-width digits and letters
  }

  @Test func savingsNeedASavingWordAndCoal() {
    #expect(value("电机系统节能改造，年节约标准煤5000吨", "annual_energy_saving_tce") == 5_000)
    #expect(value("余热发电 年节能1.2万吨标准煤", "annual_energy_saving_tce") == 12_000)
    #expect(value("Energy-efficiency retrofit of kilns, saving 3,200 tce/yr", "annual_energy_saving_tce") == 3_200)
    #expect(value("年综合能耗5000吨标准煤", "annual_energy_saving_tce") == nil)  // consumption, not saving
    #expect(value("年节约用水5000吨", "annual_energy_saving_tce") == nil)  // water, not coal
  }

  @Test func reductionsAndCaptureAreApart() {
    #expect(value("项目建成后年减排二氧化碳1.3万吨", "annual_co2_reduction_t") == 13_000)
    #expect(value("CCUS示范 年捕集二氧化碳10万吨", "co2_capture_t_per_year") == 100_000)
    #expect(value("CCUS示范 年捕集二氧化碳10万吨", "annual_co2_reduction_t") == nil)
    #expect(value("减少污水排放5000吨", "annual_co2_reduction_t") == nil)
  }

  @Test func categoriesAndTheirNegations() {
    let star = StatedFacts(reading: "住宅小区 按二星级绿色建筑标准建设")
    #expect(star["epc_star"]?.value == 2)
    #expect(StatedFacts(reading: "按绿色建筑基本级设计")["epc_star"]?.value == 0)
    #expect(StatedFacts(reading: "熟料生产线改造后达到能效标杆水平")["efficiency_level"]?.category == "benchmark")
    #expect(StatedFacts(reading: "改造后未达到标杆水平，仅达到基准水平")["efficiency_level"]?.category == "baseline")
    #expect(StatedFacts(reading: "一级能效变频空调")["efficiency_grade"]?.value == 1)
    #expect(StatedFacts(reading: "节能率达到15%")["energy_saving_rate_pct"]?.value == 15)
    #expect(StatedFacts(reading: "总建筑面积5.2万平方米")["floor_area_m2"]?.value == 52_000)
  }
}
