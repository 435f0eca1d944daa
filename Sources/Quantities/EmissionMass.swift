/// A mass of greenhouse gas expressed as carbon-dioxide equivalent (CO2e), in tonnes.
///
/// All emission results in GreenLedger are of this one type, whatever gas they started as:
/// a mass of CH4 becomes an `EmissionMass` only through a GWP value
/// (``init(gasTonnes:gwp:)``), so a raw gas mass cannot be added to CO2e by mistake.
public struct EmissionMass: Hashable, Sendable, Comparable, AdditiveArithmetic,
  CustomStringConvertible
{
  /// Tonnes of CO2e.
  public var tonnes: Double

  /// Creates a mass of `tonnes` tCO2e.
  public init(tonnes: Double) { self.tonnes = tonnes }

  /// Creates a mass of `kilograms` kgCO2e.
  public init(kilograms: Double) { self.tonnes = kilograms / 1_000 }

  /// The CO2e of `gasTonnes` tonnes of a gas whose 100-year global-warming potential is
  /// `gwp` (IPCC AR4/AR5/AR6 GWP-100; CO2 has 1).
  public init(gasTonnes: Double, gwp: Double) { self.tonnes = gasTonnes * gwp }

  /// Kilograms of CO2e.
  public var kilograms: Double { tonnes * 1_000 }

  /// Zero tCO2e.
  public static let zero = EmissionMass(tonnes: 0)

  /// The sum of two masses.
  public static func + (lhs: EmissionMass, rhs: EmissionMass) -> EmissionMass {
    EmissionMass(tonnes: lhs.tonnes + rhs.tonnes)
  }

  /// The difference of two masses.
  public static func - (lhs: EmissionMass, rhs: EmissionMass) -> EmissionMass {
    EmissionMass(tonnes: lhs.tonnes - rhs.tonnes)
  }

  /// Scales a mass, e.g. by a PCAF attribution factor.
  public static func * (lhs: EmissionMass, rhs: Double) -> EmissionMass {
    EmissionMass(tonnes: lhs.tonnes * rhs)
  }

  /// Orders by tonnes.
  public static func < (lhs: EmissionMass, rhs: EmissionMass) -> Bool { lhs.tonnes < rhs.tonnes }

  /// The tonnes followed by `tCO2e`.
  public var description: String { "\(tonnes) tCO2e" }
}
