import Accounting
import FactorTables
import Quantities
import Testing

/// The carbon-efficiency grade's industry average (《规上工业企业碳效等级评价方法》 compares an
/// enterprise with its own industry): widened from class to group to division, never to the
/// section, which mixes industries.
@Suite struct CarbonGradePeerTests {
  @Test func theAverageStopsAtTheDivision() throws {
    // Three manufacturers of different divisions (cement C30, textiles C17, paper C22): no
    // division has three, so no run-based average — whereas section C would have had them.
    let entities = [entity("A", sector: "C3011", valueAdded: 1_000_000), entity("B", sector: "C1713", valueAdded: 1_000_000),
                    entity("C", sector: "C2221", valueAdded: 1_000_000)]
    var a = accounting(entities)
    for id in ["A", "B", "C"] { try a.add(record(id, .year(2022)!, "heat.purchased", 1_000, "GJ")) }
    for account in a.finish().accounts {
      let e = try #require(account.carbonEfficiency)
      #expect(e.grade == nil && e.sectorAverage == nil)
      #expect(e.level?.grade == "中碳")  // L = 110 t / 100 × 10^4 CNY = 1.1: its level stands without peers
      #expect(e.benchmarkSource?.contains("fewer than 3 entities of division \(account.entity == "A" ? "C30" : account.entity == "B" ? "C17" : "C22")") == true)
    }
    // Two cement and one lime maker share division C30 (and group C301): their average is used.
    let same = [entity("A", sector: "C3011", valueAdded: 1_000_000), entity("B", sector: "C3011", valueAdded: 1_000_000),
                entity("C", sector: "C3012", valueAdded: 1_000_000)]
    var b = accounting(same)
    for id in ["A", "B", "C"] { try b.add(record(id, .year(2022)!, "heat.purchased", 1_000, "GJ")) }
    #expect(b.finish().accounts.allSatisfy { $0.carbonEfficiency?.benchmarkSource == "run: 3 entities of C301 2022" })
  }
}
