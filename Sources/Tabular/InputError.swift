#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// An error that makes a whole input file unusable: it cannot be opened, is empty, or its
/// header lacks required columns. The CLI exits with status 3 on these.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file concerned.
  public let file: String
  /// What is wrong and how to fix it.
  public let message: String

  /// Creates an error for `file` with its message.
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  /// `file: message`.
  public var description: String { "\(file): \(message)" }

  static func cannotOpen(_ file: String, errno code: Int32) -> InputError {
    InputError(file: file, message: "cannot open: \(String(cString: strerror(code)))")
  }

  static func cannotRead(_ file: String, errno code: Int32) -> InputError {
    InputError(file: file, message: "cannot read: \(String(cString: strerror(code)))")
  }

  static func cannotWrite(_ file: String, errno code: Int32) -> InputError {
    InputError(file: file, message: "cannot write: \(String(cString: strerror(code)))")
  }
}

/// Why one data row was rejected, with its place in the file.
///
/// ```text
/// loans.csv:12:5: outstanding: expected a plain decimal such as 1234.5 or -0.25, found "1,000"
/// ```
public struct RowError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file.
  public let file: String
  /// The 1-based line on which the record starts.
  public let line: Int
  /// The 1-based field number, when the problem is in one field.
  public let column: Int?
  /// The header name of that field, when known.
  public let columnName: String?
  /// What was expected and what was found.
  public let reason: String

  /// Creates an error from its place in the file and its reason.
  public init(file: String, line: Int, column: Int?, columnName: String?, reason: String) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.reason = reason
  }

  /// A field that failed to decode: the issue's expectation plus the text found.
  public init(file: String, line: Int, column: Int, columnName: String?, issue: FieldIssue,
              found field: UnsafeBufferPointer<UInt8>)
  {
    var reason = "expected \(issue.expected), found \(CSVEncoding.quoted(field))"
    if let detail = issue.detail { reason += " (\(detail))" }
    self.init(file: file, line: line, column: column, columnName: columnName, reason: reason)
  }

  /// `reason` prefixed with the column name.
  public var qualifiedReason: String {
    columnName.map { "\($0): \(reason)" } ?? reason
  }

  /// `file:line:column: name: reason`, with `-` for the column when there is none.
  public var description: String {
    "\(file):\(line):\(column.map(String.init) ?? "-"): \(qualifiedReason)"
  }
}
