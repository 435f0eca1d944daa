/// A unit of measure: a dimension, a size in that dimension's base unit, and for money the
/// currency.
///
/// Sizes are exact rationals, so the defined constants (1 kWh = 3.6 MJ, 1 tce = 29.307 GJ
/// per GB/T 2589, 1 US gallon = 3.785 411 784 L) are never truncated.
///
/// ```swift
/// let unit = try UnitOfMeasure(parsing: "万kWh")      // 10 000 kWh
/// let mwh = try Quantity(12, unit).converted(to: .megawattHours)  // 120 MWh
/// ```
public struct UnitOfMeasure: Hashable, Sendable, CustomStringConvertible {
  /// The canonical symbol (`kWh`, `t`, `10^4 Nm3`, `CNY`).
  public let symbol: String
  /// The dimension the unit measures.
  public let dimension: Dimension
  /// The currency, for money units; `nil` otherwise.
  public let currency: Currency?
  /// Size of one unit in the dimension's base unit.
  let size: ExactRatio

  init(_ symbol: String, _ dimension: Dimension, _ numerator: Int64, _ denominator: Int64 = 1) {
    self.symbol = symbol
    self.dimension = dimension
    self.currency = nil
    self.size = ExactRatio(numerator, denominator)
  }

  init(_ symbol: String, money currency: Currency, scale: Int64 = 1) {
    self.symbol = symbol
    self.dimension = .money
    self.currency = currency
    self.size = ExactRatio(scale)
  }

  /// The size of one of this unit in its dimension's base unit (joule, gram, litre, normal
  /// cubic metre, standard cubic foot, metre, tonne-kilometre, passenger-kilometre, square
  /// metre, currency unit, count), as a `Double`.
  public var sizeInBaseUnit: Double { size.doubleValue }

  /// The unit's ``symbol``.
  public var description: String { symbol }

  /// The factor that converts a value in `self` to a value in `other`.
  ///
  /// - Throws: ``QuantityError`` when the dimensions differ, or when both are money in
  ///   different currencies (use an explicit exchange rate instead).
  public func conversionFactor(to other: UnitOfMeasure) throws(QuantityError) -> Double {
    try ratio(to: other).doubleValue
  }

  func ratio(to other: UnitOfMeasure) throws(QuantityError) -> ExactRatio {
    guard dimension == other.dimension else {
      throw QuantityError(.dimensionMismatch(from: self, to: other))
    }
    if dimension == .money, currency != other.currency {
      throw QuantityError(.currencyMismatch(from: self, to: other))
    }
    if let exact = size.divided(by: other.size) { return exact }
    // Terms too large for 64 bits: not reachable with the catalogue's units, whose sizes
    // are at most 10^15; kept as a typed failure rather than a silent approximation.
    throw QuantityError(.conversionOverflow(from: self, to: other))
  }

  /// Converts `value` from this unit to `other` with at most two correctly rounded
  /// operations.
  ///
  /// - Throws: ``QuantityError`` across dimensions or currencies.
  public func convert(_ value: Double, to other: UnitOfMeasure) throws(QuantityError) -> Double {
    if self == other { return value }
    return try ratio(to: other).apply(to: value)
  }
}
