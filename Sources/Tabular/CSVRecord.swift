/// One record of a CSV file: its fields as raw bytes, the line it starts on, and any
/// structural problem found while delimiting it.
///
/// A record is a view into the reader's buffer and is valid only inside the closure it is
/// passed to; copy what you need to keep (``string(at:)``). Field bytes are exactly as in the
/// file after CSV unquoting: no trimming, no decoding, no `String` per field.
public struct CSVRecord {
  /// The bytes of one field: a view into the reader's buffer, valid only while the record is.
  public typealias Field = UnsafeBufferPointer<UInt8>


  /// The 1-based physical line of the file on which the record starts.
  public let line: Int
  /// The number of fields.
  public let count: Int
  /// A structural problem that makes the record unusable as data (unterminated or
  /// malformed quotes, a field over the length limit); `nil` for a well-formed record.
  public let issue: CSVRecordIssue?

  private let bytes: UnsafePointer<UInt8>
  private let fieldEnds: UnsafePointer<Int>
  private let firstField: Int

  init(batch: UnsafePointer<ParseBatch>, span: ParseBatch.Span, issue: CSVRecordIssue?) {
    self.line = span.line
    self.count = span.fieldCount
    self.issue = issue
    self.bytes = UnsafePointer(batch.pointee.bytes)
    self.fieldEnds = UnsafePointer(batch.pointee.fieldEnds)
    self.firstField = span.firstField
  }

  /// The bytes of field `index` (0-based).
  ///
  /// - Precondition: `index < count`.
  @inline(__always)
  public subscript(index: Int) -> Field {
    precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "field index out of range")
    let i = firstField &+ index
    let start = i == 0 ? 0 : fieldEnds[i - 1]
    return UnsafeBufferPointer(start: bytes + start, count: fieldEnds[i] - start)
  }

  /// Field `index` decoded as UTF-8 (invalid sequences replaced by U+FFFD).
  public func string(at index: Int) -> String {
    String(decoding: self[index], as: UTF8.self)
  }

  /// All fields as strings.
  public var strings: [String] { (0..<count).map(string(at:)) }

  /// The record written back as one line of RFC 4180 CSV (for rejects files).
  public var csvLine: String { csvLine(omitting: nil) }

  /// The record written back as one line of RFC 4180 CSV without field `omitted` (0-based; a
  /// column an engine added, such as `source_line`, so that the line is the original row's).
  public func csvLine(omitting omitted: Int?) -> String {
    var line: [UInt8] = []
    var first = true
    for i in 0..<count where i != omitted {
      if !first { line.append(0x2C) }
      first = false
      CSVEncoding.appendField(self[i], to: &line)
    }
    return String(decoding: line, as: UTF8.self)
  }
}

/// A structural problem of a CSV record.
public struct CSVRecordIssue: Hashable, Sendable, CustomStringConvertible {
  /// The 1-based field where the problem was found.
  public let column: Int
  /// What is wrong, for people.
  public let reason: String

  /// `column N: reason`.
  public var description: String { "column \(column): \(reason)" }

  static func fieldTooLong(column: Int, length: Int, limit: Int) -> CSVRecordIssue {
    CSVRecordIssue(column: column, reason:
      "field of \(length) bytes exceeds the limit of \(limit) bytes")
  }

  static func recordTooLarge(column: Int, limit: Int) -> CSVRecordIssue {
    CSVRecordIssue(column: column, reason: "record exceeds the limit of \(limit) bytes")
  }

  static func bufferExhausted(column: Int) -> CSVRecordIssue {
    CSVRecordIssue(column: column, reason:
      "field exceeds \(libcsvBufferCeiling) bytes (unbalanced quote?); skipped to the end of the record")
  }

  static func quoteInUnquotedField(column: Int) -> CSVRecordIssue {
    CSVRecordIssue(column: column, reason:
      "double quote inside an unquoted field; quote the whole field and double the inner quote (\"\")")
  }

  static func textAfterClosingQuote(column: Int, found: UInt8) -> CSVRecordIssue {
    CSVRecordIssue(column: column, reason:
      "expected a comma or line end after the closing quote, found \(CSVEncoding.describe(byte: found))")
  }

  static func unterminatedQuote(column: Int) -> CSVRecordIssue {
    CSVRecordIssue(column: column, reason:
      "quoted field opened here is never closed: reached the end of the file inside quotes")
  }
}
