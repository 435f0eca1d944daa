/// Why one field failed to decode: what was expected. The found text and the position are
/// added by the caller, which knows the file, line and column (see ``RowError``).
public struct FieldIssue: Error, Hashable, Sendable, CustomStringConvertible {
  /// What the field should have held, for people: "a plain decimal such as 1234.5".
  public let expected: String
  /// A remark about what was found when the raw text alone does not say it
  /// ("overflows to infinity", "invalid UTF-8 at byte 3").
  public let detail: String?

  /// Creates an issue from what was expected and an optional remark.
  public init(expected: String, detail: String? = nil) {
    self.expected = expected
    self.detail = detail
  }

  /// `expected …`, followed by the detail in parentheses when there is one.
  public var description: String {
    detail.map { "expected \(expected) (\($0))" } ?? "expected \(expected)"
  }

  @usableFromInline static let empty = FieldIssue(expected: "a value", detail: "the field is empty")
  @usableFromInline static let decimal = FieldIssue(expected: "a plain decimal such as 1234.5 or -0.25")
  @usableFromInline static func decimal(_ detail: String) -> FieldIssue {
    FieldIssue(expected: "a plain decimal such as 1234.5 or -0.25", detail: detail)
  }
  static let date = FieldIssue(expected: "an ISO 8601 date YYYY-MM-DD")
  static let period = FieldIssue(expected: "a period such as 2024, 2024-H1, 2024-Q3 or 2024-07")
  static let boolean = FieldIssue(expected: "true or false")
}
