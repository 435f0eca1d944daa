import Tabular

/// Where a row stood in the original file when an engine (Spark) split the file and handed a
/// shard only its rows: the optional last column `source_line` carries the original line. A
/// shard given such a file takes it whole (no hash filter), and outputs and rejects name the
/// original line and the row without the added column, so merged shards equal the single run.
struct SourceLine {
  /// The 0-based field of `source_line`, `nil` in an ordinary file.
  let field: Int?

  /// The column named `source_line` of `header`, if it has one.
  init(header: [String]) {
    field = header.firstIndex(of: "source_line")
  }

  /// Whether the file was split by an engine: its rows are the shard's, whatever their hash.
  var isSplit: Bool { field != nil }

  /// The row's line in the original file (this file's line in an ordinary one).
  func line(of record: borrowing CSVRecord) -> Int {
    guard let field, field < record.count, let line = try? FieldParser.integer(record[field], in: 2...Int.max) else {
      return record.line
    }
    return line
  }

  /// The row as the original file held it: without the added column.
  func raw(_ record: borrowing CSVRecord) -> String { record.csvLine(omitting: field) }

  /// `error` placed at the row's original line.
  func relocated(_ error: RowError, _ record: borrowing CSVRecord) -> RowError {
    RowError(file: error.file, line: line(of: record), column: error.column, columnName: error.columnName, reason: error.reason)
  }
}
