public import Tabular
import FactorTables
import Quantities

/// The columns of lines.csv and accounts.csv (data contract, plus optional columns), with
/// deterministic number text: tonnes to the gram (6 decimals), ratios to 6 decimals.
public enum AccountingColumns {
  /// The header of lines.csv.
  public static let lines = [
    "entity_id", "period", "activity", "scope", "category", "gas", "amount_t", "co2e_t", "factor_id",
    "factor_version", "gwp_set", "method", "facility_id", "scope2_method", "tier", "formula", "source_line",
  ]

  /// The header of accounts.csv.
  public static let accounts = [
    "entity_id", "period", "scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e", "scope3_tco2e",
    "total_tco2e", "biogenic_co2_t", "intensity_revenue", "intensity_output", "carbon_grade",
    "factor_set_digest", "total_market_tco2e", "currency", "intensity_value_added", "output_unit",
    "carbon_efficiency_l", "carbon_level", "sector_average_l", "carbon_efficiency_k", "grade_benchmark",
    "co2_tco2e", "ch4_tco2e", "n2o_tco2e", "other_gases_tco2e", "scope3_by_category", "certificates_mwh",
    "base_year", "change_vs_base_year", "methodology", "gwp_set", "lines", "base_year_comparison",
    "intensity_revenue_scope12",
  ]

  /// The header of facilities.csv.
  public static let facilities = [
    "entity_id", "period", "facility_id", "scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e",
    "scope3_tco2e",
  ]

  static func t(_ x: Double) -> String { DecimalFormat.fixed(x, places: 6) }
  static func ratio(_ x: Double?) -> String { x.map { DecimalFormat.fixed($0, places: 6) } ?? "" }

  /// The lines.csv fields of `l`, in ``lines`` order.
  public static func fields(_ l: EmissionLine) -> [String] {
    [l.entity.rawValue, l.period.description, l.activity, l.scope.rawValue, l.category, l.gas, t(l.tonnes),
     t(l.tonnesCO2e), l.factorID, l.factorVersion, l.gwpSet?.rawValue ?? "", l.method, l.facility ?? "",
     l.scope2Method?.rawValue ?? "", l.tier?.rawValue ?? "", l.formula, l.origin.map { "\($0.file):\($0.line)" } ?? ""]
  }

  /// Writes the fields of ``fields(_:)-(EmissionLine)`` straight into `writer` (no array of
  /// strings per line) and ends the row.
  public static func write(_ l: EmissionLine, to w: CSVWriter) {
    w.writeField(l.entity.rawValue)
    l.period.withDescriptionBytes { w.writeField(bytes: $0) }
    w.writeField(l.activity)
    w.writeField(l.scope.rawValue)
    w.writeField(l.category)
    w.writeField(l.gas)
    w.writeFixed(l.tonnes, places: 6)
    w.writeFixed(l.tonnesCO2e, places: 6)
    w.writeField(l.factorID)
    w.writeField(l.factorVersion)
    w.writeField(l.gwpSet?.rawValue ?? "")
    w.writeField(l.method)
    w.writeField(l.facility ?? "")
    w.writeField(l.scope2Method?.rawValue ?? "")
    w.writeField(l.tier?.rawValue ?? "")
    w.writeField(l.formula)
    if let o = l.origin { w.writeLocation(file: o.file, line: o.line) } else { w.writeField("") }
    w.endRow()
  }

  /// The accounts.csv fields of `a`, in ``accounts`` order; `digest` is the factor set's digest.
  public static func fields(_ a: CarbonAccount, digest: String) -> [String] {
    let others = a.byGas.filter { !["CO2", "CH4", "N2O", "CO2e"].contains($0.key) }.values
    var otherSum = ExactSum(decimalPlaces: 6)
    for v in others { try? otherSum.add(v) }
    let co2 = CarbonAccount.sum([a.byGas["CO2"] ?? 0, a.byGas["CO2e"] ?? 0])
    let e = a.carbonEfficiency
    return [
      a.entity.rawValue, String(a.year), t(a.scope1), t(a.scope2Location), t(a.scope2Market), t(a.scope3),
      t(a.total), t(a.biogenicCO2), ratio(a.intensityRevenue), ratio(a.intensityOutput?.value),
      e?.grade?.grade ?? "", digest, t(a.totalMarket), a.currency.code, ratio(a.intensityValueAdded),
      a.intensityOutput?.unit ?? "", ratio(e?.l), e?.level?.labelZH ?? "", ratio(e?.sectorAverage),
      ratio(e?.k), e?.benchmarkSource ?? "", t(co2), t(a.byGas["CH4"] ?? 0), t(a.byGas["N2O"] ?? 0),
      otherSum.decimalString,
      a.byScope3Category.sorted { $0.key < $1.key }.map { "\($0.key):\(t($0.value))" }.joined(separator: ";"),
      a.certificatesMWh > 0 ? DecimalFormat.trimmed(a.certificatesMWh, places: 6) : "",
      a.baseYear.map(String.init) ?? "", ratio(a.changeVersusBaseYear), a.methodology.rawValue,
      a.gwpSet.rawValue, String(a.lineCount), a.baseYearComparison?.description ?? "", ratio(a.intensityRevenueScope12),
    ]
  }

  /// The facilities.csv rows of `a`, one per facility, sorted by facility id.
  public static func facilityRows(_ a: CarbonAccount) -> [[String]] {
    a.byFacility.sorted { $0.key < $1.key }.map { facility, v in
      [a.entity.rawValue, String(a.year), facility, t(v.scope1), t(v.scope2Location), t(v.scope2Market), t(v.scope3)]
    }
  }
}
