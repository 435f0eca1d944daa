import Accounting
import FactorTables
import Quantities
import Tabular
import Testing

/// Input as a person writes it (issue 17 item 9): header names in any case with blanks,
/// Excel's trailing empty header columns, province names, half years, densities.
@Suite("Input a person writes")
struct WrittenInputTests {
  @Test func headersIgnoreCaseBlanksAndTrailingEmptyColumns() throws {
    let header = ["Entity_ID ", " PERIOD", "Activity", "quantity", "UNIT", "Region", "", ""]
    let binding = try HeaderBinding(header: header, schema: DataContract.activities, file: "a.csv")
    #expect(binding.fieldIndex(of: "entity_id", in: DataContract.activities) == 0)
    #expect(binding.fieldIndex(of: "region", in: DataContract.activities) == 5)
    #expect(binding.unknownColumns.isEmpty)
    // An empty name between named columns is still an error: data would sit in a nameless column.
    #expect(throws: InputError.self) {
      try HeaderBinding(header: ["entity_id", "", "period", "activity", "quantity", "unit"],
                        schema: DataContract.activities, file: "a.csv")
    }
  }

  @Test func provinceAndCountryNamesMapToISOCodes() throws {
    func code(_ text: String) throws -> String? {
      try Array(text.utf8).withUnsafeBufferPointer { b throws(FieldIssue) in try FieldParser.regionName(b) }
    }
    // ISO 3166-2:CN names and their zh_CN translations (Debian iso-codes).
    for name in ["浙江", "浙江省", "Zhejiang", "zhejiang province", "Zhejiang Sheng"] { #expect(try code(name) == "CN-ZJ") }
    #expect(try code("内蒙古") == "CN-NM" && code("Inner Mongolia") == "CN-NM")
    #expect(try code("广西壮族自治区") == "CN-GX")
    #expect(try code("香港") == "HK" && code("Germany") == "DE")
    #expect(try code("CN-ZJ") == nil)  // already a code
    // Grid regions of the factor tables (eGRID subregions, China's regional grids) are codes too.
    #expect(try code("US-EGRID-CAMX") == nil && code("CN-GRID-EAST") == nil)
    #expect {
      try code("US-EGRID-NYUX")
    } throws: { error in
      "\(error)".contains("did you mean US-EGRID-NYUP?")
    }
    #expect {
      try code("CN-ZJJ")
    } throws: { error in
      "\(error)".contains("did you mean CN-ZJ?")
    }
  }

  @Test func aDecodedRowTakesTheNamedRegionsCode() throws {
    var decoder = try ActivityDecoder(header: ["entity_id", "period", "activity", "quantity", "unit", "region"], file: "a.csv")
    var outcome: Result<ActivityRecord, RowError>?
    try CSVReader.read(bytes: Array("E1,2024H1,electricity.grid,10,万度,浙江省\n".utf8)) { outcome = decoder.decode($0) }
    let record = try #require(try outcome?.get())
    #expect(record.region == "CN-ZJ")
    #expect(record.period == Period.half(1, of: 2024))
    #expect(try record.quantity.value(in: .kilowattHours) == 100_000)
  }

  @Test func aMeasuredDensityTurnsLitresIntoTonnes() throws {
    var a = accounting()
    var r = record("E1", .year(2023)!, "mobile.diesel", 10_000, "L")
    r.measured.density = (0.835, try PerUnit(parsing: "kg/L"))
    let line = try a.add(r)[0]
    // 10 000 L × 0.835 kg/L = 8.35 t; GB/T 32151 diesel 42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12.
    #expect(close(line.tonnesCO2e, 8.35 * 42.652 * 20.2e-3 * 0.98 * 44 / 12))
    #expect(line.method.contains("measured density"))
    // A density per Nm3 does not fit litres.
    r.measured.density = (0.7, try PerUnit(parsing: "kg/Nm3"))
    #expect(throws: AccountingError.self) { try a.add(r) }
  }

  @Test func aHalfYearOverlapsItsQuartersAndIsRejected() throws {
    let periods = [Period.half(1, of: 2024)!, .quarter(1, of: 2024)!, .quarter(2, of: 2024)!, .quarter(3, of: 2024)!]
    let records = periods.map { p in record("E1", p, "electricity.grid", 10, "MWh") }
    var first = accounting()
    for r in records { try first.add(r) }
    let overlaps = first.periodOverlaps()
    #expect(overlaps.count == 1)
    var second = accounting()
    second.rejectingOverlaps = overlaps
    var rejected: [String] = []
    for r in records {
      do { try second.add(r) } catch { rejected.append(r.period.description) }
    }
    // H1 overlaps Q1 and Q2 (not Q3): the half is rejected, the quarters kept.
    #expect(rejected == ["2024-H1"])
  }

  @Test func activityKeysAreReadInAnyCaseWithSeparatorsAndStandardFuelNames() {
    let spelled: [(String, String?)] = [
      ("Electricity.Grid", "electricity.grid"), (" electricity.grid ", "electricity.grid"),
      ("fugitive.R-410A", "fugitive.r410a"), ("fugitive.HFC-134a", "fugitive.hfc134a"), ("fugitive.SF6", "fugitive.sf6"),
      ("stationary.Raw Coal", "stationary.raw_coal"), ("STATIONARY.natural-gas", "stationary.natural_gas"),
      // GB/T 32151.1-2015 Table B.1 names.
      ("stationary.原煤", "stationary.raw_coal"), ("mobile.柴油", "mobile.diesel"), ("stationary.焦炉煤气", "stationary.coke_oven_gas"),
      // EPA Hub 2024 Table 1 row names, IPCC 2006 Table 1.2 names, DESNZ's petrol.
      ("stationary.Distillate Fuel Oil No. 2", "stationary.diesel"), ("stationary.Residual Fuel Oil No. 6", "stationary.fuel_oil"),
      ("stationary.Wood and Wood Residuals", "stationary.wood"), ("stationary.Coal Coke", "stationary.coke"),
      ("mobile.Kerosene-Type Jet Fuel", "mobile.jet_kerosene"), ("stationary.Gas/Diesel Oil", "stationary.diesel"),
      ("mobile.petrol", "mobile.gasoline"), ("stationary.Liquefied Petroleum Gases (LPG)", "stationary.lpg"),
      // Not keys: no family, an unknown family, a name left with other characters.
      ("grid", nil), ("refrigerant.r410a", nil), ("stationary.煤", nil), ("electricity.", nil),
    ]
    for (text, key) in spelled { #expect(ActivityKeySpelling.canonical(text) == key, "\(text)") }
    // A fuel name of another family is not rewritten: "petrol" is a fuel only when burnt.
    #expect(ActivityKeySpelling.canonical("spend.petrol") == "spend.petrol")
  }

  @Test func aRowWithAWrittenKeyIsAccountedUnderTheVocabularyKey() throws {
    var decoder = try ActivityDecoder(header: ["entity_id", "period", "activity", "quantity", "unit"], file: "a.csv")
    var keys: [String] = []
    let rows = "E1,2024,stationary.petrol,1,t\nE1,2024,Fugitive.R-32,1,kg\nE1,2024,mobile.柴油,1,t\nE1,2024,stationary.diesel,1,t\n"
    try CSVReader.read(bytes: Array(rows.utf8)) { keys.append(try decoder.decode($0).get().activity) }
    #expect(keys == ["stationary.gasoline", "fugitive.r32", "mobile.diesel", "stationary.diesel"])
    // validate accepts what account accepts, and says what a key is when none is written.
    for (text, valid) in [("stationary.petrol", true), ("Electricity.Grid", true), ("refrigerant.r22", false)] {
      let checked = Array(text.utf8).withUnsafeBufferPointer { b in (try? FieldParser.checkActivity(b)) != nil }
      #expect(checked == valid, "\(text)")
    }
  }

  @Test func anUnknownFuelNamesTheNearestKnownOne() {
    var a = accounting()
    #expect {
      try a.add(record("E1", .year(2024)!, "stationary.desel", 10, "t"))
    } throws: { error in
      "\(error)".contains("did you mean diesel?")
    }
  }
}
