/// The type a column's fields must decode to.
public enum FieldKind: Hashable, Sendable {
  /// Any valid UTF-8 text without NUL bytes.
  case text
  /// Non-empty text without leading or trailing blanks (ids, codes).
  case identifier
  /// A plain decimal.
  case decimal
  /// A plain decimal ≥ 0.
  case nonNegativeDecimal
  /// A decimal in 0…1.
  case fraction
  /// A whole number in a range.
  case integer(ClosedRange<Int>)
  /// An ISO 8601 date.
  case date
  /// `true` or `false`.
  case boolean
  /// `2024`, `2024-Q3` or `2024-07`.
  case period
  /// One of a fixed list of values (exact, case-sensitive).
  case oneOf([String])
  /// ISO 3166-1 alpha-2.
  case country
  /// ISO 3166-1 alpha-2 or ISO 3166-2.
  case region
  /// ISO 4217 alphabetic code.
  case currency
  /// GB/T 4754-2017 industry code.
  case sector
  /// A unit of measure known to `UnitOfMeasure(parsing:)`.
  case unit
  /// An activity key `<family>.<name>` of a known family (`stationary.diesel`).
  case activity
}

/// One column of a table in the data contract.
public struct ColumnSpec: Hashable, Sendable {
  /// The header name.
  public let name: String
  /// Whether the column must be present in the header and non-empty in every row.
  public let isRequired: Bool
  /// What its fields decode to.
  public let kind: FieldKind

  /// Creates a column spec, optional unless `required` is `true`.
  public init(_ name: String, _ kind: FieldKind, required isRequired: Bool = false) {
    self.name = name
    self.kind = kind
    self.isRequired = isRequired
  }
}

/// The columns of one kind of input file.
public struct TableSchema: Hashable, Sendable {
  /// The kind of file (`loans`, `borrowers`, …).
  public let name: String
  /// Its columns, required and optional.
  public let columns: [ColumnSpec]
  /// Columns whose values must be unique across the file.
  public let uniqueColumns: [String]
  /// Pairs `(a, b)`: a row that fills `a` must fill `b` too (`ncv` needs `ncv_unit`).
  public let companions: [Companion]

  /// A column that needs another one filled beside it.
  public struct Companion: Hashable, Sendable {
    /// The column that, when filled, needs ``requires`` filled.
    public let column: String
    /// The column that must be filled beside ``column``.
    public let requires: String
    /// Creates a rule: a row that fills `column` must fill `requires` too.
    public init(_ column: String, requires: String) {
      self.column = column
      self.requires = requires
    }
  }

  /// A region column whose ISO 3166-2 codes must lie in the row's country column
  /// (`CN-ZJ` with `CN`; ISO 3166-2:CN's CN-HK, CN-MO and CN-TW also with HK, MO and TW).
  public struct RegionInCountry: Hashable, Sendable {
    /// The region column.
    public let region: String
    /// The country column the region must lie in.
    public let country: String
    /// Creates a rule over a region column and a country column.
    public init(region: String, country: String) {
      self.region = region
      self.country = country
    }
  }

  /// The region-in-country rule of the schema, if it has one.
  public let regionInCountry: RegionInCountry?

  /// Creates a schema; uniqueness, companion and region-in-country rules are optional.
  public init(name: String, columns: [ColumnSpec], uniqueColumns: [String] = [],
              companions: [Companion] = [], regionInCountry: RegionInCountry? = nil)
  {
    self.name = name
    self.columns = columns
    self.uniqueColumns = uniqueColumns
    self.companions = companions
    self.regionInCountry = regionInCountry
  }

  /// The same schema with only the columns in `names` (and companions among them): for a
  /// command that validates the columns it uses and leaves the rest to `validate`.
  public func restricted(to names: Set<String>) -> TableSchema {
    TableSchema(name: name, columns: columns.filter { names.contains($0.name) },
                uniqueColumns: uniqueColumns.filter { names.contains($0) },
                companions: companions.filter { names.contains($0.column) && names.contains($0.requires) },
                regionInCountry: regionInCountry.flatMap { names.contains($0.region) && names.contains($0.country) ? $0 : nil })
  }

  /// The same schema without uniqueness checks, for a reader that checks them itself (across
  /// partitions, from ids spilled to disk).
  public var withoutUniqueColumns: TableSchema {
    TableSchema(name: name, columns: columns, companions: companions, regionInCountry: regionInCountry)
  }

  /// The index of column `name` in ``columns``.
  public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

/// The link between a schema and the header of one file: where each schema column sits.
public struct HeaderBinding: Hashable, Sendable {
  /// The file.
  public let file: String
  /// The header names as found, in file order.
  public let header: [String]
  /// For each schema column, its 0-based field index in the file, or `nil` if absent.
  public let fieldIndex: [Int?]
  /// Header columns the schema does not know (ignored, reported once as a warning).
  public let unknownColumns: [String]

  /// Binds `header` (the file's first record) to `schema`.
  ///
  /// Column order is free. Names are matched ignoring letter case and surrounding blanks
  /// (`Entity_ID ` is `entity_id`). Nameless columns at the end of the header — what a
  /// spreadsheet writes after its last used column — are ignored.
  ///
  /// - Throws: ``InputError`` naming every missing required column, a duplicate name, or an
  ///   empty name before the last named column.
  public init(header: [String], schema: TableSchema, file: String) throws(InputError) {
    let found = header.map { $0.trimmingBlanks }
    let named = (found.lastIndex { !$0.isEmpty } ?? -1) + 1
    let names = found.prefix(named).map { $0.lowercased() }
    var seen: [String: Int] = [:]
    for (i, name) in names.enumerated() {
      if name.isEmpty {
        throw InputError(file: file, message:
          "header column \(i + 1) has no name; every column needs one")
      }
      if let previous = seen.updateValue(i, forKey: name) {
        throw InputError(file: file, message:
          "header names column \"\(found[i])\" twice (columns \(previous + 1) and \(i + 1)); "
          + "remove or rename one")
      }
    }
    let missing = schema.columns.filter { $0.isRequired && seen[$0.name] == nil }.map(\.name)
    if !missing.isEmpty {
      var hint = ""
      if let kind = FileKind.guess(header: names), !kind.hasSuffix(" \(schema.name) file") {
        hint = "; this looks like \(kind), not the \(schema.name) file expected here"
      }
      if names.contains(where: { $0.unicodeScalars.contains("\u{FEFF}") }) {
        hint += "; a header name holds a byte-order mark (U+FEFF): two files joined, or the mark written twice?"
      }
      throw InputError(file: file, message:
        "missing required column\(missing.count == 1 ? "" : "s") "
        + missing.map { "\"\($0)\"" }.joined(separator: ", ")
        + " for a \(schema.name) file; the header has "
        + found.prefix(named).map { "\"\($0)\"" }.joined(separator: ", ") + hint)
    }
    let known = Set(schema.columns.map(\.name))
    self.file = file
    self.header = found
    self.fieldIndex = schema.columns.map { seen[$0.name] }
    self.unknownColumns = zip(found, names).filter { !known.contains($0.1) }.map(\.0)
  }

  /// The 0-based field index of schema column `name`, if the file has it.
  public func fieldIndex(of name: String, in schema: TableSchema) -> Int? {
    schema.index(of: name).flatMap { fieldIndex[$0] }
  }

  /// The warning to print once when the file has columns the schema does not use.
  public var unknownColumnsWarning: String? {
    guard !unknownColumns.isEmpty else { return nil }
    return "\(file): ignoring unknown column\(unknownColumns.count == 1 ? "" : "s") "
      + unknownColumns.map { "\"\($0)\"" }.joined(separator: ", ")
  }
}

extension String {
  var trimmingBlanks: String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
  }
}
