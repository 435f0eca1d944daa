import LoanBook
import FactorTables
import Quantities

/// Running totals of one entity in one calendar year, in exact micro-tonnes (grams): the
/// same lines give bit-identical totals whatever their order or partitioning.
struct EntityLedger: Sendable {
  /// Totals by bucket, quanta of 10^-6 t.
  var scope1: Int128 = 0
  var scope2Location: Int128 = 0
  var scope2Market: Int128 = 0
  var scope3: Int128 = 0
  var biogenic: Int128 = 0
  /// Energy-related CO2 for the carbon-efficiency grade: combustion (scope 1) plus
  /// location-based purchased electricity and heat.
  var energyCO2: Int128 = 0
  var byGas: [String: Int128] = [:]
  var byCategory: [Int: Int128] = [:]
  var byFacility: [String: FacilityTotals] = [:]
  /// Grid electricity at a residual factor, MWh in quanta of 10^-6, by factor id, with the
  /// factor (tCO2/MWh).
  var residual: [String: (mwh: Int128, factor: Double)] = [:]
  var certificateMWh: Int128 = 0
  var certificateOrigins: [RecordOrigin] = []
  var lines = 0
  /// The periods given for each series of rows (``PeriodCoverage``'s bits).
  var periods = PeriodCoverage.SeriesPeriods()

  struct FacilityTotals: Sendable {
    var scope1: Int128 = 0
    var scope2Location: Int128 = 0
    var scope2Market: Int128 = 0
    var scope3: Int128 = 0
  }

  static func quanta(_ t: Double) throws(AccountingError) -> Int128 {
    do { return Int128(try ExactSum.quanta(of: t, decimalPlaces: 6)) } catch {
      throw AccountingError(column: "quantity", "the row's emissions (\(DecimalFormat.shortest(t)) t) are too large to sum "
        + "exactly to the gram; check the quantity and its unit", quotesInput: true)
    }
  }

  /// A contribution's amounts as quanta, converted before the ledger is touched so that a
  /// value that cannot be summed leaves the ledger unchanged.
  struct Quanta {
    let lines: [Int128]
    let residualMWh: Int128
    let certificateMWh: Int128

    init(_ c: LineCalculator.Contribution) throws(AccountingError) {
      var lines: [Int128] = []
      lines.reserveCapacity(c.lines.count)
      for line in c.lines { lines.append(try EntityLedger.quanta(line.tonnesCO2e)) }
      self.lines = lines
      residualMWh = c.residualFactor == nil ? 0 : try EntityLedger.quanta(c.residualMWh)
      certificateMWh = try EntityLedger.quanta(c.certificateMWh)
    }
  }

  mutating func add(_ c: LineCalculator.Contribution, quanta: Quanta, record: ActivityRecord) {
    for (line, q) in zip(c.lines, quanta.lines) {
      let facility = line.facility ?? ""
      switch (line.scope, line.scope2Method) {
      case (.scope1, _):
        scope1 += q
        byFacility[facility, default: .init()].scope1 += q
        if line.category.hasSuffix("_combustion") { energyCO2 += q }
      case (.scope2, .location?):
        scope2Location += q
        energyCO2 += q
        byFacility[facility, default: .init()].scope2Location += q
      case (.scope2, _):
        scope2Market += q
        byFacility[facility, default: .init()].scope2Market += q
      case (.scope3, _):
        scope3 += q
        byFacility[facility, default: .init()].scope3 += q
        byCategory[Int(line.category) ?? 0, default: 0] += q
      case (.outside, _):
        // Biogenic CO2 is reported apart; Montreal-Protocol gases only on their lines.
        if line.category != LineCalculator.nonKyotoCategory { biogenic += q }
      }
      if line.scope != .outside, line.scope2Method != .market {
        byGas[line.gas, default: 0] += q
      }
      lines += 1
    }
    if let (id, factor) = c.residualFactor {
      residual[id, default: (0, factor)].mwh += quanta.residualMWh
    }
    periods.note(PeriodCoverage.SeriesKey(record), PeriodCoverage.bit(record.period))
    if c.certificateMWh > 0 || record.family == "certificate" {
      certificateMWh += quanta.certificateMWh
      if let origin = record.origin { certificateOrigins.append(origin) }
    }
  }

  mutating func merge(_ o: EntityLedger) {
    scope1 += o.scope1
    scope2Location += o.scope2Location
    scope2Market += o.scope2Market
    scope3 += o.scope3
    biogenic += o.biogenic
    energyCO2 += o.energyCO2
    for (k, v) in o.byGas { byGas[k, default: 0] += v }
    periods.merge(o.periods)
    for (k, v) in o.byCategory { byCategory[k, default: 0] += v }
    for (k, v) in o.byFacility {
      var f = byFacility[k, default: .init()]
      f.scope1 += v.scope1
      f.scope2Location += v.scope2Location
      f.scope2Market += v.scope2Market
      f.scope3 += v.scope3
      byFacility[k] = f
    }
    for (k, v) in o.residual { residual[k, default: (0, v.factor)].mwh += v.mwh }
    certificateMWh += o.certificateMWh
    certificateOrigins += o.certificateOrigins
    lines += o.lines
  }
}

/// An entity-year key.
struct EntityYear: Hashable, Sendable, Comparable {
  let entity: EntityID
  let year: Int
  static func < (a: EntityYear, b: EntityYear) -> Bool { (a.entity, a.year) < (b.entity, b.year) }
}
