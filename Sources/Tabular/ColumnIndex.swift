public import Quantities

/// Where each column of a schema sits in one file, for reading fields by column name after
/// ``RowChecker`` has validated the record.
public struct ColumnIndex: Sendable {
  private let indices: [String: Int]

  /// Maps each column of `schema` that the file has to its field index under `binding`.
  public init(binding: HeaderBinding, schema: TableSchema) {
    var indices: [String: Int] = [:]
    for (spec, i) in zip(schema.columns, binding.fieldIndex) where i != nil { indices[spec.name] = i }
    self.indices = indices
  }

  /// The 0-based field index of `name`, or `nil` if the file lacks the column.
  public subscript(name: String) -> Int? { indices[name] }

  /// The 0-based field index of `name` if `checked` (the columns a reader validated) contains it,
  /// or `checked` is `nil` (every column validated); `nil` otherwise, so that nothing unchecked is decoded.
  public subscript(name: String, checked checked: Set<String>?) -> Int? {
    checked?.contains(name) ?? true ? indices[name] : nil
  }
}

extension CSVRecord {
  /// The field at `index`, or `nil` when the column is absent (`index == nil`) or the cell empty.
  @inline(__always)
  public func field(_ index: Int?) -> UnsafeBufferPointer<UInt8>? {
    guard let index else { return nil }
    let f = self[index]
    return f.isEmpty ? nil : f
  }

  /// The text at `index`, `nil` when absent or empty.
  public func text(_ index: Int?) -> String? {
    field(index).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The region code at `index`: the field itself, or the code of the region it names
  /// (`浙江` → `CN-ZJ`); `nil` when absent or empty.
  public func regionCode(_ index: Int?) -> String? {
    guard let f = field(index) else { return nil }
    return ((try? FieldParser.regionName(f)) ?? nil) ?? String(decoding: f, as: UTF8.self)
  }

  /// `field` quoted for a message: at most 60 characters, control and invalid bytes escaped.
  public static func quoted(_ field: UnsafeBufferPointer<UInt8>) -> String { CSVEncoding.quoted(field) }

  /// The text at `index` of a file GreenLedger wrote, with the writer's formula guard undone
  /// (one leading `'` dropped; see ``CSVWriter``): the exact text that was written.
  public func outputText(_ index: Int?) -> String? {
    text(index).map(CSVRecord.removingFormulaGuard)
  }

  /// Every field of a record GreenLedger wrote, with the formula guard undone.
  public var outputStrings: [String] { strings.map(CSVRecord.removingFormulaGuard) }

  /// `text` without the one leading `'` that ``CSVWriter`` puts before text a spreadsheet
  /// would run as a formula (or that starts with `'`).
  public static func removingFormulaGuard(_ text: String) -> String {
    text.utf8.first == 0x27 ? String(text.dropFirst()) : text
  }

  /// The decimal at `index`, `nil` when absent, empty or (not after validation) malformed.
  @inline(__always)
  public func decimal(_ index: Int?) -> Double? {
    field(index).flatMap { try? FieldParser.decimal($0) }
  }

  /// The date at `index`, `nil` when absent, empty or (not after validation) malformed.
  public func date(_ index: Int?) -> Day? {
    field(index).flatMap { try? FieldParser.date($0) }
  }

  /// The boolean at `index`, `nil` when absent, empty or malformed.
  public func boolean(_ index: Int?) -> Bool? {
    field(index).flatMap { try? FieldParser.boolean($0) }
  }

  /// The currency at `index`, `nil` when absent, empty or malformed.
  @inline(__always)
  public func currency(_ index: Int?) -> Currency? {
    field(index).flatMap { try? FieldParser.currency($0) }
  }
}

/// Reads a small reference table (exchange rates, benchmarks, country data) in which every
/// row must be valid: the first invalid row is an input error naming file, line and column.
public enum ReferenceTable {
  /// Calls `body` with each validated data record and the column index.
  ///
  /// - Throws: ``InputError`` for a missing file or column, an empty file or an invalid row;
  ///   what `body` throws.
  public static func read(file path: String, schema: TableSchema,
                          _ body: (borrowing CSVRecord, ColumnIndex) throws -> Void) throws
  {
    var checker: RowChecker?
    var columns: ColumnIndex?
    try CSVReader.read(file: path) { record in
      guard let checker, let columns else {
        let binding = try HeaderBinding(header: record.strings, schema: schema, file: path)
        checker = RowChecker(schema: schema, binding: binding, file: path)
        columns = ColumnIndex(binding: binding, schema: schema)
        return
      }
      if let error = checker.check(record) { throw InputError(file: path, message: error.description) }
      try body(record, columns)
    }
    if checker == nil { throw InputError(file: path, message: "the file is empty; expected a \(schema.name) header") }
  }
}
