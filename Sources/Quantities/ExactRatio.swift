/// A positive rational number `numerator / denominator` in lowest terms, used for unit sizes
/// so that conversion constants stay exact (1 kWh = 3 600 000 J, 1 Btu = 1 055.055 852 62 J).
struct ExactRatio: Hashable, Sendable {
  let numerator: Int64
  let denominator: Int64

  init(_ numerator: Int64, _ denominator: Int64 = 1) {
    precondition(numerator > 0 && denominator > 0, "unit sizes are positive")
    let g = Self.gcd(numerator, denominator)
    self.numerator = numerator / g
    self.denominator = denominator / g
  }

  /// `self / other`, or `nil` when the exact result does not fit in 64-bit terms.
  func divided(by other: ExactRatio) -> ExactRatio? {
    // (a/b) / (c/d) = (a·d) / (b·c), cross-reducing first to keep terms small.
    let g1 = Self.gcd(numerator, other.numerator)
    let g2 = Self.gcd(other.denominator, denominator)
    let (n, o1) = (numerator / g1).multipliedReportingOverflow(by: other.denominator / g2)
    let (d, o2) = (denominator / g2).multipliedReportingOverflow(by: other.numerator / g1)
    guard !o1, !o2 else { return nil }
    return ExactRatio(n, d)
  }

  func multiplied(by other: ExactRatio) -> ExactRatio? {
    let g1 = Self.gcd(numerator, other.denominator)
    let g2 = Self.gcd(other.numerator, denominator)
    let (n, o1) = (numerator / g1).multipliedReportingOverflow(by: other.numerator / g2)
    let (d, o2) = (denominator / g2).multipliedReportingOverflow(by: other.denominator / g1)
    guard !o1, !o2 else { return nil }
    return ExactRatio(n, d)
  }

  /// Applies the ratio to `value` with at most two correctly rounded operations; with one
  /// when either term is 1.
  func apply(to value: Double) -> Double {
    if denominator == 1 { return value * Double(numerator) }
    if numerator == 1 { return value / Double(denominator) }
    return value * Double(numerator) / Double(denominator)
  }

  var doubleValue: Double { Double(numerator) / Double(denominator) }

  private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}
