public import Quantities

extension Day {
  /// Parses `YYYY-MM-DD` (ISO 8601 calendar date), as the data contract's date columns do;
  /// `nil` for anything else.
  public init?(iso text: String) {
    guard let day = try? Array(text.utf8).withUnsafeBufferPointer({ buffer throws(FieldIssue) in
      try FieldParser.date(buffer)
    }) else { return nil }
    self = day
  }
}
