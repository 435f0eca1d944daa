/// The input files of the data contract (DESIGN.md, "Data contract"), as schemas.
///
/// Files written to this contract are read by tests outside the repository: columns are
/// only ever added, as optional ones.
public enum DataContract {
  /// The asset classes of loans.csv (PCAF Part A's eight asset classes).
  public static let assetClasses = [
    "business_loan", "listed_equity", "corporate_bond", "project_finance",
    "commercial_real_estate", "mortgage", "motor_vehicle_loan", "sovereign_debt",
  ]

  /// Contractual instruments of activities.csv's `instrument` column (market-based scope 2).
  public static let instruments = ["gec", "irec", "ppa", "green_power"]

  /// Activity families of the activity vocabulary (EmissionFactors/README.md).
  public static let activityFamilies = [
    "electricity", "heat", "stationary", "mobile", "fugitive", "process", "spend",
    "freight", "travel", "waste", "water", "certificate",
  ]

  /// activities.csv: one row per activity quantity of an enterprise.
  public static let activities = TableSchema(
    name: "activities",
    columns: [
      ColumnSpec("entity_id", .identifier, required: true),
      ColumnSpec("period", .period, required: true),
      ColumnSpec("activity", .activity, required: true),
      ColumnSpec("quantity", .nonNegativeDecimal, required: true),
      ColumnSpec("unit", .unit, required: true),
      ColumnSpec("region", .region),
      ColumnSpec("facility_id", .identifier),
      ColumnSpec("ncv", .nonNegativeDecimal),
      ColumnSpec("ncv_unit", .identifier),
      ColumnSpec("carbon_content", .nonNegativeDecimal),
      ColumnSpec("oxidation_rate", .fraction),
      ColumnSpec("supplier_factor", .nonNegativeDecimal),
      ColumnSpec("instrument", .oneOf(instruments)),
      ColumnSpec("scope3_category", .integer(1...15)),
      ColumnSpec("density", .nonNegativeDecimal),
      ColumnSpec("density_unit", .oneOf(["kg/L", "kg/m3", "t/m3", "kg/Nm3"])),
      // Purchased steam's specific enthalpy (kJ/kg), or its absolute pressure (MPa) and
      // temperature (°C); hot water's supply temperature.
      ColumnSpec("enthalpy", .nonNegativeDecimal),
      ColumnSpec("temperature", .decimal),
      ColumnSpec("pressure", .nonNegativeDecimal),
      // The row's line in the original activities.csv when an engine (Spark) has split the file.
      ColumnSpec("source_line", .integer(2...Int.max)),
    ],
    companions: [.init("ncv", requires: "ncv_unit"), .init("ncv_unit", requires: "ncv"),
                 .init("density", requires: "density_unit"), .init("density_unit", requires: "density")]
  )

  /// borrowers.csv: one row per borrower (enterprise).
  public static let borrowers = TableSchema(
    name: "borrowers",
    columns: [
      ColumnSpec("borrower_id", .identifier, required: true),
      ColumnSpec("name", .text),
      ColumnSpec("sector", .sector, required: true),
      ColumnSpec("country", .country, required: true),
      ColumnSpec("region", .region),
      ColumnSpec("listed", .boolean),
      ColumnSpec("currency", .currency, required: true),
      ColumnSpec("revenue", .nonNegativeDecimal),
      ColumnSpec("evic", .nonNegativeDecimal),
      ColumnSpec("total_equity", .decimal),  // negative equity exists; PCAF sets it to 0
      ColumnSpec("total_debt", .nonNegativeDecimal),
      ColumnSpec("reported_scope1", .nonNegativeDecimal),
      ColumnSpec("reported_scope2", .nonNegativeDecimal),
      ColumnSpec("reported_scope3", .nonNegativeDecimal),
      ColumnSpec("emissions_year", .integer(1900...2100)),
      ColumnSpec("emissions_verified", .boolean),
      ColumnSpec("output_quantity", .nonNegativeDecimal),
      ColumnSpec("output_unit", .identifier),
      ColumnSpec("value_added", .decimal),
      ColumnSpec("total_assets", .nonNegativeDecimal),
    ],
    uniqueColumns: ["borrower_id"],
    companions: [.init("output_quantity", requires: "output_unit")],
    regionInCountry: .init(region: "region", country: "country")
  )

  /// loans.csv: one row per loan or investment.
  public static let loans = TableSchema(
    name: "loans",
    columns: [
      ColumnSpec("loan_id", .identifier, required: true),
      ColumnSpec("borrower_id", .identifier),
      ColumnSpec("asset_class", .oneOf(assetClasses), required: true),
      ColumnSpec("currency", .currency, required: true),
      ColumnSpec("outstanding", .nonNegativeDecimal, required: true),
      ColumnSpec("origination_date", .date),
      ColumnSpec("use_of_proceeds", .text),
      ColumnSpec("declared_green_code", .identifier),
      ColumnSpec("project_type", .identifier),
      ColumnSpec("project_region", .region),
      ColumnSpec("project_value", .nonNegativeDecimal),
      ColumnSpec("property_value", .nonNegativeDecimal),
      ColumnSpec("floor_area_m2", .nonNegativeDecimal),
      ColumnSpec("energy_kwh", .nonNegativeDecimal),
      ColumnSpec("epc_label", .identifier),
      ColumnSpec("capacity_mw", .nonNegativeDecimal),
      ColumnSpec("annual_generation_mwh", .nonNegativeDecimal),
      ColumnSpec("lifecycle_gco2e_per_kwh", .nonNegativeDecimal),
      ColumnSpec("vehicle_gco2_per_km", .nonNegativeDecimal),
      ColumnSpec("annual_km", .nonNegativeDecimal),
      ColumnSpec("annual_energy_saving_tce", .nonNegativeDecimal),
      // The day the green product was approved (decides the historical standard, 银发〔2025〕132号 三).
      ColumnSpec("approval_date", .date),
      // Power usage effectiveness of a financed data centre (GB 40879 电能比).
      ColumnSpec("pue", .nonNegativeDecimal),
      // The row's line in the original loans.csv when an engine (Spark) has split the file: the
      // outputs and rejects carry it, and a shard holds exactly the rows it is given.
      ColumnSpec("source_line", .integer(2...Int.max)),
    ],
    uniqueColumns: ["loan_id"]
  )

  /// esg.csv: long-format ESG indicators.
  public static let esg = TableSchema(
    name: "esg",
    columns: [
      ColumnSpec("entity_id", .identifier, required: true),
      ColumnSpec("year", .integer(1900...2100), required: true),
      ColumnSpec("indicator", .identifier, required: true),
      ColumnSpec("value", .decimal, required: true),
      ColumnSpec("unit", .identifier),
      ColumnSpec("source", .text),
    ]
  )

  /// The schema for a kind name: `loans`, `borrowers`, `activities` or `esg`.
  public static func schema(named name: String) -> TableSchema? {
    [loans, borrowers, activities, esg].first { $0.name == name }
  }
}
