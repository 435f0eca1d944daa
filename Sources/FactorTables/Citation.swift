public import Quantities
import Tabular

/// Where a number comes from: every factor, parameter and GWP value carries one.
public struct Citation: Hashable, Sendable {
  /// The publishing body ("Ministry of Ecology and Environment").
  public let publisher: String
  /// The document, with table or clause.
  public let source: String
  /// Publication year of the document.
  public let year: String
  /// A public URL, when one exists.
  public let url: String
  /// What was checked against what.
  public let note: String

  /// Creates a citation from its five fields.
  public init(publisher: String, source: String, year: String, url: String, note: String) {
    self.publisher = publisher
    self.source = source
    self.year = year
    self.url = url
    self.note = note
  }
}

/// An inclusive range of days; either end may be open.
public struct Validity: Hashable, Sendable, CustomStringConvertible {
  /// First day of validity, or `nil` for "since always".
  public let from: Day?
  /// Last day of validity, or `nil` for "until replaced".
  public let to: Day?

  /// Creates the range `from`…`to`, both inclusive; `nil` leaves that end open.
  public init(from: Day?, to: Day?) {
    self.from = from
    self.to = to
  }

  /// Whether `day` falls in the range.
  public func contains(_ day: Day) -> Bool {
    (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
  }

  /// Whether the two ranges share a day.
  public func overlaps(_ other: Validity) -> Bool {
    let startsBeforeOtherEnds = from.flatMap { f in other.to.map { f <= $0 } } ?? true
    let otherStartsBeforeThisEnds = other.from.flatMap { f in to.map { f <= $0 } } ?? true
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds
  }

  /// The range as `from..to`, with `…` for an open end.
  public var description: String {
    "\(from.map(\.description) ?? "…")..\(to.map(\.description) ?? "…")"
  }
}
