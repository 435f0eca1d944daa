/// An error converting, parsing or summing quantities.
///
/// The cases are kept in an internal representation so that new ones can be added without
/// breaking callers; read ``kind`` to branch and ``description`` to report.
public struct QuantityError: Error, Hashable, Sendable, CustomStringConvertible {
  enum Representation: Hashable, Sendable {
    case dimensionMismatch(from: UnitOfMeasure, to: UnitOfMeasure)
    case currencyMismatch(from: UnitOfMeasure, to: UnitOfMeasure)
    case conversionOverflow(from: UnitOfMeasure, to: UnitOfMeasure)
    case unknownUnit(String)
    case notFinite(Double)
    case outOfRange(Double, quantum: String)
    case sumOverflow
  }

  /// What went wrong, for code that branches on it.
  public enum Kind: Hashable, Sendable {
    /// A conversion across dimensions (kWh to t).
    case dimensionMismatch
    /// A conversion of money across currencies without an exchange rate.
    case currencyMismatch
    /// Conversion terms too large to hold exactly.
    case conversionOverflow
    /// A unit symbol that is not in the catalogue.
    case unknownUnit
    /// NaN or an infinity where a finite number is required.
    case notFinite
    /// A value too large for an exact sum at its quantum.
    case outOfRange
    /// An exact sum exceeding its 128-bit accumulator.
    case sumOverflow
  }

  let representation: Representation

  init(_ representation: Representation) { self.representation = representation }

  /// What went wrong.
  public var kind: Kind {
    switch representation {
    case .dimensionMismatch: .dimensionMismatch
    case .currencyMismatch: .currencyMismatch
    case .conversionOverflow: .conversionOverflow
    case .unknownUnit: .unknownUnit
    case .notFinite: .notFinite
    case .outOfRange: .outOfRange
    case .sumOverflow: .sumOverflow
    }
  }

  /// "did you mean kWh?" for an unknown unit one or two typos from a catalogued spelling.
  public var suggestion: String? {
    guard case let .unknownUnit(text) = representation else { return nil }
    return UnitOfMeasure.hint(for: text)
  }

  /// A message for people, naming the units or the value at fault.
  public var description: String {
    switch representation {
    case let .dimensionMismatch(from, to):
      "cannot convert \(from) (\(from.dimension)) to \(to) (\(to.dimension)): different dimensions"
    case let .currencyMismatch(from, to):
      "cannot convert \(from) to \(to) without an explicit exchange rate"
    case let .conversionOverflow(from, to):
      "the exact conversion factor from \(from) to \(to) does not fit in 64-bit terms"
    case let .unknownUnit(text):
      "unknown unit \"\(text)\"; "
        + (UnitOfMeasure.hint(for: text).map { "\($0) " } ?? "")
        + "expected one such as kWh, MWh, GJ, tce, t, kg, L, Nm3, "
        + "10^4 Nm3, 万kWh, 吨, km, tkm, pkm, m2 or a currency code such as CNY"
    case let .notFinite(value):
      "expected a finite number, found \(value)"
    case let .outOfRange(value, quantum):
      "\(value) is too large to sum exactly in units of \(quantum)"
    case .sumOverflow:
      "exact sum overflowed its 128-bit accumulator"
    }
  }
}
