/// An identifier of one kind of thing: its text, compared and ordered as text, and never
/// confused with another kind's (an `Identifier<Loan>` is not an `Identifier<Enterprise>`, though both are text).
public struct Identifier<Subject>: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The identifier's text.
  public let rawValue: String
  /// Creates an identifier from its text.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Creates an identifier from a string literal.
  public init(stringLiteral value: String) { rawValue = value }
  /// The identifier's text.
  public var description: String { rawValue }
  /// Orders identifiers by their text.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
