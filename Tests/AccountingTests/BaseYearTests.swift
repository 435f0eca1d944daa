import Accounting
import Quantities
import Testing

/// The change against the base year like for like (GHG Protocol Corporate Standard, revised
/// edition, ch. 5 "Tracking emissions over time": compare the same scopes and boundary; recalculate
/// for structural and methodology changes above a significance threshold). Purchased heat is
/// 0.11 tCO2/GJ (scope 2, as AccountTests); steel bought is scope 3 at US EPA Supply Chain GHG
/// Emission Factors v1.3 (NAICS 331110 with margins) 0.787 kgCO2e per 2022 USD, through the Federal
/// Reserve G.5A 2023 rate 7.0809 CNY/USD and the BEA GDP deflator 118.026 (2022) / 122.273 (2023).
@Suite struct BaseYearTests {
  func heat(_ year: Int, _ gj: Double, facility: String? = nil) -> ActivityRecord {
    var r = record("E1", .year(year)!, "heat.purchased", gj, "GJ")
    r.facility = facility
    return r
  }

  @Test func aNewlyReportedScopeIsLeftOutOfBothSides() throws {
    var a = accounting([entity(revenue: 1_000_000)])
    try a.add(heat(2022, 400))                                            // 44 t
    try a.add(heat(2023, 200))                                            // 22 t
    try a.add(record("E1", .year(2023)!, "spend.steel", 1_000_000, "CNY"))  // scope 3, new in 2023
    let steel = 1_000_000 / 7.0809 * 118.026 / 122.273 * 0.787 / 1_000  // 107.28 tCO2e
    let later = try #require(a.finish().accounts.first { $0.year == 2023 })
    #expect(close(later.scope3, steel, 1e-6))
    // Not (22 + 107.28 − 44) / 44 = +194 %: scope 3 is new, so 22 against 44: −50 %.
    #expect(close(later.changeVersusBaseYear!, (22.0 - 44) / 44))
    let comparison = try #require(later.baseYearComparison)
    #expect(comparison.baseYear == 2022 && !comparison.includesScope3)
    #expect(comparison.description.hasPrefix("scope 1 + 2 (location-based); base year 2022 recalculated"))
    #expect(comparison.adjustments.contains("scope 3 newly reported in 2023: left out (the base year has none to recalculate)"))
    // Revenue 10^6 CNY = 100 × 10^4: the total's intensity includes scope 3, scope 1 + 2's is 22 / 100.
    #expect(close(later.intensityRevenue!, (22 + steel) / 100, 1e-6) && close(later.intensityRevenueScope12!, 0.22))
  }

  @Test func aStructuralChangeAboveTheThresholdIsLeftOutAndASmallerOneKept() throws {
    var a = accounting()
    try a.add(heat(2022, 1_000, facility: "F1"))  // 110 t, the base year's total
    try a.add(heat(2023, 1_000, facility: "F1"))  // 110 t
    try a.add(heat(2023, 100, facility: "F2"))    // 11 t = 10 % of the base year: above 5 %, left out
    try a.add(heat(2023, 40, facility: "F3"))     // 4.4 t = 4 %: below 5 %, kept
    let later = try #require(a.finish().accounts.first { $0.year == 2023 })
    #expect(close(later.changeVersusBaseYear!, (110 + 4.4 - 110) / 110))
    let notes = try #require(later.baseYearComparison?.adjustments)
    #expect(notes.contains("facility F2 not in the base year (10.0 % of it): left out, above the 5 % threshold"))
    #expect(notes.contains("facility F3 not in the base year (4.0 % of it): kept, below the 5 % threshold"))
  }

  @Test func theBaseYearItselfHasNoComparison() throws {
    var a = accounting()
    try a.add(heat(2022, 400))
    let only = try #require(a.finish().accounts.first)
    #expect(only.baseYear == nil && only.baseYearComparison == nil && only.changeVersusBaseYear == nil)
  }
}
