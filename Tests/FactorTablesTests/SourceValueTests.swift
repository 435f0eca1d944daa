import FactorTables
import Quantities
import Testing

/// Values pinned to their source documents: a factor update that changes one of these must
/// change the test too, in review.
@Suite("Bundled factors match their sources")
struct SourceValueTests {
  @Test func zhejiang2022GridFactor() throws {
    // MEE/NBS 《关于发布2022年电力二氧化碳排放因子的公告》 (2024-12-20), annex: 浙江 0.5153 kgCO2/kWh.
    let r = try bundled.lookup("electricity.grid", in: "CN-ZJ", on: day(2022, 6, 30))
    #expect(r.primary.value == 0.5153)
    #expect(r.primary.unit.description == "kgCO2/kWh")
    #expect(r.primary.region == "CN-ZJ")
    #expect(r.trace.map(\.kind) == [.matched])
  }

  @Test func nationalAverage2021() throws {
    // MEE/NBS 公告2024年第12号: 2021 全国电力平均二氧化碳排放因子 0.5568 kgCO2/kWh.
    let r = try bundled.lookup("electricity.grid", in: "CN", on: day(2021, 12, 31))
    #expect(r.primary.value == 0.5568)
    #expect(r.primary.series == "mee-nbs.average")
  }

  @Test func dieselDefaults() throws {
    // GB/T 32151 default parameters (附录 表C.1): 柴油 NCV 42.652 GJ/t, CC 20.2 tC/TJ, OF 98 %.
    let p = try bundled.fuelParameters("diesel", in: "CN-ZJ", on: day(2024, 1, 1))
    #expect(p.ncv == 42.652 && p.ncvUnit.description == "GJ/t")
    #expect(p.carbonContent == 20.2)
    #expect(p.oxidationRate == 0.98)
    let f = try bundled.combustionFactor("diesel", in: "CN", on: day(2024, 1, 1))
    // Computed by hand from the formula: 42.652 × 20.2 × 10⁻³ × 0.98 × 44/12.
    #expect(abs(f.tonnesCO2PerUnit - 42.652 * 20.2 / 1000 * 0.98 * 44 / 12) < 1e-12)
    #expect(f.tier == .default)
    #expect(f.formula == "42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12")
  }

  @Test func measuredParametersOverrideDefaultsAndSetTheTier() throws {
    let ncv = try PerUnit(parsing: "GJ/t")
    let f = try bundled.combustionFactor(
      "anthracite", in: "CN", on: day(2024, 1, 1),
      measured: MeasuredParameters(ncv: (21.35, ncv), carbonContent: 26.8))
    // GB/T 32151 anthracite default OF 0.94 stays; NCV and CC are measured.
    #expect(abs(f.tonnesCO2PerUnit - 21.35 * 26.8 / 1000 * 0.94 * 44 / 12) < 1e-12)
    #expect(f.tier == .measured)
    #expect(f.tiers.ncv == .measured && f.tiers.oxidationRate == .default)
  }

  @Test func ar6FossilMethane() throws {
    // IPCC AR6 WG1 (2021) Table 7.15: fossil CH4 GWP-100 = 29.8; non-fossil 27.0; N2O 273.
    #expect(try bundled.gwp(of: "CH4_fossil", in: .ar6) == 29.8)
    #expect(try bundled.gwp(of: "CH4_non_fossil", in: .ar6) == 27.0)
    #expect(try bundled.gwp(of: "N2O", in: .ar6) == 273)
    // AR4 (2007) Table 2.14: CH4 25, N2O 298; AR5 (2013) Table 8.A.1: CH4 28, N2O 265.
    #expect(try bundled.gwp(of: "CH4", in: .ar4) == 25 && bundled.gwp(of: "N2O", in: .ar4) == 298)
    #expect(try bundled.gwp(of: "CH4", in: .ar5) == 28 && bundled.gwp(of: "N2O", in: .ar5) == 265)
  }

  @Test func blendGWPIsTheMassWeightedSum() throws {
    // R-404A = 44 % HFC-125 + 52 % HFC-143a + 4 % HFC-134a by mass (ASHRAE 34); computed here
    // from the table's own component values.
    let components = ["HFC-125": 0.44, "HFC-143a": 0.52, "HFC-134a": 0.04]
    var expected = 0.0
    for (gas, share) in components { expected += share * (try bundled.gwp(of: gas, in: .ar5)) }
    #expect(abs(try bundled.gwp(of: "R-404A", in: .ar5) - expected) < 1e-9)
  }

  @Test func etsFactor2023to2025() throws {
    // MEE 《关于做好2023—2025年发电行业企业温室气体排放报告管理有关工作的通知》: 0.5703 tCO2/MWh.
    for date in [day(2023, 1, 1), day(2025, 12, 31)] {
      let r = try bundled.lookup("electricity.grid", in: "CN", on: date, series: "ets.national-grid")
      #expect(r.primary.value == 0.5703 && r.primary.unit.description == "tCO2/MWh")
    }
    // 2021–2022 accounting used 0.5810 (MEE 2022 notice).
    let old = try bundled.lookup("electricity.grid", in: "CN", on: day(2022, 7, 1), series: "ets.national-grid")
    #expect(old.primary.value == 0.5810)
  }

  @Test func purchasedHeat() throws {
    // 公共建筑运营单位(企业)温室气体排放核算方法和报告指南: 热力 0.11 tCO2/GJ.
    let r = try bundled.lookup("heat.purchased", in: "CN-JS", on: day(2024, 3, 1))
    #expect(r.primary.value == 0.11 && r.primary.unit.description == "tCO2/GJ")
  }

  @Test func epaNaturalGas() throws {
    // EPA GHG Emission Factors Hub 2024, Table 1: natural gas 53.06 kg CO2, 1.0 g CH4, 0.10 g N2O per mmBtu.
    let r = try bundled.lookup("stationary.natural_gas", in: "US", on: day(2024, 6, 1))
    let perMMBtu = r.factors.filter { $0.unit.perUnit == .millionBtu }
    #expect(perMMBtu.map(\.value) == [53.06, 1.0, 0.1])
    #expect(perMMBtu.map(\.gas) == [.co2, .ch4, .n2o])
  }

  @Test func standardCoalOfElectricity() throws {
    // GB/T 2589-2020 appendix: electricity (当量值) 0.1229 kgce/kWh.
    let c = try #require(bundled.coefficients.first { $0.quantity == "electricity" })
    #expect(c.value == 0.1229 && c.unit.description == "kgce/kWh")
  }
}

@Suite("Look-up fallbacks")
struct LookupFallbackTests {
  @Test func provinceFallsBackToItsGridRegionThenLatestYear() throws {
    // MEE/NBS 公告2025年第47号 (2023 factors): Zhejiang 0.4974 kgCO2/kWh.
    #expect(try bundled.lookup("electricity.grid", in: "CN-ZJ", on: day(2023, 5, 1)).primary.value == 0.4974)
    // Tibet has no provincial or regional value in any annex: it falls back to the national
    // average, 0.5306 kgCO2/kWh in 2023 (same announcement).
    let r = try bundled.lookup("electricity.grid", in: "CN-XZ", on: day(2023, 5, 1))
    #expect(r.primary.region == "CN" && r.primary.value == 0.5306)
    #expect(r.trace.first?.kind == .regionFallback)
    // 2021 provincial factors (公告2024年第12号): Sichuan 0.1255.
    #expect(try bundled.lookup("electricity.grid", in: "CN-SC", on: day(2021, 5, 1)).primary.value == 0.1255)
    // 2025 is not yet published: the latest earlier year (2023) is used and the trace says so.
    let later = try bundled.lookup("electricity.grid", in: "CN-ZJ", on: day(2025, 5, 1))
    #expect(later.primary.validity.to == day(2023, 12, 31))
    #expect(later.trace.contains { $0.kind == .dateFallback })
  }

  @Test func regionChain() {
    #expect(bundled.regionChain("CN-ZJ") == ["CN-ZJ", "CN-GRID-EAST", "CN", "GLOBAL"])
    #expect(bundled.regionChain("CN-SC") == ["CN-SC", "CN-GRID-SOUTHWEST", "CN", "GLOBAL"])
    #expect(bundled.regionChain("US-CA") == ["US-CA", "US", "GLOBAL"])
  }

  @Test func pinnedVersionAnswersOrFails() throws {
    let pin = DatasetPin("cn-mee-nbs-electricity@2026.2")!
    #expect(try bundled.lookup("electricity.grid", in: "CN-ZJ", on: day(2022, 1, 1), pin: pin).primary.value == 0.5153)
    // The same query for 2024 would fall back (to 2023); pinned, it fails instead.
    #expect(throws: FactorLookupError.self) {
      try bundled.lookup("electricity.grid", in: "CN-ZJ", on: day(2024, 1, 1), pin: pin)
    }
    #expect(throws: FactorLookupError.self) {
      try bundled.lookup("electricity.grid", in: "CN-ZJ", on: day(2022, 1, 1),
                         pin: DatasetPin("cn-mee-nbs-electricity@1999.1")!)
    }
  }

  @Test func unknownActivityAndSeries() {
    #expect(throws: FactorLookupError.self) { try bundled.lookup("electricity.moon", in: "CN", on: day(2022, 1, 1)) }
    #expect(throws: FactorLookupError.self) {
      try bundled.lookup("electricity.grid", in: "CN", on: day(2022, 1, 1), series: "no-such-series")
    }
  }
}
