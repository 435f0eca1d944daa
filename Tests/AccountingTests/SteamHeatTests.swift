import LoanBook
import Accounting
import FactorTables
import Quantities
import Testing

/// Purchased steam and hot water by the enthalpy method of China's enterprise GHG accounting
/// guidelines: steam GJ = t × (h − 83.74) × 10⁻³, hot water GJ = t × (T − 20) × 4.1868 × 10⁻³.
@Suite("Purchased steam and hot water")
struct SteamHeatTests {
  func steam(_ tonnes: Double, entity: String = "E1", enthalpy: Double? = nil, temperature: Double? = nil,
             pressure: Double? = nil, activity: String = "heat.steam") -> ActivityRecord
  {
    var r = record(entity, .year(2024)!, activity, tonnes, "t")
    (r.enthalpy, r.temperature, r.pressure) = (enthalpy, temperature, pressure)
    return r
  }

  @Test func steamFromItsPressureAndTemperature() throws {
    var a = accounting(method: nil)
    // IAPWS R7-97 Table 15: 0.0035 MPa and 300 K give h = 2 549.91145 kJ/kg, read as 2 549.91.
    let verification = try a.add(steam(100, temperature: 300 - 273.15, pressure: 0.0035, activity: "heat.purchased"))
    #expect(close(verification[0].tonnesCO2e, 100 * (2_549.91 - 83.74) / 1_000 * 0.11))
    // Saturated at 1 MPa (absolute): steam tables print hg = 2 777.1 kJ/kg.
    let saturated = try a.add(steam(100, pressure: 1))[0]
    #expect(abs(saturated.tonnesCO2e - 100 * (2_777.1 - 83.74) / 1_000 * 0.11) < 0.05 * 100 / 1_000 * 0.11)
    #expect(saturated.formula.contains("IAPWS-IF97 at 1 MPa, saturated"))
    // Below saturation is water, not steam; a gauge reading mistaken for kPa is out of range.
    #expect { try a.add(steam(100, temperature: 150, pressure: 1)) } throws: { "\($0)".contains("below the saturation") }
  }

  @Test func steamAndHotWaterInTonnes() throws {
    var a = accounting(method: nil)
    // 100 t of steam at 2 776.2 kJ/kg, the enthalpy the row gives:
    // (2 776.2 − 83.74) × 100 / 1 000 = 269.246 GJ × 0.11 tCO2/GJ (NDRC guideline default).
    let s = try a.add(steam(100, enthalpy: 2_776.2))
    #expect(s.count == 2 && s.allSatisfy { close($0.tonnesCO2e, 269.246 * 0.11) })
    #expect(s[0].formula.hasPrefix("100 t × (2776.2 − 83.74) kJ/kg × 10⁻³ = 269.246 GJ; "))
    // 1 000 t of water at 90 °C: 1 000 × 70 × 4.1868 / 1 000 = 293.076 GJ.
    let w = try a.add(steam(1_000, temperature: 90, activity: "heat.hot_water"))
    #expect(close(w[0].tonnesCO2e, 293.076 * 0.11) && w[0].activity == "heat.hot_water")
  }

  @Test func outsideChinaTheEPASteamFactorGivesThreeGases() throws {
    let hk = Enterprise(id: EntityID("H1"), sector: "C3011", country: "HK", region: nil, currency: Currency("HKD")!)
    var a = accounting([hk], method: nil)
    // EPA hub 2024 Table 7 (the heat proxy): 66.33 kg CO2, 1.25 g CH4, 0.125 g N2O per mmBtu;
    // 1 mmBtu = 1.05505585262 GJ (International Table Btu).
    let lines = try a.add(steam(100, entity: "H1", enthalpy: 2_776.2)).filter { $0.scope2Method == .location }
    let mmBtu = 269.246 / 1.05505585262
    #expect(lines.map(\.gas) == ["CO2", "CH4", "N2O"])
    #expect(close(lines.reduce(0) { $0 + $1.tonnesCO2e }, mmBtu * (66.33 + 1.25e-3 * 27.9 + 0.125e-3 * 273) / 1_000))
  }

  @Test func noEnthalpyNoGuess() {
    var a = accounting(method: nil)
    #expect { try a.add(steam(100)) } throws: { "\($0)".contains("needs its enthalpy (kJ/kg) or its absolute pressure") }
    #expect { try a.add(steam(100, activity: "heat.hot_water")) } throws: { "\($0)".contains("temperature column") }
    // An enthalpy on a row it does not belong to is an error, not ignored.
    var gigajoules = record("E1", .year(2024)!, "heat.purchased", 100, "GJ")
    gigajoules.enthalpy = 2_700
    #expect(throws: AccountingError.self) { try a.add(gigajoules) }
    var grid = record("E1", .year(2024)!, "electricity.grid", 100, "kWh")
    grid.temperature = 90
    #expect(throws: AccountingError.self) { try a.add(grid) }
  }
}
