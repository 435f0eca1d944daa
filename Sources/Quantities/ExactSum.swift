/// An exact, order-independent sum of decimal amounts at a fixed quantum.
///
/// Each added value is rounded once, half to even, to a whole number of quanta
/// (10^-``decimalPlaces``); the quanta are added as integers in a 128-bit accumulator with
/// overflow checks. Integer addition is associative and commutative, so the same multiset of
/// values gives a bit-identical total whatever the order in which they are added or however
/// the work is split into partial sums and merged. Compensated floating-point sums
/// (Kahan, Neumaier) are not order-independent in all cases; this is.
///
/// ```swift
/// var total = ExactSum(decimalPlaces: 6)   // tonnes to the gram
/// try total.add(154.795_123_4)
/// try total.add(0.1)
/// total.decimalString                        // "154.895123"
/// ```
///
/// - Complexity: O(1) per ``add(_:)`` and ``merge(_:)``.
public struct ExactSum: Hashable, Sendable, CustomStringConvertible {
  /// Digits after the decimal point kept for each value; the quantum is 10^-decimalPlaces.
  public let decimalPlaces: Int
  /// The total in quanta.
  public private(set) var quanta: Int128 = 0
  /// Number of values added (including those of merged sums).
  public private(set) var count: Int = 0

  private let scale: Double

  /// Creates an empty sum whose quantum is 10^-`decimalPlaces` (0…15).
  public init(decimalPlaces: Int) {
    precondition((0...15).contains(decimalPlaces), "decimalPlaces must be 0...15")
    self.decimalPlaces = decimalPlaces
    var s = 1.0
    for _ in 0..<decimalPlaces { s *= 10 }  // exact: 10^15 < 2^53
    self.scale = s
  }

  /// A sum restored from its quanta (a partial total written by another process).
  public init(decimalPlaces: Int, quanta: Int128, count: Int) {
    self.init(decimalPlaces: decimalPlaces)
    self.quanta = quanta
    self.count = count
  }

  /// Adds `value`, rounded half to even to the quantum.
  ///
  /// - Throws: ``QuantityError`` if `value` is NaN or infinite, if its quanta exceed
  ///   2^63, or if the total would exceed the 128-bit accumulator. The sum is unchanged then.
  public mutating func add(_ value: Double) throws(QuantityError) {
    let q = try Self.quanta(of: value, scale: scale, decimalPlaces: decimalPlaces)
    let (sum, overflow) = quanta.addingReportingOverflow(Int128(q))
    guard !overflow else { throw QuantityError(.sumOverflow) }
    quanta = sum
    count += 1
  }

  /// Adds every value of `other`, which must have the same quantum.
  ///
  /// - Throws: ``QuantityError`` if the total would exceed the 128-bit accumulator.
  public mutating func merge(_ other: ExactSum) throws(QuantityError) {
    precondition(other.decimalPlaces == decimalPlaces, "merging sums of different quanta")
    let (sum, overflow) = quanta.addingReportingOverflow(other.quanta)
    guard !overflow else { throw QuantityError(.sumOverflow) }
    quanta = sum
    count += other.count
  }

  /// The whole number of 10^-`decimalPlaces` quanta that `value` rounds to (half to even),
  /// for callers that keep many totals as bare `Int128`s (see ``decimalString(quanta:decimalPlaces:)``).
  ///
  /// - Throws: ``QuantityError`` for NaN, infinities and values beyond 2^63 quanta.
  public static func quanta(of value: Double, decimalPlaces: Int) throws(QuantityError) -> Int64 {
    var scale = 1.0
    for _ in 0..<decimalPlaces { scale *= 10 }
    return try quanta(of: value, scale: scale, decimalPlaces: decimalPlaces)
  }

  /// The exact decimal text of `quanta` × 10^-`decimalPlaces`.
  public static func decimalString(quanta: Int128, decimalPlaces: Int) -> String {
    var sum = ExactSum(decimalPlaces: decimalPlaces)
    sum.quanta = quanta
    return sum.decimalString
  }

  /// The whole number of quanta that `value` rounds to (half to even).
  static func quanta(of value: Double, scale: Double, decimalPlaces: Int) throws(QuantityError)
    -> Int64
  {
    guard value.isFinite else { throw QuantityError(.notFinite(value)) }
    let scaled = (value * scale).rounded(.toNearestOrEven)
    // 2^63 is exactly representable; every Double strictly inside ±2^63 converts.
    guard scaled.isFinite, scaled > -9.223_372_036_854_775_808e18,
      scaled < 9.223_372_036_854_775_808e18
    else {
      throw QuantityError(.outOfRange(value, quantum: "1e-\(decimalPlaces)"))
    }
    return Int64(scaled)
  }

  /// The total as the nearest `Double` (for further arithmetic, not for display).
  public var value: Double { Self.double(quanta) / scale }

  /// `q` rounded to the nearest `Double`, exactly as `Double(q)`, but through `Int64` when it
  /// fits (nearly always): the standard library converts 128-bit integers through generic,
  /// unspecialized code, several times slower than this.
  @inlinable
  public static func double(_ q: Int128) -> Double {
    if let small = Int64(exactly: q) { return Double(small) }
    return Double(q)
  }

  /// The exact total as a plain decimal with ``decimalPlaces`` digits after the point.
  public var decimalString: String {
    let negative = quanta < 0
    let magnitude = negative ? UInt128(bitPattern: 0 &- quanta) : UInt128(quanta)
    var divisor: UInt128 = 1
    for _ in 0..<decimalPlaces { divisor *= 10 }
    let whole = String(magnitude / divisor)
    guard decimalPlaces > 0 else { return (negative ? "-" : "") + whole }
    var fraction = String(magnitude % divisor)
    fraction = String(repeating: "0", count: decimalPlaces - fraction.count) + fraction
    return (negative ? "-" : "") + whole + "." + fraction
  }

  /// The exact total, as ``decimalString``.
  public var description: String { decimalString }
}
