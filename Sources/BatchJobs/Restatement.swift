import Accounting
import Quantities
import Tabular

/// restatement.csv: each entity-year's accounts under two factor sets and the change (GHG
/// Protocol Corporate Standard, chapter 5: recalculation when methodologies or factors change).
struct Restatement {
  let old: [CarbonAccount]
  let new: [CarbonAccount]

  /// Writes one row per entity-year present in both, in the order of `old`.
  func write(to path: String, oldDigest: String, newDigest: String) throws {
    let writer = try CSVWriter(path: path, header: [
      "entity_id", "period", "old_total_tco2e", "new_total_tco2e", "change_tco2e", "relative_change",
      "old_scope2_location_tco2e", "new_scope2_location_tco2e", "old_factor_set_digest", "new_factor_set_digest",
    ])
    let newByKey = Dictionary(new.map { ("\($0.entity.rawValue)|\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
    for a in old {
      guard let b = newByKey["\(a.entity.rawValue)|\(a.year)"] else { continue }
      let change = CarbonAccount.sum([b.total, -a.total])
      writer.writeRow([a.entity.rawValue, String(a.year), DecimalFormat.fixed(a.total, places: 6),
                       DecimalFormat.fixed(b.total, places: 6), DecimalFormat.fixed(change, places: 6),
                       a.total > 0 ? DecimalFormat.fixed(change / a.total, places: 6) : "",
                       DecimalFormat.fixed(a.scope2Location, places: 6), DecimalFormat.fixed(b.scope2Location, places: 6),
                       oldDigest, newDigest])
    }
    try writer.close()
  }
}
