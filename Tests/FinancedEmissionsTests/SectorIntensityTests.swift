import FactorTables
import FinancedEmissions
import Quantities
import Testing

@Suite struct SectorIntensityTests {
  /// US EPA ORD, Supply Chain GHG Emission Factors v1.3 by NAICS-6 (2024), DOI 10.23719/1531143,
  /// column "Supply Chain Emission Factors without Margins": NAICS 327310 Cement Manufacturing
  /// 3.846 and 331110 Iron and Steel Mills 0.769 kg CO2e per 2022 USD — i.e. 3,846 and 769 t
  /// per million USD — mapped to GB/T 4754 C30 and C31.
  @Test func bundledEstimatesPinTheirSource() throws {
    let table = SectorIntensityTable(factorSet: try FactorSet.bundled())
    let cement = try #require(table.match(sector: "C3011", basis: .revenue))
    #expect(cement.id == "US-EPA-SCGHG13-C30")
    #expect(abs(cement.tonnesPerMillion - 3_846) < 1e-9)
    #expect(cement.currency.code == "USD")
    let steel = try #require(table.match(sector: "C3120", basis: .revenue))
    #expect(abs(steel.tonnesPerMillion - 769) < 1e-9)
    // Power is left out by the source (EPA excludes electricity): no estimate, no guess.
    #expect(table.match(sector: "D4411", basis: .revenue) == nil)
  }

  @Test func longestPrefixWins() {
    let table = SectorIntensityTable([
      EconomicIntensity(id: "C", sectorPrefix: "C", basis: .revenue, tonnesPerMillion: 1, currency: .cny, year: nil, source: ""),
      EconomicIntensity(id: "C30", sectorPrefix: "C30", basis: .revenue, tonnesPerMillion: 2, currency: .cny, year: nil, source: ""),
      EconomicIntensity(id: "C3011", sectorPrefix: "C3011", basis: .revenue, tonnesPerMillion: 3, currency: .cny, year: nil, source: ""),
    ])
    #expect(table.match(sector: "C3011", basis: .revenue)?.id == "C3011")
    #expect(table.match(sector: "C3012", basis: .revenue)?.id == "C30")
    #expect(table.match(sector: "C2511", basis: .revenue)?.id == "C")
    #expect(table.match(sector: "D4411", basis: .revenue) == nil)
    #expect(table.match(sector: "C3011", basis: .assets) == nil)
  }
}
