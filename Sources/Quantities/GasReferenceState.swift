/// The temperature and pressure at which a gas volume is stated: what turns "a cubic metre
/// of gas" into an amount of gas.
///
/// Two reference states have units of their own: the normal state of the Chinese guidelines
/// (``Dimension/normalVolume``, Nm³) and the US standard state of the EPA's standard cubic
/// foot (``Dimension/standardVolume``, scf). A volume moves between them by the ideal-gas law,
/// V ∝ T / p, the same conversion the gas industry's reference-condition tables apply; a
/// geometric (actual) volume has no reference state and never converts.
public struct GasReferenceState: Hashable, Sendable {
  /// Absolute temperature, kelvin.
  public let kelvin: Double
  /// Absolute pressure, pascals.
  public let pascals: Double
  /// The state as its definition writes it (`0 °C, 101.325 kPa`).
  public let label: String

  /// 0 °C and 101.325 kPa: the normal cubic metre of GB/T 32151 and the EU MRR (Regulation
  /// (EU) 2018/2066, Art. 3 "standard conditions").
  public static let normal = GasReferenceState(kelvin: 273.15, pascals: 101_325, label: "0 °C, 101.325 kPa")

  /// 60 °F and 14.7 psia: "standard conditions" of 40 CFR 98.6 (the EPA's scf). 60 °F =
  /// (60 + 459.67) × 5/9 K; 1 psi = 0.45359237 kg × 9.80665 m/s² / (0.0254 m)², all exact
  /// by definition (NIST SP 811, 2008, Appendix B).
  public static let usStandard = GasReferenceState(
    kelvin: (60 + 459.67) * 5 / 9, pascals: 14.7 * 0.453_592_37 * 9.806_65 / (0.0254 * 0.0254), label: "60 °F, 14.7 psia")

  /// The reference state of a gas-volume dimension; `nil` for every other dimension.
  public static func of(_ dimension: Dimension) -> GasReferenceState? {
    switch dimension {
    case .normalVolume: .normal
    case .standardVolume: .usStandard
    default: nil
    }
  }

  /// The volume at `other` of the gas that fills one unit of volume at this state.
  public func volumeRatio(to other: GasReferenceState) -> Double {
    (other.kelvin / kelvin) * (pascals / other.pascals)
  }
}

extension Quantity {
  /// The amount in `other` where `other` states the gas at another reference state (Nm³ ↔ scf),
  /// by the ideal-gas law; within one dimension, the plain conversion.
  ///
  /// - Throws: ``QuantityError`` unless both units are gas volumes at a reference state (or of
  ///   one dimension).
  public func gasVolume(in other: UnitOfMeasure) throws(QuantityError) -> Double {
    guard unit.dimension != other.dimension else { return try value(in: other) }
    guard let from = GasReferenceState.of(unit.dimension), let to = GasReferenceState.of(other.dimension) else {
      throw QuantityError(.dimensionMismatch(from: unit, to: other))
    }
    // Each gas dimension's base unit is one cubic unit of length: Nm³ (1 m), scf (0.3048 m).
    let cubicMetres = value * unit.sizeInBaseUnit * Self.cubicMetresPerBaseUnit(unit.dimension)
    let atTarget = cubicMetres * from.volumeRatio(to: to)
    return atTarget / Self.cubicMetresPerBaseUnit(other.dimension) / other.sizeInBaseUnit
  }

  private static func cubicMetresPerBaseUnit(_ d: Dimension) -> Double {
    d == .standardVolume ? 0.3048 * 0.3048 * 0.3048 : 1
  }
}
