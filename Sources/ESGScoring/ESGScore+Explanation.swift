import Quantities

extension ESGScore {
  /// The score as a plain-text table: pillars, then each indicator's raw value, normalised
  /// score, weight, contribution and how it was scored; the contributions sum to the total
  /// (what `greenledger score --explain` prints).
  public var explanation: String {
    let s = self
    var text = "\(s.entityID) \(s.year) — \(s.methodologyVersion), sector group \(s.sectorGroup)\n"
    text += "total \(DecimalFormat.fixed(s.total, places: 4)) → grade \(s.grade); E \(DecimalFormat.fixed(s.environmental, places: 2)), "
      + "S \(DecimalFormat.fixed(s.social, places: 2)), G \(DecimalFormat.fixed(s.governance, places: 2)); coverage "
      + "\(DecimalFormat.fixed(s.coverage * 100, places: 1)) %\n\n"
    let rows = [["pillar", "indicator", "raw", "score", "weight", "contribution", "how"]] + s.contributions.map { c in
      [c.pillar, c.key, c.raw.map(DecimalFormat.shortest) ?? "—", DecimalFormat.fixed(c.score, places: 2),
       DecimalFormat.trimmed(c.weight, places: 4), DecimalFormat.fixed(c.contribution, places: 4), c.note]
    }
    let widths = (0..<6).map { i in rows.map { $0[i].count }.max()! }
    for r in rows {
      text += (0..<6).map { i in r[i] + String(repeating: " ", count: max(0, widths[i] - r[i].count)) }.joined(separator: "  ") + "  " + r[6] + "\n"
    }
    text += "sum of contributions = \(DecimalFormat.fixed(s.total, places: 4))"
    return text
  }
}
