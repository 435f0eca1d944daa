import Accounting
import FactorTables
import Quantities
import Testing

@Suite("Scope 2, heat, process, fugitive and scope 3")
struct Scope2AndOtherTests {
  // MEE/NBS 2022: 浙江 0.5153 kgCO2/kWh; national excluding market-traded non-fossil 0.5856
  // (《关于发布2022年电力二氧化碳排放因子的公告》).
  static let zhejiang2022 = 0.5153
  static let residual2022 = 0.5856

  @Test func locationAndMarketBasedWithInstrumentsSupplierAndCertificates() throws {
    var a = accounting()
    let y = Period.year(2022)!
    let grid = try a.add(record("E1", y, "electricity.grid", 1_000, "MWh", line: 2))
    let supplier = try a.add(record("E1", y, "electricity.grid", 500_000, "kWh", supplier: 0.42, line: 3))
    let green = try a.add(record("E1", y, "electricity.grid", 200, "MWh", instrument: .greenPower, line: 4))
    let certificates = try a.add(record("E1", y, "certificate.gec", 300, "MWh", line: 5))
    #expect(certificates.isEmpty)

    // Location-based: every MWh at the provincial average.
    #expect(close(grid[0].tonnesCO2e, 1_000_000 * Self.zhejiang2022 / 1_000))
    #expect(close(supplier[0].tonnesCO2e, 500_000 * Self.zhejiang2022 / 1_000))
    #expect(close(green[0].tonnesCO2e, 200_000 * Self.zhejiang2022 / 1_000))
    // Market-based: residual factor, supplier factor, zero under the instrument.
    #expect(close(grid[1].tonnesCO2e, 1_000 * Self.residual2022) && grid[1].scope2Method == .market)
    #expect(close(supplier[1].tonnesCO2e, 500_000 * 0.42 / 1_000))
    #expect(green[1].tonnesCO2e == 0 && green[1].factorID == "instrument:green_power")

    let result = a.finish()
    let account = try #require(result.accounts.first)
    let location = (1_000_000 + 500_000 + 200_000) * Self.zhejiang2022 / 1_000
    // 300 MWh of certificates cover 300 of the 1 000 MWh priced at the residual factor.
    let market = 1_000 * Self.residual2022 + 210 - 300 * Self.residual2022
    #expect(close(account.scope2Location, location))
    #expect(close(account.scope2Market, market))
    #expect(account.certificatesMWh == 300)
    #expect(result.adjustmentLines.count == 1 && close(result.adjustmentLines[0].tonnesCO2e, -300 * Self.residual2022))
    #expect(result.rejected.isEmpty)
  }

  @Test func certificatesBeyondGridElectricityAreRejected() throws {
    var a = accounting()
    let y = Period.year(2022)!
    try a.add(record("E1", y, "electricity.grid", 100, "MWh", line: 2))
    try a.add(record("E1", y, "electricity.grid", 400, "MWh", instrument: .ppa, line: 3))
    try a.add(record("E1", y, "certificate.irec", 150, "MWh", line: 4))
    let result = a.finish()
    #expect(result.rejected.count == 1)
    #expect(result.rejected[0].origin?.line == 4)
    #expect(result.rejected[0].error.message.contains("certificates of 150 MWh exceed the 100 MWh of grid electricity"))
    // Nothing was subtracted.
    #expect(close(result.accounts[0].scope2Market, 100 * Self.residual2022))
  }

  @Test func purchasedHeat() throws {
    var a = accounting()
    let lines = try a.add(record(activity: "heat.purchased", 86_000, "GJ"))
    // 0.11 tCO2/GJ (公共建筑运营单位(企业)温室气体排放核算方法和报告指南).
    #expect(lines.map(\.scope2Method) == [.location, .market])
    #expect(lines.allSatisfy { close($0.tonnesCO2e, 86_000 * 0.11) })
  }

  @Test func processEmissions() throws {
    var a = accounting()
    // IPCC 2006 Vol.3 Eq. 2.4 default: 0.52 tCO2/t clinker.
    let clinker = try a.add(record(activity: "process.clinker", 5_000, "t"))[0]
    #expect(close(clinker.tonnesCO2e, 5_000 * 0.52) && clinker.category == "process")
    // IPCC 2006 Vol.3 Table 2.4: high-calcium lime 0.75 tCO2/t.
    #expect(close(try a.add(record(activity: "process.lime", 2_000, "吨"))[0].tonnesCO2e, 1_500))
  }

  @Test("fugitive SF6 with each GWP set", arguments: [
    (GWPSet.ar4, 22_800.0),  // AR4 WG1 Table 2.14
    (.ar5, 23_500),  // AR5 WG1 Table 8.A.1
    (.ar6, 25_200),  // AR6 WG1 Table 7.SM.7
  ])
  func fugitive(set: GWPSet, gwp: Double) throws {
    var a = accounting(gwp: set)
    let line = try a.add(record(activity: "fugitive.sf6", 10, "kg"))[0]
    #expect(line.gas == "SF6" && line.tonnes == 0.01)
    #expect(close(line.tonnesCO2e, 0.01 * gwp))
    #expect(line.gwpSet == set)
  }

  @Test func refrigerantBlend() throws {
    var a = accounting(gwp: .ar5)
    let line = try a.add(record(activity: "fugitive.r404a", 100, "kg"))[0]
    // R-404A: 44 % HFC-125 (3 170), 52 % HFC-143a (4 800), 4 % HFC-134a (1 300), AR5 Table 8.A.1.
    #expect(close(line.tonnesCO2e, 0.1 * (0.44 * 3_170 + 0.52 * 4_800 + 0.04 * 1_300), 1e-6))
  }

  @Test func spendBasedScope3WithExplicitCurrency() throws {
    // A test-only spend factor (not a published value): 1.5 kgCO2e per CNY of steel bought.
    let factors = bundledPlus([
      "test-spend/dataset.json": """
        {"id":"test-spend","title":"test","publisher":"test","version":"1","licence":"test","official":true,
         "tables":[{"file":"factors.csv","kind":"emission_factors"}],"description":"test fixture"}
        """,
      "test-spend/factors.csv": """
        factor_id,activity,region,series,gas,value,unit,valid_from,valid_to,published,publisher,source,year,url,note
        TEST-SPEND-STEEL,spend.steel,CN,test,CO2e,1.5,kgCO2e/CNY,2020-01-01,,2024,test,test fixture,2024,,not a real factor

        """,
    ])
    var a = accounting(factors: factors)
    let line = try a.add(record(activity: "spend.steel", 48_000_000, "CNY"))[0]
    #expect(line.scope == .scope3 && line.category == "1")
    #expect(close(line.tonnesCO2e, 48_000_000 * 1.5 / 1_000))
    // Money in another currency is never converted in accounting.
    #expect(throws: AccountingError.self) { try a.add(record(activity: "spend.steel", 1_000, "USD")) }
    // 万元 is CNY: 4 800 万元 = 48 000 000 CNY.
    #expect(close(try a.add(record(activity: "spend.steel", 4_800, "万元"))[0].tonnesCO2e, 72_000))
  }

  @Test func activityScope3WithAProxyRegion() throws {
    // DESNZ 2024 factors are valid for 2024 activity.
    let freight = record("E1", .year(2024)!, "freight.road", 1_000_000, "tkm")
    // A proxy region without freight factors fails: no silent further fallback.
    var strict = accounting(proxy: "DE")
    #expect(throws: AccountingError.self) { try strict.add(freight) }
    // By default the factor set's region_proxies table names GB (DESNZ) for freight.
    var byTable = accounting()
    #expect(try byTable.add(freight)[0].method.contains("proxy region GB: none for CN-ZJ"))
    var proxied = accounting(proxy: "GB")
    let line = try proxied.add(freight)[0]
    // DESNZ 2024: HGV (all diesel) average laden 0.09752 kgCO2e/tkm.
    #expect(close(line.tonnesCO2e, 97.52) && line.category == "4")
    #expect(line.method.contains("proxy region GB"))
  }

  @Test func biogenicCO2StaysOutsideTheScopes() throws {
    var a = accounting()
    let lines = try a.add(record(activity: "stationary.wood", 10, "t"))
    // IPCC 2006 Vol.2: wood NCV 15.6 GJ/t (Table 1.2), carbon content 30.5 tC/TJ (Table 1.3), OF 1.
    #expect(lines[0].scope == .outside)
    #expect(close(lines[0].tonnes, 10 * 15.6 * 30.5e-3 * 44 / 12))
    try a.add(record(activity: "stationary.coke", 1, "t"))
    let account = a.finish().accounts[0]
    #expect(close(account.biogenicCO2, 10 * 15.6 * 30.5e-3 * 44 / 12, 1e-6))
    #expect(close(account.scope1, 28.435 * 29.5e-3 * 0.93 * 44 / 12, 1e-6))  // coke only
    #expect(close(account.total, account.scope1 + account.scope2Location + account.scope3))
  }
}
