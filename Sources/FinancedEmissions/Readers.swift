public import LoanBook
public import Quantities
public import Tabular
public import FactorTables

/// The borrowers of a run, by id.
public struct BorrowerBook: Sendable {
  /// The borrowers, in insertion order.
  public private(set) var borrowers: [Enterprise] = []
  private var index = ByteKeyTable()
  /// Where rejected rows of the borrowers file were (id → `file:line`).
  public var rejectedIDs: [String: String] = [:]

  /// Why a loan's `borrower_id` finds no borrower: rejected at its line, or not in the file.
  public func missingBorrowerReason(_ id: String) -> String {
    if let place = rejectedIDs[id] { return "borrower \"\(id)\" was rejected at \(place) (see rejects.csv); correct that row" }
    return "unknown borrower \"\(id)\"; it is not in the borrowers file"
  }

  /// A book of `borrowers`; of repeated ids the first is kept.
  public init(_ borrowers: [Enterprise] = []) {
    self.init(capacity: borrowers.count)
    for b in borrowers { insert(b) }
  }

  /// An empty book with room for `capacity` borrowers.
  public init(capacity: Int) {
    borrowers.reserveCapacity(capacity)
    index = ByteKeyTable(capacity: capacity)
  }

  /// Adds `borrower`; returns `false` (and keeps the first) if its id is already present.
  @discardableResult
  public mutating func insert(_ borrower: Enterprise) -> Bool {
    guard index.insert(borrower.id.rawValue, value: borrowers.count) else { return false }
    borrowers.append(borrower)
    return true
  }

  /// The borrower with `id`.
  public subscript(id: String) -> Enterprise? { index.value(for: id).map { borrowers[$0] } }

  /// The position of borrower `id` in ``borrowers``.
  public func position(of id: String) -> Int? { index.value(for: id) }

  /// The position of the borrower whose id has these UTF-8 bytes.
  @inline(__always)
  package func position(ofField i: Int?, in record: borrowing CSVRecord) -> Int? { index.value(forField: i, of: record) }

  /// The number of borrowers.
  public var count: Int { borrowers.count }
}

extension BorrowerBook {
  /// Reads a borrowers.csv file (data contract) on `threads` threads; invalid rows are
  /// returned, not thrown, in file order.
  ///
  /// Only the ``usedColumns`` are checked and decoded: a borrower is not rejected for a column
  /// financed emissions do not read, and those fields of its `Enterprise` stay `nil`
  /// (`Enterprise.read(file:displayName:threads:)` checks and decodes them all).
  ///
  /// - Throws: `InputError` if the file cannot be read or lacks required columns.
  public static func read(file path: String, displayName: String? = nil, threads: Int = 1) throws
    -> (book: BorrowerBook, rejected: [(RowError, String)], read: Int, warnings: [String])
  {
    // The book's own index checks the ids unique (no second table for a clean file).
    var book = BorrowerBook()
    let file = try ContractRows.read(
      file: path, name: displayName ?? path, contract: DataContract.borrowers,
      checked: DataContract.borrowers.restricted(to: usedColumns), threads: threads,
      columns: { EnterpriseColumns($0, checked: usedColumns) }, decode: { record, columns in columns.enterprise(record) },
      areUnique: { rows in
        book = BorrowerBook(capacity: rows.count)
        return rows.allSatisfy { book.insert($0) }
      })
    if book.count != file.rows.count { book = BorrowerBook(file.rows) }  // read again: the repeats were rejected
    book.rejectedIDs = file.rejectedIDs
    return (book, file.rejected, file.read, file.warnings)
  }

  /// The borrowers.csv columns financed emissions read and therefore validate.
  public static let usedColumns: Set<String> = [
    "borrower_id", "sector", "country", "region", "listed", "currency", "revenue", "evic", "total_equity",
    "total_debt", "total_assets", "reported_scope1", "reported_scope2", "reported_scope3", "emissions_year",
    "emissions_verified",
  ]
}

extension ExchangeRates {
  /// The schema of an `--fx` file: `currency, cny_per_unit[, date][, source]` (units of the
  /// reporting currency CNY per unit of `currency`).
  public static let schema = TableSchema(name: "fx", columns: [
    ColumnSpec("currency", .currency, required: true),
    ColumnSpec("cny_per_unit", .nonNegativeDecimal, required: true),
    ColumnSpec("date", .date),
    ColumnSpec("source", .text),
    ColumnSpec("note", .text),
  ], uniqueColumns: ["currency"])

  /// The rates a file may give, in units of the reporting currency per unit: a review bound
  /// that catches a slipped decimal point or an exponent typo, not a market limit (1 CNY is
  /// worth far fewer than 10⁷ units of any currency in circulation, and no currency unit is
  /// worth 10⁷ CNY).
  public static let plausibleRates: ClosedRange<Double> = 1e-7...1e7

  /// Reads an `--fx` file; every row must be valid, every rate positive and within
  /// ``plausibleRates``, and a row for the reporting currency itself must say 1 (its own rate
  /// by definition).
  ///
  /// - Throws: `InputError` naming the line, the column and the text found.
  public static func read(file path: String, reportingCurrency: Currency = .cny) throws -> ExchangeRates {
    var rates: [Rate] = []
    try ReferenceTable.read(file: path, schema: schema) { record, c in
      let value = record.decimal(c["cny_per_unit"])!
      let text = record.text(c["cny_per_unit"]) ?? ""
      let currency = record.currency(c["currency"])!
      guard value > 0 else {
        throw InputError(file: path, message: "line \(record.line): cny_per_unit must be > 0, found \"\(text)\"")
      }
      guard currency != reportingCurrency || value == 1 else {
        throw InputError(file: path, message: "line \(record.line): cny_per_unit of \(currency) is \"\(text)\", but "
          + "\(reportingCurrency) is the reporting currency, whose rate is 1 by definition; write 1 or drop the row")
      }
      guard plausibleRates.contains(value) else {
        throw InputError(file: path, message: "line \(record.line): cny_per_unit \"\(text)\" for \(currency) is outside "
          + "the plausible range 1e-7…1e7 CNY per unit; check the decimal point and the direction of the rate")
      }
      rates.append(Rate(currency: currency, value: value,
                        date: record.field(c["date"]).flatMap { try? FieldParser.date($0) },
                        source: record.text(c["source"]) ?? record.text(c["note"])))
    }
    return ExchangeRates(reportingCurrency: reportingCurrency, rates: rates)
  }
}

extension SectorIntensityTable {
  /// `prefix, tco2e_per_million_cny[, label][, note]`: revenue intensities per million CNY
  /// (the layout of the benchmark's sector_intensity.csv).
  public static let prefixSchema = TableSchema(name: "sector_intensity", columns: [
    ColumnSpec("prefix", .sector, required: true),
    ColumnSpec("tco2e_per_million_cny", .nonNegativeDecimal, required: true),
    ColumnSpec("label", .text),
    ColumnSpec("note", .text),
  ], uniqueColumns: ["prefix"])

  /// Reads a sector-intensity file in the ``prefixSchema`` layout.
  public static func read(file path: String) throws -> SectorIntensityTable {
    var rows: [EconomicIntensity] = []
    try ReferenceTable.read(file: path, schema: prefixSchema) { record, c in
      let prefix = record.text(c["prefix"])!
      rows.append(EconomicIntensity(id: "\(prefix)", sectorPrefix: prefix, basis: .revenue,
                                  tonnesPerMillion: record.decimal(c["tco2e_per_million_cny"])!, currency: .cny,
                                  year: nil, source: record.text(c["note"]) ?? path))
    }
    return SectorIntensityTable(rows)
  }
}

extension SectorIntensityTable {
  /// The sector intensities of a factor set (dataset `sector-intensities`), converted to
  /// tonnes per million of their currency. Rows whose unit is not mass per money are skipped.
  public init(factorSet: FactorSet) {
    self.init(factorSet.sectorIntensities.compactMap { s in
      guard let money = try? UnitOfMeasure(parsing: s.currency.code), let perUnit = try? s.unit.perUnit.conversionFactor(to: money)
      else { return nil }
      return EconomicIntensity(id: s.id, sectorPrefix: s.sector, basis: s.metric == "assets" ? .assets : .revenue,
                               tonnesPerMillion: s.unit.tonnes(of: s.value) / perUnit * 1_000_000, currency: s.currency,
                               year: s.year, source: "\(s.citation.publisher), \(s.citation.source)")
    })
  }
}

extension CountryData {
  /// `country, year, gdp_ppp, emissions_excl_lulucf[, emissions_incl_lulucf][, verified], source`:
  /// GDP in current international dollars, emissions in tCO2e.
  public static let schema = TableSchema(name: "countries", columns: [
    ColumnSpec("country", .country, required: true),
    ColumnSpec("year", .integer(1990...2100), required: true),
    ColumnSpec("gdp_ppp", .nonNegativeDecimal, required: true),
    ColumnSpec("emissions_excl_lulucf", .nonNegativeDecimal, required: true),
    ColumnSpec("emissions_incl_lulucf", .decimal),
    ColumnSpec("verified", .boolean),
    ColumnSpec("source", .text, required: true),
  ])

  /// Reads a countries file; every row must be valid.
  public static func read(file path: String) throws -> [CountryData] {
    var rows: [CountryData] = []
    try ReferenceTable.read(file: path, schema: schema) { record, c in
      rows.append(CountryData(country: record.text(c["country"])!, year: Int(record.decimal(c["year"])!),
                              gdpPPP: record.decimal(c["gdp_ppp"])!,
                              emissionsExcludingLULUCF: record.decimal(c["emissions_excl_lulucf"])!,
                              emissionsIncludingLULUCF: record.decimal(c["emissions_incl_lulucf"]),
                              isVerified: record.boolean(c["verified"]) ?? false, source: record.text(c["source"])!))
    }
    return rows
  }
}

extension AccountEmissions {
  /// The columns of accounts.csv (output of `greenledger account`) that financed emissions use.
  public static let schema = TableSchema(name: "accounts", columns: [
    ColumnSpec("entity_id", .identifier, required: true),
    ColumnSpec("period", .period, required: true),
    ColumnSpec("scope1_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("scope2_location_tco2e", .nonNegativeDecimal, required: true),
    ColumnSpec("scope3_tco2e", .nonNegativeDecimal),
  ])

  /// Reads accounts.csv: for each entity the latest year's scope 1, scope 2
  /// (location-based) and scope 3 (`nil` when zero: no scope 3 lines).
  public static func read(file path: String) throws -> [EntityID: AccountEmissions] {
    var latest: [EntityID: AccountEmissions] = [:]
    try ReferenceTable.read(file: path, schema: schema) { record, c in
      let id = EntityID(record.outputText(c["entity_id"])!)
      let year = Int(record.text(c["period"])!.prefix(4))!
      guard (latest[id]?.year ?? Int.min) < year else { return }
      let s3 = record.decimal(c["scope3_tco2e"])
      latest[id] = AccountEmissions(year: year, scope1: record.decimal(c["scope1_tco2e"])!,
                                    scope2: record.decimal(c["scope2_location_tco2e"])!,
                                    scope3: s3 == 0 ? nil : s3)
    }
    return latest
  }
}

/// Loans tagged green: the ids of loans with an `aligned` tag in a tags.csv file.
public enum GreenTags {
  /// The columns of tags.csv: `loan_id`, `taxonomy`, `code`, `status`.
  public static let schema = TableSchema(name: "tags", columns: [
    ColumnSpec("loan_id", .identifier, required: true),
    ColumnSpec("taxonomy", .text),
    ColumnSpec("code", .text),
    ColumnSpec("status", .oneOf(["aligned", "eligible", "not_eligible", "insufficient_data"]), required: true),
  ])

  /// Reads a tags.csv file: the ids of the loans with an `aligned` status.
  public static func read(file path: String) throws -> Set<String> {
    var green: Set<String> = []
    try ReferenceTable.read(file: path, schema: schema) { record, c in
      if record.text(c["status"]) == "aligned" { green.insert(record.outputText(c["loan_id"])!) }
    }
    return green
  }
}
