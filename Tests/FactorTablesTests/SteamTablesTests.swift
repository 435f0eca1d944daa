import FactorTables
import Foundation
import Testing

/// The verification values IAPWS R7-97(2012) prints for checking an implementation.
@Suite("IAPWS-IF97 steam tables")
struct SteamTablesTests {
  /// Whether `a` rounds to `b` as printed: nine significant digits.
  func near(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= pow(10, floor(log10(abs(b))) - 8) / 2 * (1 + 1e-9)
  }

  @Test func region2MatchesTable15() throws {
    // Table 15: T = 300 K, p = 0.0035 MPa: h = 0.254991145 × 10⁴ kJ/kg; T = 700 K: 0.333568375 × 10⁴.
    #expect(near(try SteamTables.steamEnthalpy(megapascals: 0.0035, celsius: 300 - 273.15), 2_549.91145))
    #expect(near(try SteamTables.steamEnthalpy(megapascals: 0.0035, celsius: 700 - 273.15), 3_335.68375))
  }

  @Test func saturationLineMatchesTables35And36() {
    // Table 35: ps(300 K) = 0.353658941 × 10⁻² MPa, ps(500 K) = 0.263889776 × 10¹, ps(600 K) = 0.123443146 × 10².
    #expect(near(SteamTables.saturationPressure(kelvin: 300), 0.353658941e-2))
    #expect(near(SteamTables.saturationPressure(kelvin: 500), 0.263889776e1))
    #expect(near(SteamTables.saturationPressure(kelvin: 600), 0.123443146e2))
    // Table 36: Ts(0.1 MPa) = 0.372755919 × 10³ K, Ts(1 MPa) = 0.453035632 × 10³, Ts(10 MPa) = 0.584149488 × 10³.
    #expect(near(SteamTables.saturationKelvin(megapascals: 0.1), 0.372755919e3))
    #expect(near(SteamTables.saturationKelvin(megapascals: 1), 0.453035632e3))
    #expect(near(SteamTables.saturationKelvin(megapascals: 10), 0.584149488e3))
  }

  @Test func saturatedSteamFromOneOfPressureOrTemperature() throws {
    // Saturated vapour at 1 MPa (Ts = 453.035632 K): the same state from either side.
    let byPressure = try SteamTables.steamEnthalpy(megapascals: 1, celsius: nil)
    let byTemperature = try SteamTables.steamEnthalpy(megapascals: nil, celsius: 453.035632 - 273.15)
    #expect(abs(byPressure - byTemperature) < 1e-3)
    // Steam tables print hg = 2777.1 kJ/kg at 1 MPa.
    #expect(abs(byPressure - 2_777.1) < 0.05)
  }

  @Test func statesThatAreNotSteamAreRefused() {
    // 150 °C at 1 MPa is below saturation (179.9 °C): liquid water; kPa typed as MPa; region 3.
    #expect { try SteamTables.steamEnthalpy(megapascals: 1, celsius: 150) } throws: { "\($0)".contains("below the saturation") }
    #expect(throws: SteamTableError.self) { try SteamTables.steamEnthalpy(megapascals: 1_000, celsius: 200) }
    #expect(throws: SteamTableError.self) { try SteamTables.steamEnthalpy(megapascals: nil, celsius: 360) }
    #expect(throws: SteamTableError.self) { try SteamTables.steamEnthalpy(megapascals: nil, celsius: nil) }
  }
}
