import Quantities

extension FactorSet {
  /// The activity key of the set nearest to `activity` — a factor row's activity, or
  /// `stationary.`/`mobile.` and a fuel with default parameters — at most two edits away and
  /// of the same family, for "did you mean" hints (`stationary.desel` → `stationary.diesel`).
  public func nearestActivity(to activity: String) -> String? {
    let family = activity.prefix { $0 != "." }
    var keys = Set(factorsByActivity.keys.filter { $0.hasPrefix(family + ".") })
    if family == "stationary" || family == "mobile" {
      keys.formUnion(fuelParameters.map { "\(family).\($0.fuel)" })
    }
    return Self.nearest(to: activity, among: keys)
  }

  /// The fuel with default parameters nearest to `fuel` (at most two edits).
  public func nearestFuel(to fuel: String) -> String? {
    Self.nearest(to: fuel, among: Set(fuelParameters.map(\.fuel)))
  }

  /// The member of `keys` fewest edits from `text` (at most two, and fewer than its length);
  /// the first in sorted order on a tie.
  static func nearest(to text: String, among keys: Set<String>) -> String? {
    let wanted = Array(text.utf8)
    var best: (key: String, distance: Int)?
    for key in keys.sorted() where key != text {
      let d = EditDistance.between(wanted, key.utf8)
      if d <= 2, d < wanted.count, d < (best?.distance ?? .max) { best = (key, d) }
    }
    return best?.key
  }

  /// `"; did you mean X?"` for a hint, or nothing.
  static func didYouMean(_ hint: String?) -> String {
    hint.map { "; did you mean \($0)?" } ?? ""
  }
}
