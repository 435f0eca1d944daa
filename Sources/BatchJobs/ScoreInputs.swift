import LoanBook
import ESGScoring
import FinancedEmissions
import Quantities
import Tabular

/// The profiles to score, read from accounts.csv, the entities and esg.csv.
struct ScoreInputs {
  var profiles: [ESGProfile] = []
  var rejected: [(RowError, String)] = []
  var read = 0

  static let accountsSchema = TableSchema(name: "accounts", columns: [
    ColumnSpec("entity_id", .identifier, required: true),
    ColumnSpec("period", .period, required: true),
    ColumnSpec("scope1_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("total_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("intensity_revenue", .nonNegativeDecimal),
    ColumnSpec("carbon_grade", .integer(1...5)),
    ColumnSpec("change_vs_base_year", .decimal),
    ColumnSpec("scope3_tco2e", .nonNegativeDecimal),
    ColumnSpec("intensity_revenue_scope12", .nonNegativeDecimal),
    ColumnSpec("base_year_comparison", .text),
  ])

  static func read(accounts: String, esg: String?, book: BorrowerBook, methodology: ScoringMethodology) throws -> ScoreInputs {
    var values: [String: [String: Double]] = [:]  // "entity|year" → indicator → value
    var sectors: [String: (String, Int, String)] = [:]
    var provenance: [String: [String: String]] = [:]  // "entity|year" → indicator → how its value was obtained
    func key(_ id: String, _ year: Int) -> String { "\(id)|\(year)" }
    try ReferenceTable.read(file: accounts, schema: accountsSchema) { r, c in
      let id = r.outputText(c["entity_id"])!
      let year = Int(r.text(c["period"])!.prefix(4))!
      guard let b = book[id] else {
        throw InputError(file: accounts, message: "line \(r.line): entity \(id) is not in the entities file")
      }
      var v: [String: Double] = [:]
      v["carbon_grade"] = r.decimal(c["carbon_grade"])
      // Scope 1 + 2 per revenue compares entities whether or not they report scope 3 (issue 21);
      // accounts.csv files written before it had the column give their total's intensity.
      v["carbon_intensity_revenue"] = r.decimal(c["intensity_revenue_scope12"]) ?? r.decimal(c["intensity_revenue"])
      v["emissions_change_vs_base_year"] = r.decimal(c["change_vs_base_year"])
      if let comparison = r.text(c["base_year_comparison"]), !comparison.isEmpty {
        provenance[key(id, year), default: [:]]["emissions_change_vs_base_year"] = "like for like: " + comparison
      }
      v["scope3_reported"] = r.decimal(c["scope3_tco2e"]).map { $0 > 0 ? 1 : 0 }
      v["emissions_verified"] = b.emissionsVerified.map { $0 ? 1 : 0 }
      values[key(id, year), default: [:]].merge(v) { a, _ in a }
      sectors[key(id, year)] = (id, year, b.sector)
    }
    var inputs = ScoreInputs()
    if let esg {
      let name = FileSystem.baseName(esg)
      let units = methodology.esgUnits
      let ranges = methodology.esgRanges
      let currentYear = Day.today().year
      var checker: RowChecker?
      var c: ColumnIndex?
      try CSVReader.read(file: esg) { r in
        guard let checker, let c else {
          let binding = try HeaderBinding(header: r.strings, schema: DataContract.esg, file: name)
          checker = RowChecker(schema: DataContract.esg, binding: binding, file: name)
          c = ColumnIndex(binding: binding, schema: DataContract.esg)
          return
        }
        inputs.read += 1
        func reject(_ column: String, _ reason: String) {
          inputs.rejected.append((RowError(file: name, line: r.line, column: c[column].map { $0 + 1 }, columnName: column,
                                           reason: reason), r.csvLine))
        }
        if let e = checker.check(r) { inputs.rejected.append((e, r.csvLine)); return }
        let id = r.text(c["entity_id"])!
        let year = Int(r.decimal(c["year"])!)
        let indicator = r.text(c["indicator"])!
        guard let b = book[id] else {
          reject("entity_id", book.rejectedIDs[id].map { "entity \(id) was rejected at \($0) (see rejects.csv); correct that row" }
            ?? "entity \(id) is not in the entities file")
          return
        }
        guard let unit = units[indicator] else {
          reject("indicator", "indicator \"\(indicator)\" is not scored by \(methodology.id)@\(methodology.version); "
            + "known: \(units.keys.sorted().joined(separator: ", "))")
          return
        }
        guard r.text(c["unit"]) == unit else {
          reject("unit", "expected unit \"\(unit)\" for \(indicator), found \"\(r.text(c["unit"]) ?? "")\"")
          return
        }
        guard values[key(id, year)]?[indicator] == nil else {
          reject("indicator", "\(indicator) of \(id) \(year) is given twice")
          return
        }
        let value = r.decimal(c["value"])!
        if let range = ranges[indicator], !range.contains(value) {
          reject("value", "\(indicator) must be \(range) (the methodology's valid_range), found \"\(r.text(c["value"]) ?? "")\"")
          return
        }
        guard year <= currentYear else {
          reject("year", "year \(year) is after the current year \(currentYear); ESG values are observations")
          return
        }
        values[key(id, year), default: [:]][indicator] = value
        sectors[key(id, year)] = (id, year, b.sector)
      }
    }
    inputs.profiles = sectors.values.map { id, year, sector in
      ESGProfile(entityID: id, year: year, sector: sector, values: values[key(id, year)] ?? [:],
                 provenance: provenance[key(id, year)] ?? [:])
    }
    return inputs
  }
}
