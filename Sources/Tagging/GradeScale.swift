/// An energy-efficiency grade a standard defines by limits on a measured value
/// (grade-scales.csv): GB 40879-2021 grades a data centre by its 电能比 (PUE), so an item
/// requiring "GB 40879 2 级" can be checked from a PUE in the loan's data or text.
public struct GradeScale: Hashable, Sendable {
  /// The standard that defines the grades (`GB 40879-2021`).
  public let standard: String
  /// The measured field (`pue`).
  public let field: String
  /// The grade field it decides (`efficiency_grade`).
  public let derivedField: String
  /// Grades with their upper limits (inclusive), best grade first.
  public let limits: [(grade: Int, upperLimit: Double)]
  /// The catalogue items whose grade criterion the scale decides.
  public let items: [String]
  /// The citation of the grades, as grade-scales.csv gives it.
  public let source: String

  /// Equal when standard, derived field, items and limits are equal.
  public static func == (a: GradeScale, b: GradeScale) -> Bool {
    a.standard == b.standard && a.derivedField == b.derivedField && a.items == b.items
      && a.limits.elementsEqual(b.limits) { $0.grade == $1.grade && $0.upperLimit == $1.upperLimit }
  }

  /// Hashes the standard, the derived field and the items.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(standard)
    hasher.combine(derivedField)
    hasher.combine(items)
  }

  /// The best grade `value` reaches: the first grade whose limit it does not exceed, or the
  /// grade after the last one listed (a value worse than every listed limit).
  public func grade(of value: Double) -> (grade: Int, reason: String) {
    if let g = limits.first(where: { value <= $0.upperLimit }) {
      return (g.grade, "\(field) ≤ \(g.upperLimit) (\(standard) grade \(g.grade))")
    }
    let last = limits.last!
    return (last.grade + 1, "\(field) > \(last.upperLimit) (worse than \(standard) grade \(last.grade))")
  }
}
