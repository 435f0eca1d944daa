import LoanBook
import FactorTables
import Quantities
public import Tabular

/// Decodes activities.csv records (data contract) into ``ActivityRecord``s, straight from
/// the bytes. Repeated texts (activity keys, regions, units) are interned so that a file of
/// millions of rows allocates per distinct value, not per row.
public struct ActivityDecoder: Sendable {
  private let file: String
  private let header: [String]
  private let index: [String: Int]
  private var units = UnitCache()
  private var texts = TextCache()
  private let instruments = Vocabulary(Instrument.allCases.map(\.rawValue))
  /// Field positions of the contract's columns, resolved once (no name look-up per row).
  private let at: Positions

  private struct Positions: Sendable {
    let entity, period, activity, quantity, unit, region, facility, ncv, ncvUnit, carbonContent, density, densityUnit,
      oxidationRate, supplierFactor, instrument, scope3Category, enthalpy, temperature, pressure: Int?
  }

  /// Binds the decoder to a file's header.
  ///
  /// - Throws: `InputError` naming missing required columns.
  public init(header: [String], file: String) throws(InputError) {
    let binding = try HeaderBinding(header: header, schema: DataContract.activities, file: file)
    self.file = file
    self.header = binding.header
    var index: [String: Int] = [:]
    for (spec, i) in zip(DataContract.activities.columns, binding.fieldIndex) where i != nil {
      index[spec.name] = i
    }
    self.index = index
    at = Positions(
      entity: index["entity_id"], period: index["period"], activity: index["activity"], quantity: index["quantity"],
      unit: index["unit"], region: index["region"], facility: index["facility_id"], ncv: index["ncv"],
      ncvUnit: index["ncv_unit"], carbonContent: index["carbon_content"], density: index["density"],
      densityUnit: index["density_unit"], oxidationRate: index["oxidation_rate"],
      supplierFactor: index["supplier_factor"], instrument: index["instrument"], scope3Category: index["scope3_category"],
      enthalpy: index["enthalpy"], temperature: index["temperature"], pressure: index["pressure"])
  }

  /// The 1-based field number of contract column `name` in this file (column order is free).
  public func fieldNumber(of name: String) -> Int? { index[name].map { $0 + 1 } }

  /// The position of `entity_id` in the header (for assigning rows to shards by entity).
  public var entityIndex: Int? { at.entity }

  /// Columns of the header that the contract does not know.
  public var unknownColumnsWarning: String? {
    (try? HeaderBinding(header: header, schema: DataContract.activities, file: file))?.unknownColumnsWarning
  }

  /// The record, or why the row must be rejected.
  public mutating func decode(_ record: borrowing CSVRecord) -> Result<ActivityRecord, RowError> {
    if let issue = record.issue {
      return .failure(RowError(file: file, line: record.line, column: issue.column,
                               columnName: issue.column <= header.count ? header[issue.column - 1] : nil,
                               reason: issue.reason))
    }
    guard record.count == header.count else {
      return .failure(RowError(file: file, line: record.line, column: nil, columnName: nil, reason:
        "expected \(header.count) fields as in the header, found \(record.count)"))
    }
    var column = ""
    do throws(FieldIssue) {
      func field(_ i: Int?) -> CSVRecord.Field? {
        guard let i else { return nil }
        let f = record[i]
        return f.isEmpty ? nil : f
      }
      func required(_ i: Int?, _ name: String) throws(FieldIssue) -> CSVRecord.Field {
        column = name
        guard let f = field(i) else { throw FieldIssue(expected: "a value", detail: "required value is missing") }
        return f
      }
      let entityField = try required(at.entity, "entity_id")
      try FieldParser.checkIdentifier(entityField)
      let entity = EntityID(texts.text(entityField))
      let period = try FieldParser.period(try required(at.period, "period"))
      let activityField = try required(at.activity, "activity")
      let activity = FieldParser.isVocabularyActivity(activityField)
        ? texts.text(activityField) : try FieldParser.activityKey(activityField)
      let quantity = try FieldParser.nonNegativeDecimal(try required(at.quantity, "quantity"))
      let unit = try units.unit(try required(at.unit, "unit"))
      var r = ActivityRecord(entity: entity, period: period, activity: activity,
                             quantity: Quantity(quantity, unit), origin: RecordOrigin(file: file, line: record.line))
      column = "region"
      if let f = field(at.region) { r.region = try FieldParser.regionName(f) ?? texts.text(f) }
      column = "facility_id"
      if let f = field(at.facility) { try FieldParser.checkIdentifier(f); r.facility = texts.text(f) }
      column = "ncv"
      if let f = field(at.ncv) {
        let value = try FieldParser.nonNegativeDecimal(f)
        column = "ncv_unit"
        guard let u = field(at.ncvUnit) else { throw FieldIssue(expected: "an NCV unit such as GJ/t", detail: "required when ncv is given") }
        let perUnit = try PerUnit(parsing: texts.text(u))
        column = "ncv"
        guard FuelParameterBounds.isPlausibleNCV(value, perUnit) else {
          throw FieldIssue(expected: "a measured NCV within the review range of fuels (5–60 GJ/t, 2–60 MJ/Nm³)",
                           detail: "\(DecimalFormat.shortest(value)) \(perUnit) is outside it; check the unit (MJ vs GJ) and the decimal point")
        }
        r.measured.ncv = (value, perUnit)
      } else if field(at.ncvUnit) != nil {
        column = "ncv"
        throw FieldIssue(expected: "a value", detail: "required when ncv_unit is given")
      }
      column = "carbon_content"
      if let f = field(at.carbonContent) {
        let value = try FieldParser.nonNegativeDecimal(f)
        guard FuelParameterBounds.carbonContent.contains(value) else {
          throw FieldIssue(expected: "a carbon content within the review range of fuels, 5–120 tC/TJ",
                           detail: "outside it; check the unit (tC/TJ, not kgC/GJ × 100 or tC/t)")
        }
        r.measured.carbonContent = value
      }
      column = "oxidation_rate"
      if let f = field(at.oxidationRate) {
        let value = try FieldParser.fraction(f)
        guard FuelParameterBounds.isValidOxidationRate(value) else {
          throw FieldIssue(expected: "an oxidation rate above 0 and at most 1 (98 % is 0.98)")
        }
        r.measured.oxidationRate = value
      }
      column = "density"
      if let f = field(at.density) {
        let value = try FieldParser.nonNegativeDecimal(f)
        column = "density_unit"
        guard let u = field(at.densityUnit) else { throw FieldIssue(expected: "a density unit such as kg/L", detail: "required when density is given") }
        let unit = try PerUnit(parsing: texts.text(u))
        let kgPerBase = value * unit.numerator.sizeInBaseUnit / 1_000 / unit.denominator.sizeInBaseUnit
        column = "density"
        let range = unit.denominator.dimension == .volume ? FuelParameterBounds.density : FuelParameterBounds.gasDensity
        guard unit.numerator.dimension == .mass, range.contains(kgPerBase) else {
          throw FieldIssue(expected: "a fuel density within \(DecimalFormat.shortest(range.lowerBound))–\(DecimalFormat.shortest(range.upperBound)) kg/\(unit.denominator.dimension == .volume ? "L" : "Nm3")",
                           detail: "\(DecimalFormat.shortest(value)) \(unit) is outside it; check the unit (kg/L vs kg/m3)")
        }
        r.measured.density = (value, unit)
      } else if field(at.densityUnit) != nil {
        column = "density"
        throw FieldIssue(expected: "a value", detail: "required when density_unit is given")
      }
      column = "supplier_factor"
      if let f = field(at.supplierFactor) { r.supplierFactor = try FieldParser.nonNegativeDecimal(f) }
      column = "instrument"
      if let f = field(at.instrument) { r.instrument = Instrument.allCases[try instruments.index(of: f)] }
      column = "scope3_category"
      if let f = field(at.scope3Category) { r.scope3Category = try FieldParser.integer(f, in: 1...15) }
      column = "enthalpy"
      if let f = field(at.enthalpy) {
        let value = try FieldParser.nonNegativeDecimal(f)
        guard SteamHeat.plausibleEnthalpy.contains(value) else {
          throw FieldIssue(expected: "a steam enthalpy of 100–4000 kJ/kg",
                           detail: "\(DecimalFormat.shortest(value)) is outside it; check the unit (kJ/kg, not MJ/kg or kcal/kg)")
        }
        r.enthalpy = value
      }
      column = "temperature"
      if let f = field(at.temperature) {
        let value = try FieldParser.decimal(f)
        guard SteamHeat.plausibleTemperature.contains(value) else {
          throw FieldIssue(expected: "a steam or hot-water temperature of 0–800 °C",
                           detail: "\(DecimalFormat.shortest(value)) is outside it; check the unit (°C, not K or °F)")
        }
        r.temperature = value
      }
      column = "pressure"
      if let f = field(at.pressure) {
        let value = try FieldParser.nonNegativeDecimal(f)
        guard SteamHeat.plausiblePressure.contains(value) else {
          throw FieldIssue(expected: "an absolute steam pressure of 0.001–16.5 MPa",
                           detail: "\(DecimalFormat.shortest(value)) is outside it; check the unit (MPa, not kPa or bar)")
        }
        r.pressure = value
      }
      return .success(r)
    } catch {
      let i = index[column] ?? 0
      return .failure(RowError(file: file, line: record.line, column: i + 1, columnName: column,
                               issue: error, found: record[i]))
    }
  }
}

extension SectorBenchmark {
  /// The schema of benchmarks.csv.
  public static let schema = TableSchema(name: "benchmarks", columns: [
    ColumnSpec("sector", .sector, required: true),
    ColumnSpec("region", .region),
    ColumnSpec("period", .period, required: true),
    ColumnSpec("metric", .oneOf(["carbon_intensity_value_added"]), required: true),
    ColumnSpec("value", .nonNegativeDecimal, required: true),
    ColumnSpec("unit", .oneOf(["tCO2/10^4 CNY"]), required: true),
    ColumnSpec("source", .text, required: true),
  ])

  /// Reads a benchmarks.csv file; any invalid row is an input error (benchmarks are few and
  /// must all be right).
  public static func read(file path: String) throws -> [SectorBenchmark] {
    var result: [SectorBenchmark] = []
    var checker: RowChecker?
    var index: [String: Int] = [:]
    try CSVReader.read(file: path) { record in
      guard let checker else {
        let binding = try HeaderBinding(header: record.strings, schema: schema, file: path)
        checker = RowChecker(schema: schema, binding: binding, file: path)
        for (spec, i) in zip(schema.columns, binding.fieldIndex) where i != nil { index[spec.name] = i }
        return
      }
      if let error = checker.check(record) { throw InputError(file: path, message: error.description) }
      func text(_ name: String) -> String? {
        guard let i = index[name], !record[i].isEmpty else { return nil }
        return record.string(at: i)
      }
      let period = text("period")!
      result.append(SectorBenchmark(sector: text("sector")!, region: text("region"),
                                    year: Int(period.prefix(4))!, value: Double(text("value")!)!,
                                    source: text("source")!))
    }
    return result
  }
}
