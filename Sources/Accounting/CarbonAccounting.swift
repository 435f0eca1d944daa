public import LoanBook
public import FactorTables
public import Quantities
import Tabular

/// A sector average of carbon intensity per value added, from a benchmarks file
/// (`sector, region, period, metric, value, unit, source`).
public struct SectorBenchmark: Hashable, Sendable {
  /// GB/T 4754 code, any level (`C3011`, `C30`, `C`).
  public let sector: String
  /// ISO 3166 region, or `nil` for any.
  public let region: String?
  /// The year the average is for.
  public let year: Int
  /// tCO2 per 10^4 CNY of value added.
  public let value: Double
  /// Where the average comes from (the benchmarks file's `source`).
  public let source: String

  /// Creates a benchmark from its sector, region, year, value and source.
  public init(sector: String, region: String?, year: Int, value: Double, source: String) {
    self.sector = sector
    self.region = region
    self.year = year
    self.value = value
    self.source = source
  }
}

/// What finishing the accounts produced.
public struct AccountingResult: Sendable {
  /// One account per entity and calendar year, sorted by entity then year.
  public let accounts: [CarbonAccount]
  /// Lines decided only at the end, such as certificate reductions of market-based scope 2.
  public let adjustmentLines: [EmissionLine]
  /// Rows rejected at the end (certificates exceeding the grid electricity they cover).
  public let rejected: [(origin: RecordOrigin?, error: AccountingError)]
}

/// Enterprise carbon accounting: feed activity records, get emission lines back at once and
/// carbon accounts per entity and year at the end.
///
/// ```swift
/// var accounting = CarbonAccounting(factors: try .bundled(), options: options, entities: entities)
/// for record in records {
///   let lines = try accounting.add(record)      // or catch AccountingError → reject the row
/// }
/// let result = accounting.finish()
/// ```
///
/// Memory grows with the number of entity-years, not of records. For parallel work, give
/// each thread its own `CarbonAccounting` and ``merge(_:)`` them: the totals are exact sums,
/// so the result does not depend on how the records were split.
public struct CarbonAccounting: Sendable {
  /// The factor set the lines are computed with.
  public let factors: FactorSet
  /// The choices of the run.
  public let options: AccountingOptions
  /// The entities accounted, by id.
  public let entities: [EntityID: Enterprise]
  private var calculator: LineCalculator
  var ledgers: [EntityYear: EntityLedger] = [:]
  /// Where rejected rows of the entities file were (id → `file:line`), for the message of an
  /// activity row that refers to one.
  public var rejectedEntities: [String: String] = [:]
  /// Series whose coarser rows ``add(_:)`` rejects (from ``periodOverlaps()`` of a first pass).
  public var rejectingOverlaps: PeriodCoverage?

  /// Creates an accounting for `entities` (the first of a repeated id wins).
  public init(factors: FactorSet, options: AccountingOptions, entities: [Enterprise]) {
    self.factors = factors
    self.options = options
    var byID: [EntityID: Enterprise] = [:]
    byID.reserveCapacity(entities.count)  // filled in place: no array of pairs at the peak
    for e in entities where byID[e.id] == nil { byID[e.id] = e }
    self.entities = byID
    self.calculator = LineCalculator(factors: factors, options: options)
  }

  /// Computes the emission lines of `record` and adds them to its entity's account.
  ///
  /// - Throws: ``AccountingError`` when the record yields no lines: unknown entity or
  ///   activity, a unit of the wrong dimension, a period in the future or beyond the factor
  ///   tables. The account is unchanged then.
  @discardableResult
  public mutating func add(_ record: ActivityRecord) throws(AccountingError) -> [EmissionLine] {
    guard let entity = entities[record.entity] else {
      if let place = rejectedEntities[record.entity.rawValue] {
        throw AccountingError(column: "entity_id", "entity \(record.entity) was rejected at \(place) (see rejects.csv); "
          + "correct that row and its activities are accounted")
      }
      throw AccountingError(column: "entity_id", "entity \(record.entity) is not in the entities file")
    }
    if let overlaps = rejectingOverlaps, let reason = overlaps.overlap(of: record) {
      throw AccountingError(column: "period", reason)
    }
    let contribution = try calculator.contribution(of: record, entity: entity)
    let quanta = try EntityLedger.Quanta(contribution)
    // In place: copying the ledger out and back would copy its dictionaries on every row.
    ledgers[EntityYear(entity: record.entity, year: record.period.year), default: EntityLedger()]
      .add(contribution, quanta: quanta, record: record)
    return contribution.lines
  }

  /// The series of rows whose periods overlap (a year given whole and by quarter or month):
  /// empty when every period is reported once. Run the records again with
  /// ``rejectingOverlaps`` set to this to reject the coarser rows.
  public func periodOverlaps() -> PeriodCoverage { PeriodCoverage(overlapsIn: ledgers) }

  /// Adds the totals of `other` (records of the same run read elsewhere).
  public mutating func merge(_ other: CarbonAccounting) {
    for (key, ledger) in other.ledgers { ledgers[key, default: EntityLedger()].merge(ledger) }
  }

  /// The accounts, with certificates applied, intensities and grades.
  ///
  /// - Parameters:
  ///   - benchmarks: sector averages for the grade; without one for a sector, the run's own
  ///     entities of the same sector and year are averaged (total energy-related emissions
  ///     over total value added), widening the sector code (class → group → division, never
  ///     to the section) until at least three entities share it; the account says which.
  ///   - threads: threads that build the accounts; the result does not depend on it.
  public func finish(benchmarks: [SectorBenchmark] = [], threads: Int = 1) -> AccountingResult {
    // Entity-years in order (by entity, then year); ledgers are read in place, never copied.
    let order = ledgers.keys.sorted()
    var rejected: [(RecordOrigin?, AccountingError)] = []
    var adjustments: [EmissionLine] = []
    var reductions: [EntityYear: Int128] = [:]  // market-based scope 2 lowered by certificates

    for key in order where ledgers[key]!.certificateMWh > 0 {
      let ledger = ledgers[key]!
      let gridMWh = ledger.residual.values.reduce(Int128(0)) { $0 + $1.mwh }
      if ledger.certificateMWh > gridMWh {
        let message = "certificates of \(Self.mwh(ledger.certificateMWh)) MWh exceed the \(Self.mwh(gridMWh)) MWh "
          + "of grid electricity without another instrument that \(key.entity) consumed in \(key.year); "
          + "certificates cannot lower market-based emissions below zero"
        for origin in ledger.certificateOrigins.sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
          rejected.append((origin, AccountingError(column: "quantity", message)))
        }
        continue
      }
      var remaining = ledger.certificateMWh
      var reduction: Int128 = 0
      for (id, bucket) in ledger.residual.sorted(by: { $0.key < $1.key }) where remaining > 0 {
        let take = min(remaining, bucket.mwh)
        remaining -= take
        let mwh = Double(take) / 1e6
        let tonnes = mwh * bucket.factor
        let q = (try? EntityLedger.quanta(tonnes)) ?? 0
        reduction += q
        adjustments.append(EmissionLine(
          entity: key.entity, period: .year(key.year)!, facility: nil, activity: "certificate",
          scope: .scope2, category: "electricity", scope2Method: .market, gas: "CO2",
          tonnes: -tonnes, tonnesCO2e: -Double(q) / 1e6, factorID: id,
          factorVersion: "", gwpSet: nil,
          method: "market-based: unbundled certificates retired cover grid electricity", tier: nil,
          formula: "−\(LineCalculator.number(mwh)) MWh × \(LineCalculator.number(bucket.factor)) tCO2/MWh = −\(LineCalculator.result(Double(q) / 1e6)) tCO2",
          origin: nil))
      }
      reductions[key] = reduction
    }

    // Carbon efficiency L per entity-year (CNY value added only: the scheme's unit).
    var l: [EntityYear: (emissions: Double, valueAdded10k: Double)] = [:]
    for key in order {
      guard let e = entities[key.entity], e.currency == .cny, let va = e.valueAdded, va > 0 else { continue }
      l[key] = (ExactSum.double(ledgers[key]!.energyCO2) / 1e6, va / 10_000)
    }
    // The base year of each entity is its first in `order`.
    var baseIndex = [Int](repeating: 0, count: order.count)
    for i in order.indices where i > 0 {
      baseIndex[i] = order[i].entity == order[i - 1].entity ? baseIndex[i - 1] : i
    }
    let peers = PeerAverages(l: l, entities: entities)

    let (efficiencyInputs, certificateReductions, bases) = (l, reductions, baseIndex)
    let accounts = Array(order.indices).concurrentMap(threads: threads) { i in
      account(order[i], base: order[bases[i]], reduction: certificateReductions[order[i]] ?? 0,
              l: efficiencyInputs[order[i]], peers: peers, benchmarks: benchmarks)
    }
    return AccountingResult(accounts: accounts, adjustmentLines: adjustments, rejected: rejected)
  }

  /// The account of `key`, whose entity's base year is `base.year`.
  private func account(_ key: EntityYear, base: EntityYear, reduction: Int128,
                       l mine: (emissions: Double, valueAdded10k: Double)?, peers: PeerAverages,
                       benchmarks: [SectorBenchmark]) -> CarbonAccount
  {
    let ledger = ledgers[key]!
    let e = entities[key.entity]!
    let t = { (q: Int128) in ExactSum.double(q) / 1e6 }
    let total = t(ledger.scope1 + ledger.scope2Location + ledger.scope3)
    var efficiency: CarbonEfficiency?
    if let mine {
      let lValue = mine.emissions / mine.valueAdded10k
      let (average, source) = sectorAverage(for: e, year: key.year, peers: peers, benchmarks: benchmarks)
      let k = average.flatMap { $0 > 0 ? lValue / $0 : nil }
      efficiency = CarbonEfficiency(
        l: lValue, level: try? factors.grade(lValue, scheme: "zj-l"), sectorAverage: average, k: k,
        grade: k.flatMap { try? factors.grade($0, scheme: "zj-huzhou-k") }, benchmarkSource: source)
    }
    let comparison = base == key ? nil : ledgers[base].map {
      BaseYearComparison.compare(ledger, year: key.year, base: $0, baseYear: base.year, significance: options.baseYearSignificance)
    }
    return CarbonAccount(
      entity: key.entity, entityName: e.name, year: key.year, scope1: t(ledger.scope1), scope2Location: t(ledger.scope2Location),
      scope2Market: t(ledger.scope2Market - reduction), scope3: t(ledger.scope3), biogenicCO2: t(ledger.biogenic),
      byGas: ledger.byGas.mapValues(t), byScope3Category: ledger.byCategory.mapValues(t),
      byFacility: ledger.byFacility.mapValues {
        FacilityEmissions(scope1: t($0.scope1), scope2Location: t($0.scope2Location), scope2Market: t($0.scope2Market),
                          scope3: t($0.scope3))
      },
      certificatesMWh: reduction > 0 ? Double(ledger.certificateMWh) / 1e6 : 0,
      currency: e.currency,
      intensityRevenue: e.revenue.flatMap { $0 > 0 ? total / ($0 / 10_000) : nil },
      intensityValueAdded: e.valueAdded.flatMap { $0 > 0 ? total / ($0 / 10_000) : nil },
      intensityOutput: e.output.flatMap { o in o > 0 ? (total / o, e.outputUnit ?? "") : nil },
      carbonEfficiency: efficiency, baseYear: base == key ? nil : base.year, changeVersusBaseYear: comparison?.change,
      baseYearComparison: comparison,
      intensityRevenueScope12: e.revenue.flatMap { $0 > 0 ? t(ledger.scope1 + ledger.scope2Location) / ($0 / 10_000) : nil },
      methodology: options.methodology ?? factors.method(for: e.defaultRegion)?.method ?? .ghgProtocol,
      gwpSet: options.gwpSet, lineCount: ledger.lines)
  }

  private static func mwh(_ q: Int128) -> String { DecimalFormat.trimmed(Double(q) / 1e6, places: 6) }

  /// The sector average L for `entity` in `year` and where it came from.
  private func sectorAverage(for entity: Enterprise, year: Int, peers: PeerAverages,
                             benchmarks: [SectorBenchmark]) -> (Double?, String?)
  {
    // Benchmarks: the most specific sector code that prefixes the entity's, region-specific first.
    let candidates = benchmarks.filter { $0.year == year && entity.sector.hasPrefix($0.sector) }
      .filter { $0.region == nil || $0.region == entity.region }
      .sorted { ($0.sector.count, $0.region != nil ? 1 : 0) > ($1.sector.count, $1.region != nil ? 1 : 0) }
    if let b = candidates.first { return (b.value, "benchmarks: \(b.sector) \(b.year), \(b.source)") }
    // The run's own entities: widen the code (class → group → division) until at least three
    // share it. Never to the section: the method compares an enterprise with its own industry,
    // and a section (C: all of manufacturing) mixes cement with textiles.
    for length in PeerAverages.codeLengths where entity.sector.count >= length {
      let code = String(entity.sector.prefix(length))
      if let group = peers.groups[PeerAverages.Key(code: code, year: year)], group.count >= 3 {
        guard group.valueAdded.value > 0 else { return (nil, nil) }
        return (group.emissions.value / group.valueAdded.value, "run: \(group.count) entities of \(code) \(year)")
      }
    }
    return (nil, "no benchmark and fewer than 3 entities of division \(entity.sector.prefix(3)) in \(year): the method "
      + "compares an enterprise with its own industry; give its average in --benchmarks")
  }
}

/// Totals of energy-related emissions and value added per sector code prefix and year, for
/// sector averages computed from the run's own entities (Σ emissions / Σ value added). Built
/// in one pass; exact sums, so independent of order.
struct PeerAverages: Sendable {
  /// GB/T 4754 class, group and division: the levels an industry average may be taken at.
  static let codeLengths = [5, 4, 3]

  struct Key: Hashable {
    let code: String
    let year: Int
  }

  struct Group {
    var count = 0
    var emissions = ExactSum(decimalPlaces: 6)
    var valueAdded = ExactSum(decimalPlaces: 6)
  }

  var groups: [Key: Group] = [:]

  init(l: [EntityYear: (emissions: Double, valueAdded10k: Double)], entities: [EntityID: Enterprise]) {
    for (key, value) in l {
      guard let sector = entities[key.entity]?.sector else { continue }
      for length in Self.codeLengths where sector.count >= length {
        let k = Key(code: String(sector.prefix(length)), year: key.year)
        groups[k, default: Group()].count += 1
        try? groups[k, default: Group()].emissions.add(value.emissions)
        try? groups[k, default: Group()].valueAdded.add(value.valueAdded10k)
      }
    }
  }
}
