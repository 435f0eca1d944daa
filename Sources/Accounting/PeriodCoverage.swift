import Quantities

/// Which periods an activities file gives for each entity, activity, facility, region,
/// instrument and scope 3 category in a year, so that a year reported both whole and by
/// quarter or month — the same emissions twice — is caught instead of summed.
///
/// Rows of one granularity add up (two diesel deliveries in 2024-03 are two rows); rows of
/// different granularities that overlap do not: a year row overlaps every quarter and month
/// row of its year, a quarter row every month row of its quarter. The finer rows are kept and
/// the coarser overlapping row is rejected, whatever the order of the rows (GHG Protocol
/// Corporate Standard, ch. 9: a period's emissions are reported once).
///
/// ``CarbonAccounting`` notes every accepted row's period in its entity-year ledger;
/// ``CarbonAccounting/periodOverlaps()`` gives the overlapping keys, and a second pass with
/// ``CarbonAccounting/rejectingOverlaps`` set rejects the coarser rows (the batch job does
/// this only when an overlap was found).
///
/// - Complexity: memory O(series per entity-year) in each ledger (12 bytes a series), not O(rows).
public struct PeriodCoverage: Sendable {
  /// What identifies one series of an entity-year's activity rows — activity, facility,
  /// region, instrument, scope 3 category — as their 64-bit FNV-1a digest (a few series per
  /// entity-year: a collision is out of practical reach, and costs no reference counting).
  struct SeriesKey: Hashable, Sendable {
    let digest: UInt64

    init(_ r: ActivityRecord) {
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      func mix<S: Sequence<UInt8>>(_ bytes: S) {
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3  // field separator: no two field lists run together
      }
      mix(r.activity.utf8)
      mix((r.facility ?? "").utf8)
      mix((r.region ?? "").utf8)
      mix((r.instrument?.rawValue ?? "").utf8)
      mix(CollectionOfOne(UInt8(truncatingIfNeeded: r.scope3Category ?? 0)))
      digest = h
    }
  }

  struct Key: Hashable, Sendable {
    let entityYear: EntityYear
    let series: SeriesKey
  }

  /// One bit per period of the year: ``periods`` in order (year, 2 halves, 4 quarters, 12 months).
  private var masks: [Key: UInt32] = [:]

  /// An empty coverage: no overlap recorded.
  public init() {}

  /// Whether no overlap is recorded.
  public var isEmpty: Bool { masks.isEmpty }

  /// The number of overlapping series.
  public var count: Int { masks.count }

  /// The overlapping series of `ledgers`.
  init(overlapsIn ledgers: [EntityYear: EntityLedger]) {
    for (entityYear, ledger) in ledgers {
      for (series, mask) in ledger.periods.series where Self.overlaps(mask) {
        masks[Key(entityYear: entityYear, series: series)] = mask
      }
    }
  }

  /// The 19 periods of a year a bit can stand for: the year, its halves, quarters and months
  /// (of year 2000; only the granularity and months matter).
  static let periods: [Period] = [Period.year(2000)!] + (1...2).map { Period.half($0, of: 2000)! }
    + (1...4).map { Period.quarter($0, of: 2000)! } + (1...12).map { Period.month($0, of: 2000)! }

  static func bit(_ p: Period) -> UInt32 {
    switch p.granularity {
    case .year: 1
    case .half: 1 << UInt32(p.index)
    case .quarter: 1 << UInt32(2 + p.index)
    case .month: 1 << UInt32(6 + p.index)
    }
  }

  /// Whether two periods of one year and different granularity share a month.
  static func overlap(_ a: Period, _ b: Period) -> Bool {
    a.granularity != b.granularity && a.months.overlaps(b.months)
  }

  /// Whether a mask holds two overlapping periods (a year with any part of it, a half with one
  /// of its quarters or months, a quarter with one of its months).
  static func overlaps(_ mask: UInt32) -> Bool {
    let set = periods.indices.filter { mask & (1 << UInt32($0)) != 0 }
    for (k, i) in set.enumerated() {
      for j in set[(k + 1)...] where overlap(periods[i], periods[j]) { return true }
    }
    return false
  }

  /// The periods of each series of one entity-year: a short array searched linearly (an
  /// entity-year has a handful of series; no hash table per ledger).
  struct SeriesPeriods: Sendable {
    private(set) var series: [(SeriesKey, UInt32)] = []

    mutating func note(_ key: SeriesKey, _ bit: UInt32) {
      if let i = series.firstIndex(where: { $0.0 == key }) { series[i].1 |= bit } else { series.append((key, bit)) }
    }

    mutating func merge(_ other: SeriesPeriods) {
      for (key, mask) in other.series { note(key, mask) }
    }
  }

  /// Why `record` must be rejected — a finer period of the same key covers part of it — or
  /// `nil`.
  public func overlap(of record: ActivityRecord) -> String? {
    let key = Key(entityYear: EntityYear(entity: record.entity, year: record.period.year), series: SeriesKey(record))
    guard let mask = masks[key] else { return nil }
    let p = record.period
    let finer = Self.periods.indices
      .filter { mask & (1 << UInt32($0)) != 0 && Self.periods[$0].granularity < p.granularity }
      .filter { Self.periods[$0].months.overlaps(p.months) }
      .map { "\(p.year)" + Self.periods[$0].description.dropFirst(4) }
    guard !finer.isEmpty else { return nil }
    let shown = finer.prefix(3).joined(separator: ", ") + (finer.count > 3 ? " …" : "")
    return "period \(p) overlaps rows of \(shown) for the same entity, activity and facility; the finer rows "
      + "are kept and this row is rejected, so that no emissions are counted twice — give either the \(p) total or its parts"
  }
}
