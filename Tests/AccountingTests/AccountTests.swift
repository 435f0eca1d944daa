import Foundation
import Accounting
import Tabular
import FactorTables
import Quantities
import Testing

@Suite("Accounts, grades and bad input")
struct AccountTests {
  @Test("Zhejiang/Huzhou K bands: lower bound exclusive, upper inclusive", arguments: [
    (0.6, "1"), (0.6.nextUp, "2"), (0.8, "2"), (0.8.nextUp, "3"), (1.2, "3"), (1.2.nextUp, "4"),
    (2.0, "4"), (2.0.nextUp, "5"), (0.0, "1"), (7.01, "5"),
  ])
  func kGradeBoundaries(k: Double, grade: String) throws {
    // 《规上工业企业碳效等级评价方法》: K ≤ 0.6 → 1; (0.6, 0.8] → 2; (0.8, 1.2] → 3; (1.2, 2.0] → 4; > 2.0 → 5.
    #expect(try bundled.grade(k, scheme: "zj-huzhou-k").grade == grade)
  }

  @Test("L levels", arguments: [(0.6, "低碳"), (0.6.nextUp, "中碳"), (2.0, "中碳"), (2.0.nextUp, "高碳")])
  func lLevels(l: Double, level: String) throws {
    #expect(try bundled.grade(l, scheme: "zj-l").grade == level)
  }

  @Test func gradeFromBenchmarkAndFromPeers() throws {
    // Heat only: 1 000 GJ × 0.11 tCO2/GJ = 110 t of energy CO2; value added 1 000 000 CNY
    // (100 × 10^4 CNY) → L = 1.1 tCO2/10^4 CNY.
    let entities = [entity("A", sector: "C3011", valueAdded: 1_000_000)]
    var a = accounting(entities)
    try a.add(record("A", .year(2022)!, "heat.purchased", 1_000, "GJ"))
    let benchmark = SectorBenchmark(sector: "C30", region: nil, year: 2022, value: 1.0, source: "test")
    let e = try #require(a.finish(benchmarks: [benchmark]).accounts[0].carbonEfficiency)
    #expect(close(e.l, 1.1))
    #expect(e.level?.grade == "中碳")  // 0.6 < 1.1 ≤ 2.0
    #expect(close(e.k!, 1.1))
    #expect(e.grade?.grade == "3")  // 0.8 < 1.1 ≤ 1.2
    #expect(e.benchmarkSource?.hasPrefix("benchmarks: C30 2022") == true)

    // Without a benchmark: three cement makers, sector average = Σ emissions / Σ value added.
    let peers = [entity("A", valueAdded: 1_000_000), entity("B", valueAdded: 1_000_000), entity("C", valueAdded: 2_000_000)]
    var b = accounting(peers)
    for (id, gj) in [("A", 1_000.0), ("B", 3_000), ("C", 2_000)] {
      try b.add(record(id, .year(2022)!, "heat.purchased", gj, "GJ"))
    }
    let accounts = b.finish().accounts
    let average = (110.0 + 330 + 220) / (100 + 100 + 200)  // tCO2 per 10^4 CNY
    let a1 = try #require(accounts.first { $0.entity == "A" }?.carbonEfficiency)
    #expect(close(a1.sectorAverage!, average))
    #expect(close(a1.k!, 1.1 / average))
    #expect(a1.benchmarkSource == "run: 3 entities of C3011 2022")
  }

  @Test func monthsAndQuartersRollUpToTheYearAndBaseYearChange() throws {
    var a = accounting()
    try a.add(record("E1", .month(1, of: 2022)!, "heat.purchased", 100, "GJ"))
    try a.add(record("E1", .quarter(2, of: 2022)!, "heat.purchased", 300, "GJ"))
    try a.add(record("E1", .year(2023)!, "heat.purchased", 200, "GJ"))
    let accounts = a.finish().accounts
    #expect(accounts.map(\.year) == [2022, 2023])
    #expect(close(accounts[0].scope2Location, 400 * 0.11))
    #expect(accounts[1].baseYear == 2022)
    #expect(close(accounts[1].changeVersusBaseYear!, (22.0 - 44) / 44))
  }

  @Test func badRecordsAreRejectedWithTheirReason() {
    var a = accounting([entity(), entity("E2")])
    func reason(_ r: ActivityRecord) -> String {
      do { _ = try a.add(r); return "accepted" } catch { return error.description }
    }
    #expect(reason(record(activity: "stationary.coke", 10, "kWh")).contains("kWh is an energy unit"))
    #expect(reason(record(activity: "stationary.coke", 10, "m3")).contains("m3 is a volume but the coke parameters are per mass and the factor set has no density for coke"))
    #expect(reason(record(activity: "electricity.grid", 10, "t")).contains("t (mass) cannot be used here: the factor is per kWh (energy)"))
    #expect(reason(record(activity: "stationary.unobtainium", 10, "t")).contains("no default combustion parameters for fuel \"unobtainium\""))
    #expect(reason(record(activity: "electricity.grid", 10, "MWh", region: nil).with(period: .year(2030)!))
      .contains("period 2030 starts after the as-of date 2026-11-29"))
    #expect(reason(record(activity: "electricity.grid", 10, "MWh").with(period: .year(2026)!))
      .contains("beyond the factor tables"))
    #expect(reason(record("X9", .year(2022)!, "heat.purchased", 1, "GJ")).contains("entity X9 is not in the entities file"))
    #expect(reason(record(activity: "electricity.footprint.average", 1, "MWh")).contains("not a scope 2 activity"))
  }

  @Test func negativeQuantityIsRejectedWhenDecoding() throws {
    var decoder = try ActivityDecoder(header: ["entity_id", "period", "activity", "quantity", "unit"], file: "a.csv")
    var outcome: Result<ActivityRecord, RowError>?
    try CSVReader.read(bytes: Array("E1,2024,stationary.coke,-5,t\n".utf8)) { outcome = decoder.decode($0) }
    guard case .failure(let error)? = outcome else { Issue.record("accepted"); return }
    #expect(error.description == "a.csv:1:4: quantity: expected a decimal ≥ 0, found \"-5\" (negative values are not allowed here)")
  }

  @Test("totals are identical however records are split and ordered")
  func determinism() throws {
    let entities = (1...5).map { entity("E\($0)", valueAdded: 1e6) }
    var records: [ActivityRecord] = []
    for i in 0..<200 {
      let id = "E\(i % 5 + 1)"
      let kinds: [(String, Double, String)] = [("electricity.grid", 1.234 * Double(i), "MWh"),
                                               ("heat.purchased", 0.77 * Double(i), "GJ"),
                                               ("stationary.coke", 0.013 * Double(i), "t")]
      let (activity, value, unit) = kinds[i % 3]
      records.append(record(id, .month(i % 12 + 1, of: 2022)!, activity, value, unit, line: i + 2))
    }
    var whole = accounting(entities)
    for r in records { try whole.add(r) }
    var rng = SystemRandomNumberGenerator()
    let shuffled = records.shuffled(using: &rng)
    var left = accounting(entities)
    var right = accounting(entities)
    for (i, r) in shuffled.enumerated() { if i % 3 == 0 { try left.add(r) } else { try right.add(r) } }
    right.merge(left)
    let a = whole.finish().accounts
    let b = right.finish().accounts
    #expect(a.map(\.scope1.bitPattern) == b.map(\.scope1.bitPattern))
    #expect(a.map(\.scope2Location.bitPattern) == b.map(\.scope2Location.bitPattern))
    #expect(a.map(\.scope2Market.bitPattern) == b.map(\.scope2Market.bitPattern))
    #expect(a.map { $0.carbonEfficiency?.k?.bitPattern } == b.map { $0.carbonEfficiency?.k?.bitPattern })
  }
}

@Suite("ledger files")
struct LedgerFileTests {
  /// Records of five entities in two sectors, with a certificate, so that `finish` uses
  /// run peers and certificate adjustments.
  func records() -> [ActivityRecord] {
    var records: [ActivityRecord] = []
    for i in 0..<60 {
      let id = "E\(i % 5 + 1)"
      let kinds: [(String, Double, String)] = [("electricity.grid", 1.5 * Double(i + 1), "MWh"),
                                               ("stationary.coke", 0.02 * Double(i + 1), "t")]
      let (activity, value, unit) = kinds[i % 2]
      records.append(record(id, .month(i % 12 + 1, of: 2022)!, activity, value, unit, line: i + 2))
    }
    records.append(record("E2", .year(2022)!, "certificate.gec", 3, "MWh", line: 100))
    return records
  }

  let entities = (1...5).map { entity("E\($0)", sector: $0 <= 3 ? "C3011" : "C2511", valueAdded: 1e6 * Double($0)) }

  @Test("shards written as ledger files and merged finish like one accounting")
  func roundTrip() throws {
    var whole = accounting(entities)
    for r in records() { try whole.add(r) }
    // Two shards by entity, as `account --shard` splits them.
    var shards = [accounting(entities), accounting(entities)]
    for r in records() { try shards[r.entity.rawValue <= "E2" ? 0 : 1].add(r) }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ledgers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var merged = accounting(entities)
    for (i, s) in shards.enumerated() {
      let path = dir.appendingPathComponent("l\(i).csv").path
      try s.writeLedgers(to: path)
      try merged.mergeLedgers(file: path)
    }
    let a = whole.finish()
    let b = merged.finish()
    #expect(a.accounts.count == 5)
    #expect(a.accounts == b.accounts)  // totals, scopes and carbon efficiency (K from all 5 entities)
    #expect(a.accounts.map(\.lineCount) == b.accounts.map(\.lineCount))
    #expect(a.accounts.map(\.byFacility) == b.accounts.map(\.byFacility))
    #expect(a.accounts.map(\.certificatesMWh) == b.accounts.map(\.certificatesMWh))
    #expect(a.adjustmentLines.map(\.formula) == b.adjustmentLines.map(\.formula))
    #expect(!a.adjustmentLines.isEmpty)
    // Written twice, the same bytes.
    let again = dir.appendingPathComponent("again.csv").path
    try shards[0].writeLedgers(to: again)
    #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: dir.appendingPathComponent("l0.csv")))
  }

  @Test func aDamagedLedgerFileNamesItsLine() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).csv").path
    try "entity_id,year,item,key,value\nE1,2022,scope1,,12\nE1,2022,scope1,,1.5\n".write(toFile: path, atomically: true, encoding: .utf8)
    var a = accounting(entities)
    #expect { try a.mergeLedgers(file: path) } throws: { "\($0)".contains("line 3: expected an integer value, found \"E1,2022,scope1,,1.5\"") }
    try "entity_id,year,item,key,value\nE1,2022,scope9,,12\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { try a.mergeLedgers(file: path) } throws: { "\($0)".contains("line 2: unknown ledger item \"scope9\"") }
    try "entity_id,year,item,key,value\nE1,2022,residual_mwh,F1,12\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { try a.mergeLedgers(file: path) } throws: { "\($0)".contains("has no residual_factor row") }
    try "loan_id,x\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { try a.mergeLedgers(file: path) } throws: { "\($0)".contains("line 1: expected the ledger columns") }
  }
}

extension ActivityRecord {
  func with(period: Period) -> ActivityRecord {
    var copy = self
    copy.period = period
    return copy
  }
}

/// GHG Protocol Corporate Standard ch. 9: one period's emissions are reported once. A year
/// given whole (40 MWh) and by quarter (4 × 10 MWh) is found as one overlapping series; a
/// second pass rejects the year row and keeps the quarters, whatever the order.
@Suite("Period overlaps")
struct PeriodOverlapTests {
  @Test func aYearAndItsQuartersOverlapAndTheYearIsRejected() throws {
    let (accounting, records) = try Self.accountingAndRecords()
    var first = accounting
    for r in records.reversed() { try first.add(r) }
    let overlaps = first.periodOverlaps()
    #expect(overlaps.count == 1)
    var second = accounting
    second.rejectingOverlaps = overlaps
    var rejected: [String] = []
    for r in records {
      do { try second.add(r) } catch { rejected.append(r.period.description) }
    }
    #expect(rejected == ["2024"])
    // Kept: the four quarters, 40 MWh; nothing counted twice.
    let account = second.finish().accounts[0]
    let once = first.finish().accounts[0]
    #expect(abs(account.scope2Location * 2 - once.scope2Location) < 1e-9)
  }

  static func accountingAndRecords() throws -> (CarbonAccounting, [ActivityRecord]) {
    let periods = [Period.year(2024)!] + (1...4).map { Period.quarter($0, of: 2024)! }
    let records = periods.map { p in record("E1", p, "electricity.grid", p.granularity == .year ? 40 : 10, "MWh") }
    return (accounting(), records)
  }
}

@Suite("facilities")
struct FacilityTests {
  @Test("each facility's scopes by name, and the facilities sum to the account")
  func facilitiesByScope() throws {
    var plant = record(activity: "electricity.grid", 100, "MWh", line: 2)
    plant.facility = "F1"
    var boiler = record(activity: "stationary.coke", 2, "t", line: 3)
    boiler.facility = "F2"
    var books = accounting()
    for r in [plant, boiler] { try books.add(r) }
    let account = try #require(books.finish().accounts.first)
    let f1 = try #require(account.byFacility["F1"]), f2 = try #require(account.byFacility["F2"])
    // Grid electricity is scope 2 only; coke burnt in a boiler is scope 1 only (GHG Protocol ch. 4).
    #expect(f1.scope1 == 0 && f1.scope2Location > 0 && f1.scope3 == 0)
    #expect(f2.scope1 > 0 && f2.scope2Location == 0 && f2.scope2Market == 0)
    #expect(abs(f1.scope2Location + f2.scope2Location - account.scope2Location) < 1e-6)
    #expect(abs(f1.scope1 + f2.scope1 - account.scope1) < 1e-6)
  }
}
