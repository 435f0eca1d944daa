public import Quantities

/// Review bounds of fuel parameters — net calorific value, carbon content per heat,
/// oxidation rate, density — that catch unit slips and typos (GJ/t written as MJ/t, a
/// carbon content 100× too large), not standard values: a real value outside them is
/// possible but must be looked at. The same bounds check the factor tables
/// (`factors validate`) and the measured values of activity rows (`ncv`, `carbon_content`,
/// `oxidation_rate`), so that neither can slip a value the other would refuse.
///
/// The widest real fuels set them: NCV from coke-oven gas and lignite (≈ 5 GJ/t) to
/// natural gas per mass (≈ 48 GJ/t), per volume from blast-furnace gas (≈ 3 MJ/Nm³) to LPG
/// vapour (≈ 50 MJ/Nm³); carbon content from hydrogen-rich gases (≈ 12 tC/TJ) to petroleum
/// coke and peat (≈ 30 tC/TJ), with room on both sides (IPCC 2006 Guidelines, Vol. 2, ch. 1,
/// Tables 1.2 and 1.3, give every default and its 95 % range inside these bounds).
public enum FuelParameterBounds {
  /// Net calorific value in gigajoules per base unit of the denominator (per gram, per Nm³).
  public static func ncvRange(per dimension: Dimension) -> ClosedRange<Double>? {
    switch dimension {
    case .mass: 5e-6...60e-6  // 5–60 GJ/t
    case .normalVolume, .standardVolume: 2e-3...6e-2  // 2–60 MJ/Nm³
    case .volume: 2e-3...6e-2  // 2–60 GJ/m³ of liquid (= MJ/L)
    default: nil
    }
  }

  /// Carbon content per heat, tC/TJ.
  public static let carbonContent: ClosedRange<Double> = 5...120

  /// Oxidation rate, a fraction: above 0, at most 1.
  public static func isValidOxidationRate(_ rate: Double) -> Bool { rate > 0 && rate <= 1 }

  /// Liquid density, kg/L.
  public static let density: ClosedRange<Double> = 0.3...1.5

  /// Gas density at reference conditions, kg/Nm³: hydrogen-rich coke-oven gas (≈ 0.45) to
  /// butane vapour (≈ 2.7), with room on both sides.
  public static let gasDensity: ClosedRange<Double> = 0.05...3

  /// Whether an NCV of `value` in `unit` lies in the bounds.
  public static func isPlausibleNCV(_ value: Double, _ unit: PerUnit) -> Bool {
    guard let range = ncvRange(per: unit.denominator.dimension), value > 0 else { return false }
    return range.contains(value * unit.numerator.sizeInBaseUnit / 1e9 / unit.denominator.sizeInBaseUnit)
  }
}
