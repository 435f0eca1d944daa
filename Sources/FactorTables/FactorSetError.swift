import Quantities
import Tabular

/// One problem found while loading or validating a factor set, with its place.
public struct FactorSetIssue: Hashable, Sendable, CustomStringConvertible {
  /// File relative to the factor-set root (`cn-ets-grid/factors.csv`).
  public let file: String
  /// 1-based line, when the problem is in a row.
  public let line: Int?
  /// The column name, when the problem is in one field.
  public let column: String?
  /// What is wrong and how to fix it.
  public let message: String

  /// Creates an issue in `file`, at a line and column when known.
  public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line: column: message`, leaving out the parts not known.
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    return "\(place): " + (column.map { "\($0): " } ?? "") + message
  }
}

/// A factor set that cannot be used: its digests do not match the manifest, or its tables
/// break the schema or the validation rules. The CLI exits with status 3 on it.
public struct FactorSetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every problem found (loading goes on after the first so that one run lists them all).
  public let issues: [FactorSetIssue]

  /// Creates an error listing `issues`.
  public init(_ issues: [FactorSetIssue]) { self.issues = issues }

  /// The number of problems, then one indented line per problem.
  public var description: String {
    "the factor set is not valid (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n"
      + issues.map { "  " + $0.description }.joined(separator: "\n")
  }
}
