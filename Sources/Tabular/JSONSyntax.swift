/// A JSON reader (RFC 8259) that says where the first syntax error is, by line and column,
/// so that a hand-edited methodology or terms file gets "line 12, column 5: expected ','"
/// instead of a decoder's internal error text.
public enum JSONSyntax {
  /// The first syntax error of a JSON text.
  public struct Error: Swift.Error, Hashable, Sendable {
    /// 1-based line.
    public let line: Int
    /// 1-based column, in bytes.
    public let column: Int
    /// What was expected and what was found.
    public let message: String
  }

  /// The first syntax error in `bytes`, or `nil` for well-formed JSON.
  ///
  /// - Complexity: O(n); nesting deeper than 512 levels is reported as an error.
  public static func firstError(in bytes: [UInt8]) -> Error? {
    do throws(Error) {
      _ = try parse(bytes)
      return nil
    } catch {
      return error
    }
  }

  /// The value of a JSON text (a leading byte-order mark is skipped): integers that fit `Int`
  /// as `.int`, other numbers as their text, object members in the text's order.
  ///
  /// - Throws: the first syntax ``Error``, by line and column.
  public static func parse(_ bytes: [UInt8]) throws(Error) -> JSONValue {
    var parser = Parser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.i < bytes.count { throw parser.error("expected the end of the document") }
    return value
  }

  private struct Parser {
    let bytes: [UInt8]
    var i = 0

    func error(_ expected: String) -> Error {
      var line = 1
      var lineStart = 0
      for k in 0..<min(i, bytes.count) where bytes[k] == 0x0A {
        line += 1
        lineStart = k + 1
      }
      let found = i < bytes.count ? CSVEncoding.describe(byte: bytes[i]) : "the end of the file"
      return Error(line: line, column: i - lineStart + 1, message: "\(expected), found \(found)")
    }

    mutating func skipSpace() {
      while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Error) {
      skipSpace()
      guard i < bytes.count, bytes[i] == byte else { throw error("expected \(what)") }
      i += 1
    }

    mutating func value(depth: Int) throws(Error) -> JSONValue {
      guard depth < 512 else { throw error("nesting deeper than 512 levels") }
      skipSpace()
      guard i < bytes.count else { throw error("expected a value") }
      switch bytes[i] {
      case 0x7B:  // {
        i += 1
        skipSpace()
        var members: [(String, JSONValue)] = []
        if i < bytes.count, bytes[i] == 0x7D { i += 1; return .object(members) }
        while true {
          skipSpace()
          guard i < bytes.count, bytes[i] == 0x22 else { throw error("expected a \"quoted\" member name") }
          let name = try string()
          try expect(0x3A, "':' after the member name")
          members.append((name, try value(depth: depth + 1)))
          skipSpace()
          if i < bytes.count, bytes[i] == 0x2C { i += 1; continue }
          try expect(0x7D, "',' or '}'")
          return .object(members)
        }
      case 0x5B:  // [
        i += 1
        skipSpace()
        var items: [JSONValue] = []
        if i < bytes.count, bytes[i] == 0x5D { i += 1; return .array(items) }
        while true {
          items.append(try value(depth: depth + 1))
          skipSpace()
          if i < bytes.count, bytes[i] == 0x2C { i += 1; continue }
          try expect(0x5D, "',' or ']'")
          return .array(items)
        }
      case 0x22: return .string(try string())
      case 0x74: try literal("true"); return .bool(true)
      case 0x66: try literal("false"); return .bool(false)
      case 0x6E: try literal("null"); return .null
      case 0x2D, 0x30...0x39: return try number()
      default: throw error("expected a value (object, array, string, number, true, false or null)")
      }
    }

    mutating func literal(_ word: String) throws(Error) {
      let w = Array(word.utf8)
      guard bytes.count - i >= w.count, Array(bytes[i..<i + w.count]) == w else { throw error("expected \(word)") }
      i += w.count
    }

    /// A quoted string, its escapes decoded (a lone surrogate becomes U+FFFD).
    mutating func string() throws(Error) -> String {
      i += 1  // opening quote
      var text: [UInt8] = []
      var units: [UInt16] = []  // \u escapes, decoded together so that surrogate pairs join
      func flushUnits() {
        guard !units.isEmpty else { return }
        text += String(decoding: units, as: UTF16.self).utf8
        units = []
      }
      while i < bytes.count {
        let b = bytes[i]
        if b == 0x22 { i += 1; flushUnits(); return String(decoding: text, as: UTF8.self) }
        if b < 0x20 { throw error("expected a closing '\"' (control characters must be escaped)") }
        if b == 0x5C {
          i += 1
          guard i < bytes.count else { break }
          if bytes[i] != 0x75 { flushUnits() }
          switch bytes[i] {
          case 0x22, 0x5C, 0x2F: text.append(bytes[i]); i += 1
          case 0x62: text.append(0x08); i += 1
          case 0x66: text.append(0x0C); i += 1
          case 0x6E: text.append(0x0A); i += 1
          case 0x72: text.append(0x0D); i += 1
          case 0x74: text.append(0x09); i += 1
          case 0x75:
            let hex = bytes.dropFirst(i + 1).prefix(4)
            guard hex.count == 4, hex.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0 & 0xDF) }),
                  let unit = UInt16(String(decoding: hex, as: UTF8.self), radix: 16) else {
              throw error("expected four hex digits after \\u")
            }
            units.append(unit)
            i += 5
          default: throw error("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
          }
          continue
        }
        flushUnits()
        text.append(b)
        i += 1
      }
      throw error("expected a closing '\"'")
    }

    mutating func number() throws(Error) -> JSONValue {
      let first = i
      if bytes[i] == 0x2D { i += 1 }
      func digits() -> Int {
        let start = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        return i - start
      }
      let start = i
      let n = digits()
      guard n > 0 else { throw error("expected a digit") }
      if n > 1, bytes[start] == 0x30 { i = start + 1; throw error("expected no leading zero") }
      var integral = true
      if i < bytes.count, bytes[i] == 0x2E {
        i += 1
        integral = false
        guard digits() > 0 else { throw error("expected a digit after '.'") }
      }
      if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
        i += 1
        integral = false
        if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
        guard digits() > 0 else { throw error("expected a digit in the exponent") }
      }
      let text = String(decoding: bytes[first..<i], as: UTF8.self)
      return integral ? Int(text).map(JSONValue.int) ?? .number(text) : .number(text)
    }
  }
}
