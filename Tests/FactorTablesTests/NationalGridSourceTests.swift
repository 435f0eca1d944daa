import FactorTables
import Quantities
import Tabular
import Testing

/// Grid factors outside mainland China pinned to their sources.
@Suite("National and subregional grid factors match their sources")
struct NationalGridSourceTests {
  @Test func eGRIDSubregionsGiveThreeGases() throws {
    // EPA eGRID2022 Summary Tables (2024-01-30), Table 1, total output rates in lb/MWh:
    // CAMX (WECC California) 497.4 / 0.030 / 0.004; SRSO (SERC South) 893.3 / 0.064 / 0.009.
    for (code, co2, ch4, n2o) in [("CAMX", 497.4, 0.030, 0.004), ("SRSO", 893.3, 0.064, 0.009)] {
      let r = try bundled.lookup("electricity.grid", in: "US-EGRID-\(code)", on: day(2022, 7, 1))
      let byGas = Dictionary(uniqueKeysWithValues: r.factors.map { ($0.gas, $0.value) })
      #expect(byGas == [.co2: co2, .ch4: ch4, .n2o: n2o])
      #expect(r.primary.unit.description == "lbCO2/MWh" && r.primary.series == "egrid.subregion")
    }
    // Every subregion hangs under the US; the U.S. row of the same table gives all three gases.
    #expect(bundled.regionChain("US-EGRID-NYUP") == ["US-EGRID-NYUP", "US", "GLOBAL"])
    let us = try bundled.lookup("electricity.grid", in: "US", on: day(2022, 7, 1))
    #expect(Set(us.factors.map(\.value)) == [823.1, 0.066, 0.009])
  }

  @Test func singaporeAndJapan() throws {
    // EMA grid emission factor (average operating margin): 2022 0.4168, 2023 0.4120, 2024 0.402 kgCO2/kWh.
    for (year, value) in [(2022, 0.4168), (2023, 0.4120), (2024, 0.402)] {
      #expect(try bundled.lookup("electricity.grid", in: "SG", on: day(year, 6, 30)).primary.value == value)
    }
    // MOE/METI 電気事業者別排出係数 R6年度実績: 全国平均係数 0.000423 t-CO2/kWh, fiscal year April–March.
    let jp = try bundled.lookup("electricity.grid", in: "JP", on: day(2025, 3, 31))
    #expect(jp.primary.value == 0.000423 && jp.primary.unit.description == "tCO2/kWh")
    #expect(jp.primary.validity.from == day(2024, 4, 1))
  }

  @Test func everyGridRegionOfTheTablesIsAValidRegionCode() {
    // scripts/embed-factors writes Tabular's grid-region list from the regions tables.
    let grid = bundled.regions.keys.filter { $0.filter { $0 == "-" }.count > 1 }
    #expect(grid.count == 34)
    #expect(grid.allSatisfy(RegionCodes.isRegion))
  }
}
