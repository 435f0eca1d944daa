import Quantities

/// The heat a tonne of purchased steam or hot water brings, by the enthalpy method of China's
/// enterprise GHG accounting guidelines (NDRC 2013–2015, carried into the MEE guidelines):
///
/// - steam: AD = Ma × (En − 83.74) × 10⁻³ GJ, Ma in t, En the steam's specific enthalpy in
///   kJ/kg at its temperature and pressure (from steam tables);
/// - hot water: AD = Ma × (T − 20) × 4.1868 × 10⁻³ GJ, T in °C.
///
/// 83.74 kJ/kg is water at 20 °C (20 K × 4.1868 kJ/(kg·K), the International Table calorie);
/// the heat is what the carrier brings above water returned at 20 °C. The guidelines' texts
/// were not readable here: the formulas and constants are as three independent
/// implementations transcribe them (GitHub index ids 18528311132, 45532803221, 6809841711).
/// No default enthalpy is used: where temperature and pressure are unknown there is no cited
/// one (GB/T 2589's 0.1286 kgce/kg for low-pressure steam is an energy-equivalent value,
/// about 40 % above the enthalpy of such steam).
enum SteamHeat {
  /// Specific enthalpy of the water the heat is counted from (20 °C), kJ/kg.
  static let referenceEnthalpy = 83.74
  /// Specific heat capacity of water, kJ/(kg·K).
  static let waterHeatCapacity = 4.1868
  /// The water temperature the heat is counted from, °C.
  static let referenceTemperature = 20.0

  /// Review ranges that catch unit slips (MJ/kg for kJ/kg, kcal/kg, K for °C).
  static let plausibleEnthalpy = 100.0...4_000.0
  static let plausibleTemperature = 20.0...200.0

  /// Gigajoules of `tonnes` of steam at `enthalpy` kJ/kg, and the formula's text.
  static func steam(tonnes: Double, enthalpy: Double) -> (gigajoules: Double, text: String) {
    let gj = tonnes * (enthalpy - referenceEnthalpy) / 1_000
    return (gj, "\(DecimalFormat.shortest(tonnes)) t × (\(DecimalFormat.shortest(enthalpy)) − 83.74) kJ/kg × 10⁻³")
  }

  /// Gigajoules of `tonnes` of hot water at `celsius`, and the formula's text.
  static func hotWater(tonnes: Double, celsius: Double) -> (gigajoules: Double, text: String) {
    let gj = tonnes * (celsius - referenceTemperature) * waterHeatCapacity / 1_000
    return (gj, "\(DecimalFormat.shortest(tonnes)) t × (\(DecimalFormat.shortest(celsius)) − 20) °C × 4.1868 kJ/(kg·K) × 10⁻³")
  }
}
