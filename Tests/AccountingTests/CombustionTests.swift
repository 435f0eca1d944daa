import LoanBook
import Accounting
import FactorTables
import Quantities
import Testing

/// Combustion by the Chinese method: CO2 = AD × NCV × CC × OF × 44/12 (GB/T 32150-2015 §6,
/// GB/T 32151 default parameters, 附录 表C.1). Expected values are computed here from the
/// formula and the cited parameters.
@Suite("Combustion emissions")
struct CombustionTests {
  // GB/T 32151 表C.1 defaults (NCV, tC/TJ, OF).
  static let coke = (28.435, 29.5, 0.93)
  static let fuelOil = (41.816, 21.1, 0.98)
  static let diesel = (42.652, 20.2, 0.98)
  static let naturalGas = (389.31, 15.3, 0.99)  // NCV per 10^4 Nm3

  func co2(_ ad: Double, _ p: (Double, Double, Double)) -> Double { ad * p.0 * p.1 * 1e-3 * p.2 * 44 / 12 }

  @Test("solid, liquid and gaseous fuels, stationary and mobile")
  func eachFuelFamily() throws {
    var a = accounting()
    let cases: [(ActivityRecord, Double)] = [
      (record(activity: "stationary.coke", 120, "t"), co2(120, Self.coke)),
      (record(activity: "stationary.fuel_oil", 35, "吨"), co2(35, Self.fuelOil)),
      (record(activity: "mobile.diesel", 50, "t"), co2(50, Self.diesel)),
      // 250 000 Nm3 = 25 × 10^4 Nm3; 万Nm3 is the same unit.
      (record(activity: "stationary.natural_gas", 250_000, "Nm3"), co2(25, Self.naturalGas)),
      (record(activity: "stationary.natural_gas", 25, "万Nm3"), co2(25, Self.naturalGas)),
    ]
    for (r, expected) in cases {
      let lines = try a.add(r)
      #expect(lines.count == 1)
      #expect(lines[0].scope == .scope1 && lines[0].gas == "CO2")
      #expect(close(lines[0].tonnesCO2e, expected), "\(r.activity): \(lines[0].tonnesCO2e) vs \(expected)")
      #expect(lines[0].tier == .default)
    }
  }

  @Test func theIssueExampleFormula() throws {
    var a = accounting()
    let line = try a.add(record(activity: "stationary.diesel", 50, "t"))[0]
    // 50 × 42.652 × 20.2 × 10⁻³ × 0.98 × 44/12 = 154.795481866… tCO2, printed to the gram.
    let expected = DecimalFormat.trimmed(50 * 42.652 * 20.2e-3 * 0.98 * 44 / 12, places: 6)
    #expect(expected == "154.795482")
    #expect(line.formula == "50 t × 42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12 = \(expected) tCO2")
    #expect(line.factorID == "derived:CN-GBT32151-DIESEL")
    #expect(line.factorVersion == "cn-gbt32151-fuels@2026.1")
  }

  @Test func measuredParametersOverrideDefaults() throws {
    var a = accounting()
    var r = record(activity: "stationary.anthracite", 1_000, "t")
    r.measured = MeasuredParameters(ncv: (24.1, try PerUnit(parsing: "GJ/t")))
    let line = try a.add(r)[0]
    // Measured NCV; GB/T 32151 anthracite defaults CC 27.4 tC/TJ, OF 0.94.
    #expect(close(line.tonnesCO2e, 1_000 * 24.1 * 27.4e-3 * 0.94 * 44 / 12))
    #expect(line.tier == .measured)
  }

  @Test func ghgProtocolAddsMethaneAndNitrousOxide() throws {
    var a = accounting(method: .ghgProtocol, gwp: .ar5)
    let lines = try a.add(record(activity: "stationary.natural_gas", 100, "10^4 Nm3"))
    #expect(lines.map(\.gas) == ["CO2", "CH4", "N2O"])
    // Energy = 100 × 389.31 GJ; IPCC 2006 Table 2.3 (manufacturing): CH4 1 kg/TJ, N2O 0.1 kg/TJ;
    // AR5 GWP CH4 28, N2O 265 (Table 8.A.1).
    let tj = 100 * 389.31 / 1_000
    #expect(close(lines[1].tonnes, tj * 1 / 1_000))
    #expect(close(lines[1].tonnesCO2e, tj * 1 / 1_000 * 28))
    #expect(close(lines[2].tonnesCO2e, tj * 0.1 / 1_000 * 265))
    #expect(lines[1].gwpSet == .ar5)
  }

  /// Peer check with the US EPA Simplified GHG Emissions Calculator's stationary-combustion
  /// method: emissions = fuel × EPA Hub factor for each gas, CO2e = CO2 + CH4 × GWP + N2O ×
  /// GWP with AR5 GWPs (CH4 28, N2O 265), factors from the EPA GHG Emission Factors Hub 2024
  /// Table 1.
  @Test("EPA profile reproduces the EPA Simplified Calculator", arguments: [
    // (activity, quantity, unit, kg CO2/unit, g CH4/unit, g N2O/unit)
    ("stationary.natural_gas", 1_000.0, "mmBtu", 53.06, 1.0, 0.10),
    ("stationary.natural_gas", 2_500_000.0, "scf", 0.05444, 0.00103, 0.0001),
  ])
  func epaCalculator(activity: String, quantity: Double, unit: String, co2: Double, ch4: Double, n2o: Double) throws {
    var a = accounting([Enterprise(id: "US1", sector: "C2614", country: "US", currency: .usd)], method: .epa, gwp: .ar5)
    let lines = try a.add(record("US1", .year(2024)!, activity, quantity, unit))
    let expectedCO2e = quantity * co2 / 1_000 + quantity * ch4 / 1e6 * 28 + quantity * n2o / 1e6 * 265
    let total = lines.reduce(0) { $0 + $1.tonnesCO2e }
    #expect(abs(total - expectedCO2e) <= 1e-6 * expectedCO2e, "\(total) vs \(expectedCO2e)")
    #expect(Set(lines.map(\.gas)) == ["CO2", "CH4", "N2O"])
  }

  @Test func wrongUnitDimensionIsRejected() {
    var a = accounting()
    #expect {
      try a.add(record(activity: "stationary.coke", 1_000, "kWh"))
    } throws: { error in
      "\(error)" == "unit: kWh is an energy unit; the coke method (NCV × CC × OF × 44/12) needs the physical amount in t or another mass unit"
    }
    // A fuel metered in litres with parameters per tonne and no density: never guessed.
    #expect {
      try a.add(record(activity: "stationary.crude_oil", 1_000, "L"))
    } throws: { error in
      "\(error)".contains("L is a volume but the crude_oil parameters are per mass and the factor set has no density for crude_oil")
    }
  }
}
