import FactorTables
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
/// The steam's enthalpy is the row's, else the IAPWS-IF97 value (``SteamTables``) at its
/// absolute pressure and temperature (saturated vapour where only one is given). No default
/// is used where neither is known: there is no cited one (GB/T 2589's 0.1286 kgce/kg for
/// low-pressure steam is an energy-equivalent value, about 40 % above such steam's enthalpy).
enum SteamHeat {
  /// Specific enthalpy of the water the heat is counted from (20 °C), kJ/kg.
  static let referenceEnthalpy = 83.74
  /// Specific heat capacity of water, kJ/(kg·K).
  static let waterHeatCapacity = 4.1868
  /// The water temperature the heat is counted from, °C.
  static let referenceTemperature = 20.0

  /// Review ranges that catch unit slips (MJ/kg for kJ/kg, kcal/kg, K for °C).
  static let plausibleEnthalpy = 100.0...4_000.0
  static let plausibleTemperature = 0.0...800.0
  static let plausiblePressure = 0.001...SteamTables.maximumPressure

  /// Gigajoules to the kilojoule, so that the formula's figures are the ones computed with.
  static func kilojouleRounded(_ gigajoules: Double) -> Double { (gigajoules * 1e6).rounded() / 1e6 }

  /// Gigajoules of `tonnes` of steam at `enthalpy` kJ/kg, and the formula's text.
  static func steam(tonnes: Double, enthalpy: Double) -> (gigajoules: Double, text: String) {
    let gj = kilojouleRounded(tonnes * (enthalpy - referenceEnthalpy) / 1_000)
    return (gj, "\(DecimalFormat.shortest(tonnes)) t × (\(DecimalFormat.shortest(enthalpy)) − 83.74) kJ/kg × 10⁻³")
  }

  /// Gigajoules of `tonnes` of steam at its absolute pressure (MPa) and temperature (°C), by
  /// the IAPWS-IF97 enthalpy read to 0.01 kJ/kg as a steam table prints it.
  static func steam(tonnes: Double, megapascals: Double?, celsius: Double?) throws(SteamTableError)
    -> (gigajoules: Double, text: String)
  {
    let h = (try SteamTables.steamEnthalpy(megapascals: megapascals, celsius: celsius) * 100).rounded() / 100
    let state = [megapascals.map { "\(DecimalFormat.shortest($0)) MPa" }, celsius.map { "\(DecimalFormat.shortest($0)) °C" }]
      .compactMap { $0 }.joined(separator: ", ")
    let (gj, text) = steam(tonnes: tonnes, enthalpy: h)
    return (gj, text + " (enthalpy by IAPWS-IF97 at \(state)\(megapascals == nil || celsius == nil ? ", saturated" : ""))")
  }

  /// Gigajoules of `tonnes` of hot water at `celsius`, and the formula's text.
  static func hotWater(tonnes: Double, celsius: Double) -> (gigajoules: Double, text: String) {
    let gj = kilojouleRounded(tonnes * (celsius - referenceTemperature) * waterHeatCapacity / 1_000)
    return (gj, "\(DecimalFormat.shortest(tonnes)) t × (\(DecimalFormat.shortest(celsius)) − 20) °C × 4.1868 kJ/(kg·K) × 10⁻³")
  }
}
