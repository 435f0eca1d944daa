/// An amount in a unit of measure: `Quantity(50, .tonnes)`, `Quantity(1.2, .megawattHours)`.
///
/// Arithmetic that would mix dimensions is not offered; convert first. Money is a quantity
/// too, and converts only within its currency.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
  /// The amount, in ``unit``.
  public var value: Double
  /// The unit of ``value``.
  public var unit: UnitOfMeasure

  /// Creates a quantity of `value` in `unit`.
  public init(_ value: Double, _ unit: UnitOfMeasure) {
    self.value = value
    self.unit = unit
  }

  /// The dimension of the quantity.
  public var dimension: Dimension { unit.dimension }

  /// The same quantity expressed in `other`.
  ///
  /// - Throws: ``QuantityError`` when `other` has a different dimension or currency.
  public func converted(to other: UnitOfMeasure) throws(QuantityError) -> Quantity {
    Quantity(try unit.convert(value, to: other), other)
  }

  /// The amount in `other`, for use in formulas.
  ///
  /// - Throws: ``QuantityError`` when `other` has a different dimension or currency.
  public func value(in other: UnitOfMeasure) throws(QuantityError) -> Double {
    try unit.convert(value, to: other)
  }

  /// The value and the unit symbol, as in `50.0 t`.
  public var description: String { "\(value) \(unit.symbol)" }
}
