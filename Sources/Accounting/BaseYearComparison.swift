import Quantities

/// An account's year against its entity's base year, like for like, after the GHG Protocol
/// Corporate Standard (revised edition, ch. 5 "Tracking emissions over time"): the same scopes
/// and the same boundary on both sides, the base year recalculated where the data allow and
/// every adjustment stated.
///
/// - **Methodology changes**: the base year is always recomputed in the same run, with the same
///   factor set, method and GWP set as the year compared (ch. 5: recalculate for changes in
///   calculation methodology).
/// - **A newly included scope**: scope 3 counts only when both years report it; a scope reported
///   in one year alone is left out of both sides, and the comparison says so.
/// - **Structural changes**: a facility in one year and not the other whose emissions exceed the
///   significance threshold of the base year's total (ch. 5: the company's significance
///   threshold; ``AccountingOptions/baseYearSignificance``, 5 % by default) is left out of the
///   comparison; a smaller one is kept, and both are stated.
public struct BaseYearComparison: Hashable, Sendable {
  /// The base year.
  public let baseYear: Int
  /// Whether scope 3 is in the comparison (both years report it).
  public let includesScope3: Bool
  /// (compared year − base year) / base year over the compared scopes and boundary; `nil`
  /// when the base year's compared total is 0.
  public let change: Double?
  /// Each adjustment and why, in the order made.
  public let adjustments: [String]

  /// `scope 1 + 2 (location-based)` or `… + 3`.
  public var scopes: String { includesScope3 ? "scope 1 + 2 (location-based) + 3" : "scope 1 + 2 (location-based)" }

  /// The scopes and the adjustments, for accounts.csv.
  public var description: String { ([scopes] + adjustments).joined(separator: "; ") }

  /// Compares `current` (year `year`) with `base` (year `baseYear`), leaving out facilities
  /// present in one year only whose emissions exceed `significance` × the base year's total.
  static func compare(_ current: EntityLedger, year: Int, base: EntityLedger, baseYear: Int,
                      significance: Double) -> BaseYearComparison
  {
    let withScope3 = current.scope3 > 0 && base.scope3 > 0
    func total(_ s1: Int128, _ s2: Int128, _ s3: Int128) -> Int128 { s1 + s2 + (withScope3 ? s3 : 0) }
    func facility(_ f: EntityLedger.FacilityTotals) -> Int128 { total(f.scope1, f.scope2Location, f.scope3) }
    var now = total(current.scope1, current.scope2Location, current.scope3)
    var then = total(base.scope1, base.scope2Location, base.scope3)
    let baseTotal = Double(then)
    var notes = ["base year \(baseYear) recalculated with this run's factors and method"]
    if current.scope3 > 0 && base.scope3 == 0 {
      notes.append("scope 3 newly reported in \(year): left out (the base year has none to recalculate)")
    } else if base.scope3 > 0 && current.scope3 == 0 {
      notes.append("scope 3 not reported in \(year): left out of the base year too")
    }
    let percent = { (q: Int128) in baseTotal > 0 ? DecimalFormat.fixed(Double(q) / baseTotal * 100, places: 1) + " %" : "—" }
    let threshold = DecimalFormat.trimmed(significance * 100, places: 2) + " %"
    // A facility in one year only: left out of its side above the threshold, kept below it.
    func structuralChanges(in side: EntityLedger, absentFrom other: EntityLedger, absence: String, share: String,
                           total: inout Int128) {
      for (id, f) in side.byFacility.sorted(by: { $0.key < $1.key }) where other.byFacility[id] == nil {
        let q = facility(f)
        let significant = Double(q) > significance * baseTotal
        if significant { total -= q }
        guard significant || q > 0 else { continue }
        notes.append("facility \(id) \(absence) (\(percent(q)) \(share)): "
          + (significant ? "left out, above" : "kept, below") + " the \(threshold) threshold")
      }
    }
    structuralChanges(in: current, absentFrom: base, absence: "not in the base year", share: "of it", total: &now)
    structuralChanges(in: base, absentFrom: current, absence: "not in \(year)", share: "of the base year", total: &then)
    let change = then > 0 ? Double(now - then) / Double(then) : nil
    return BaseYearComparison(baseYear: baseYear, includesScope3: withScope3, change: change, adjustments: notes)
  }
}
