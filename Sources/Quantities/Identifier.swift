/// An identifier of one kind of thing: its text, compared and ordered as text, and never
/// confused with another kind's (a ``LoanID`` is not an ``EntityID``, though both are text).
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

/// What an ``EntityID`` names: an enterprise (or sovereign) that is accounted and lent to.
public enum Enterprise {}

/// What a ``LoanID`` names: a loan or investment of the book.
public enum LoanContract {}

/// An enterprise's identifier: activities.csv `entity_id`, the same key as borrowers.csv
/// `borrower_id` and loans.csv `borrower_id`.
public typealias EntityID = Identifier<Enterprise>

/// A loan's or investment's identifier (loans.csv `loan_id`), unique in the book.
public typealias LoanID = Identifier<LoanContract>
