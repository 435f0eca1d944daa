import Tabular

/// Where a job reads a table from: a CSV file in the data contract's layout, or rows an app
/// produces itself (from its own database or objects), with the contract's column names.
///
/// Rows are written to `<out>/.inputs/<name>` as the job starts and read from there like a file,
/// so both give the same outputs, rejects cite the same line numbers (row *n* is line *n* + 1),
/// and the manifest records the rows' digest; memory does not grow with the rows.
///
/// ```swift
/// let loans = TableSource.rows(columns: ["loan_id", "borrower_id", "asset_class", "currency", "outstanding"]) { emit in
///   for loan in myLoans { emit([loan.id, loan.borrower, "business_loan", "CNY", String(loan.balance)]) }
/// }
/// ```
public enum TableSource: Sendable, ExpressibleByStringLiteral {
  /// A CSV file.
  case file(String)
  /// Rows handed to `emit` one at a time by `produce`, under the header `columns`.
  case rows(columns: [String], produce: @Sendable (_ emit: (_ row: [String]) -> Void) throws -> Void)

  /// A CSV file at `path`.
  public init(stringLiteral path: String) { self = .file(path) }

  /// Rows held in memory.
  public static func rows(columns: [String], _ rows: [[String]]) -> TableSource {
    .rows(columns: columns) { emit in rows.forEach(emit) }
  }

  /// The file's path, or `nil` for rows (for the check that no output overwrites an input).
  public var filePath: String? {
    if case .file(let path) = self { return path }
    return nil
  }

  /// The path ``path(staging:name:)`` reads: the file, or where the rows were staged.
  package func staged(in directory: String, name: String) -> String {
    filePath ?? directory + "/" + name
  }

  /// The file to read: the file itself, or the rows written to `directory/name` (values as
  /// given: no formula guard, which is for files a person opens).
  ///
  /// - Throws: `InputError` when the staged file cannot be written, or what `produce` throws.
  package func path(staging directory: String, name: String) throws -> String {
    switch self {
    case .file(let path): return path
    case let .rows(columns, produce):
      try FileSystem.createDirectory(directory)
      let path = directory + "/" + name
      let writer = try CSVWriter(path: path, header: columns, guardsFormulas: false)
      try produce { writer.writeRow($0) }
      try writer.close()
      return path
    }
  }
}
