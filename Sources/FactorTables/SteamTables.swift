import Quantities
import Tabular

/// Specific enthalpy of steam by the IAPWS Industrial Formulation 1997 (IAPWS R7-97(2012)),
/// the formulation steam tables are computed from: region 2 (steam) and the saturation line
/// (region 4), their coefficients read from Standards/iapws-if97.csv.
///
/// The domain is what purchased industrial steam needs: pressures up to 16.5292 MPa (the
/// pressure of the region 2/3 boundary at 623.15 K, so region 3 near the critical point is
/// never reached) and temperatures from 0 °C to 800 °C.
public enum SteamTables {
  /// Specific gas constant of water, kJ/(kg·K) (R7-97 Eq. 1).
  static let gasConstant = 0.461526
  /// The pressure below which region 3 cannot be reached, MPa (R7-97 Eq. 5 at 623.15 K).
  public static let maximumPressure = 16.5292
  static let minimumPressure = 0.000611213
  static let maximumKelvin = 1_073.15

  struct Term {
    let i: Double
    let j: Double
    let n: Double
  }

  static let coefficients: [String: [Term]] = {
    var header: [String] = []
    var result: [String: [Term]] = [:]
    _ = try? CSVReader.read(bytes: BundledStandards.files["iapws-if97.csv"] ?? []) { r in
      guard !header.isEmpty else { header = r.strings; return }
      let f = r.strings
      result[f[0], default: []].append(Term(i: Double(f[2]) ?? 0, j: Double(f[3]) ?? 0, n: Double(f[4]) ?? 0))
    }
    return result
  }()

  /// Saturation temperature at `megapascals` (R7-97 Eq. 31), kelvin.
  public static func saturationKelvin(megapascals p: Double) -> Double {
    let n = coefficients["region4", default: []].map(\.n)
    let beta = p.squareRoot().squareRoot()
    let e = beta * beta + n[2] * beta + n[5]
    let f = n[0] * beta * beta + n[3] * beta + n[6]
    let g = n[1] * beta * beta + n[4] * beta + n[7]
    let d = 2 * g / (-f - (f * f - 4 * e * g).squareRoot())
    return (n[9] + d - ((n[9] + d) * (n[9] + d) - 4 * (n[8] + n[9] * d)).squareRoot()) / 2
  }

  /// Saturation pressure at `kelvin` (R7-97 Eq. 30), MPa.
  public static func saturationPressure(kelvin t: Double) -> Double {
    let n = coefficients["region4", default: []].map(\.n)
    let theta = t + n[8] / (t - n[9])
    let a = theta * theta + n[0] * theta + n[1]
    let b = n[2] * theta * theta + n[3] * theta + n[4]
    let c = n[5] * theta * theta + n[6] * theta + n[7]
    let x = 2 * c / (-b + (b * b - 4 * a * c).squareRoot())
    return x * x * x * x
  }

  /// Specific enthalpy of steam (region 2, R7-97 Eqs. 15–17 and Table 12), kJ/kg.
  static func steamEnthalpy(megapascals p: Double, kelvin t: Double) -> Double {
    let tau = 540 / t
    let ideal = coefficients["region2_ideal", default: []].reduce(0.0) { $0 + $1.n * $1.j * pow(tau, $1.j - 1) }
    let residual = coefficients["region2_residual", default: []].reduce(0.0) {
      $0 + $1.n * pow(p, $1.i) * $1.j * pow(tau - 0.5, $1.j - 1)
    }
    return tau * (ideal + residual) * gasConstant * t
  }

  /// The specific enthalpy of steam, kJ/kg: superheated at `megapascals` and `celsius`, or
  /// saturated vapour where only one of them is given.
  ///
  /// - Throws: ``SteamTableError`` outside the domain, or for a temperature below the
  ///   saturation temperature of the pressure (that is liquid water, not steam).
  public static func steamEnthalpy(megapascals p: Double?, celsius: Double?) throws(SteamTableError) -> Double {
    let kelvin = celsius.map { $0 + 273.15 }
    if let p, !(minimumPressure...maximumPressure).contains(p) {
      throw SteamTableError("a steam pressure of \(DecimalFormat.shortest(p)) MPa is outside 0.000611–\(maximumPressure) MPa (absolute)")
    }
    if let t = kelvin, !(273.15...maximumKelvin).contains(t) {
      throw SteamTableError("a steam temperature of \(DecimalFormat.shortest(celsius!)) °C is outside 0–800 °C")
    }
    switch (p, kelvin) {
    case let (p?, t?):
      let saturation = saturationKelvin(megapascals: p)
      guard t >= saturation - 0.005 else {
        throw SteamTableError("\(DecimalFormat.shortest(celsius!)) °C is below the saturation temperature at \(DecimalFormat.shortest(p)) MPa "
          + "(\(((saturation - 273.15) * 100).rounded() / 100) °C): that is water, not steam; "
          + "check that the pressure is absolute (gauge + 0.1 MPa)")
      }
      return steamEnthalpy(megapascals: p, kelvin: max(t, saturation))
    case let (p?, nil):
      return steamEnthalpy(megapascals: p, kelvin: saturationKelvin(megapascals: p))
    case let (nil, t?):
      let p = saturationPressure(kelvin: t)
      guard p <= maximumPressure else {
        throw SteamTableError("saturated steam at \(DecimalFormat.shortest(celsius!)) °C is above \(maximumPressure) MPa")
      }
      return steamEnthalpy(megapascals: p, kelvin: t)
    case (nil, nil):
      throw SteamTableError("neither pressure nor temperature is given")
    }
  }
}

private func pow(_ x: Double, _ y: Double) -> Double {
  // Integer exponents only (IF97's are): repeated multiplication, exact for x < 0.
  var result = 1.0
  let e = Int(y)
  for _ in 0..<abs(e) { result *= x }
  return e < 0 ? 1 / result : result
}
