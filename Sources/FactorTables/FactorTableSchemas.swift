import Quantities
import Tabular

/// The columns of each table kind of EmissionFactors/ (see EmissionFactors/README.md).
enum FactorTableSchemas {
  static let citation = [
    ColumnSpec("publisher", .text, required: true),
    ColumnSpec("source", .text, required: true),
    ColumnSpec("year", .text, required: true),
    ColumnSpec("url", .text, required: true),
    ColumnSpec("note", .text, required: true),
  ].map { ColumnSpec($0.name, $0.kind, required: $0.name != "url" && $0.name != "note") }

  /// `valid_from`, `valid_to`, `published`: when a value applies and when it was published.
  static let validity = [
    ColumnSpec("valid_from", .date),
    ColumnSpec("valid_to", .date),
    ColumnSpec("published", .identifier),
  ]

  static let emissionFactors = TableSchema(
    name: "emission_factors",
    columns: [
      ColumnSpec("factor_id", .identifier, required: true),
      ColumnSpec("activity", .identifier, required: true),
      ColumnSpec("region", .identifier, required: true),
      ColumnSpec("series", .identifier, required: true),
      ColumnSpec("gas", .oneOf(Gas.allCases.map(\.rawValue)), required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("unit", .identifier, required: true),
    ] + validity + citation,
    uniqueColumns: ["factor_id"]
  )

  static let fuelParameters = TableSchema(
    name: "fuel_parameters",
    columns: [
      ColumnSpec("parameter_id", .identifier, required: true),
      ColumnSpec("fuel", .identifier, required: true),
      ColumnSpec("ncv", .decimal, required: true),
      ColumnSpec("ncv_unit", .identifier, required: true),
      ColumnSpec("carbon_content", .decimal, required: true),
      ColumnSpec("carbon_content_unit", .oneOf(["tC/TJ"]), required: true),
      ColumnSpec("oxidation_rate", .decimal, required: true),
      ColumnSpec("density", .decimal),
      ColumnSpec("density_unit", .oneOf(["kg/L"])),
    ] + validity + citation,
    uniqueColumns: ["parameter_id"],
    companions: [.init("density", requires: "density_unit")]
  )

  static let gwp = TableSchema(
    name: "gwp",
    columns: [
      ColumnSpec("gwp_set", .oneOf(GWPSet.allCases.map(\.rawValue)), required: true),
      ColumnSpec("gas", .identifier, required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("horizon_years", .integer(100...100), required: true),
    ] + citation
  )

  static let blends = TableSchema(
    name: "gwp_blends",
    columns: [
      ColumnSpec("blend", .identifier, required: true),
      ColumnSpec("component", .identifier, required: true),
      ColumnSpec("mass_fraction", .fraction, required: true),
    ] + citation
  )

  static let conversionCoefficients = TableSchema(
    name: "conversion_coefficients",
    columns: [
      ColumnSpec("coefficient_id", .identifier, required: true),
      ColumnSpec("quantity", .identifier, required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("unit", .identifier, required: true),
    ] + validity + citation,
    uniqueColumns: ["coefficient_id"]
  )

  static let sectorIntensities = TableSchema(
    name: "sector_intensities",
    columns: [
      ColumnSpec("intensity_id", .identifier, required: true),
      ColumnSpec("sector", .sector, required: true),
      ColumnSpec("metric", .oneOf(["revenue", "assets"]), required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("unit", .identifier, required: true),
      ColumnSpec("currency", .currency, required: true),
      ColumnSpec("year", .integer(1990...2100), required: true),
    ] + citation,
    uniqueColumns: ["intensity_id"]
  )

  static let regions = TableSchema(
    name: "regions",
    columns: [
      ColumnSpec("region", .identifier, required: true),
      ColumnSpec("parent", .identifier),
      ColumnSpec("name_zh", .text, required: true),
      ColumnSpec("name_en", .text, required: true),
    ] + citation,
    uniqueColumns: ["region"]
  )

  static let seriesDefaults = TableSchema(
    name: "series_defaults",
    columns: [
      ColumnSpec("activity", .identifier, required: true),
      ColumnSpec("region", .identifier, required: true),
      ColumnSpec("series", .identifier, required: true),
      ColumnSpec("source", .text, required: true),
    ]
  )

  static let regionMethods = TableSchema(
    name: "region_methods",
    columns: [
      ColumnSpec("region", .identifier, required: true),
      ColumnSpec("method", .oneOf(Methodology.allCases.map(\.rawValue)), required: true),
      ColumnSpec("fallback", .oneOf(Methodology.allCases.map(\.rawValue))),
      ColumnSpec("source", .text, required: true),
    ],
    uniqueColumns: ["region"]
  )

  static let regionProxies = TableSchema(
    name: "region_proxies",
    columns: [
      ColumnSpec("family", .oneOf(["freight", "travel", "waste", "water", "heat", "spend", "stationary", "mobile"]), required: true),
      ColumnSpec("region", .identifier, required: true),
      ColumnSpec("proxy_region", .identifier, required: true),
      ColumnSpec("source", .text, required: true),
    ]
  )

  static let fuelDensities = TableSchema(
    name: "fuel_densities",
    columns: [
      ColumnSpec("density_id", .identifier, required: true),
      ColumnSpec("fuel", .identifier, required: true),
      ColumnSpec("region", .identifier, required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("unit", .oneOf(["kg/L", "kg/m3", "kg/Nm3"]), required: true),
      ColumnSpec("basis", .text, required: true),
    ] + validity + citation,
    uniqueColumns: ["density_id"]
  )

  static let moneyConversions = TableSchema(
    name: "money_conversions",
    columns: [
      ColumnSpec("conversion_id", .identifier, required: true),
      ColumnSpec("kind", .oneOf(MoneyConversion.Kind.allCases.map(\.rawValue)), required: true),
      ColumnSpec("currency", .currency, required: true),
      ColumnSpec("base", .currency),
      ColumnSpec("data_year", .integer(1990...2100), required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("unit", .text, required: true),
    ] + citation,
    uniqueColumns: ["conversion_id"]
  )

  static let gradeThresholds = TableSchema(
    name: "grade_thresholds",
    columns: [
      ColumnSpec("scheme", .identifier, required: true),
      ColumnSpec("metric", .identifier, required: true),
      ColumnSpec("grade", .identifier, required: true),
      ColumnSpec("lower_exclusive", .decimal),
      ColumnSpec("upper_inclusive", .decimal),
      ColumnSpec("unit", .text, required: true),
      ColumnSpec("label_zh", .text, required: true),
      ColumnSpec("label_en", .text, required: true),
    ] + citation
  )

  static func schema(forKind kind: String) -> TableSchema? {
    switch kind {
    case "emission_factors": emissionFactors
    case "fuel_parameters": fuelParameters
    case "gwp": gwp
    case "gwp_blends": blends
    case "conversion_coefficients": conversionCoefficients
    case "sector_intensities": sectorIntensities
    case "regions": regions
    case "series_defaults": seriesDefaults
    case "grade_thresholds": gradeThresholds
    case "region_methods": regionMethods
    case "region_proxies": regionProxies
    case "fuel_densities": fuelDensities
    case "money_conversions": moneyConversions
    default: nil
    }
  }
}
