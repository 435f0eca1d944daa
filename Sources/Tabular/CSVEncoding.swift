#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// RFC 4180 field quoting and human-readable byte descriptions, shared by the writers and
/// by error messages.
enum CSVEncoding {
  /// Whether a field must be quoted: it contains a comma, a double quote, CR or LF, or
  /// starts or ends with a space or tab (which some readers would trim). Long fields (formulas,
  /// methods) are scanned eight bytes at a time.
  @inline(__always)
  static func needsQuotes(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = field.first, let last = field.last else { return false }
    if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
    let base = UnsafeRawPointer(field.baseAddress!)
    var i = 0
    while i + 8 <= field.count {
      let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if hasZeroByte(x ^ 0x2C2C_2C2C_2C2C_2C2C) || hasZeroByte(x ^ 0x2222_2222_2222_2222)
        || hasZeroByte(x ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZeroByte(x ^ 0x0D0D_0D0D_0D0D_0D0D)
      {
        return true
      }
      i += 8
    }
    while i < field.count {
      let byte = field[i]
      if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
      i += 1
    }
    return false
  }

  /// Whether some byte of `x` is zero (exact: the borrow that can mark a byte above a zero
  /// byte needs that zero byte first).
  @inline(__always)
  static func hasZeroByte(_ x: UInt64) -> Bool {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
  }

  /// Whether a spreadsheet would read `field` as a formula (OWASP, "CSV Injection"): it
  /// starts with `=`, `+`, `-`, `@`, TAB or CR and is not a plain number (`-12.5`, `+3e-4`
  /// stay numbers). A field starting with `'` counts too, so that the escape can be undone
  /// exactly: drop one leading `'` from any field that starts with one.
  @inline(__always)
  static func needsFormulaGuard(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = field.first else { return false }
    switch first {
    case 0x3D, 0x40, 0x09, 0x0D, 0x27: return true  // = @ TAB CR '
    case 0x2B, 0x2D: return !isPlainNumber(field)  // + -
    default: return false
    }
  }

  /// `[+-]digits[.digits][e[+-]digits]`, or `[+-].digits…`.
  static func isPlainNumber(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = field.first == 0x2B || field.first == 0x2D ? 1 : 0
    func digits() -> Int {
      let start = i
      while i < field.count, (0x30...0x39).contains(field[i]) { i += 1 }
      return i - start
    }
    var count = digits()
    if i < field.count, field[i] == 0x2E {
      i += 1
      count += digits()
    }
    guard count > 0 else { return false }
    if i < field.count, field[i] == 0x65 || field[i] == 0x45 {
      i += 1
      if i < field.count, field[i] == 0x2B || field[i] == 0x2D { i += 1 }
      guard digits() > 0 else { return false }
    }
    return i == field.count
  }

  /// Appends `field` to `out`, quoted when needed, inner quotes doubled, and with a leading
  /// `'` when a spreadsheet would take it for a formula (``needsFormulaGuard(_:)``).
  static func appendField(_ field: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], guardingFormulas: Bool = true) {
    if guardingFormulas, needsFormulaGuard(field) {
      var guarded: [UInt8] = [0x27]
      guarded.append(contentsOf: field)
      guarded.withUnsafeBufferPointer { appendQuotedIfNeeded($0, to: &out) }
    } else {
      appendQuotedIfNeeded(field, to: &out)
    }
  }

  private static func appendQuotedIfNeeded(_ field: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    guard needsQuotes(field) else {
      out.append(contentsOf: field)
      return
    }
    out.append(0x22)
    if memchr(field.baseAddress!, 0x22, field.count) == nil {
      out.append(contentsOf: field)
    } else {
      for byte in field {
        if byte == 0x22 { out.append(0x22) }
        out.append(byte)
      }
    }
    out.append(0x22)
  }

  /// `"x"`, `U+0000 (NUL)`, `byte 0xFF`.
  static func describe(byte: UInt8) -> String {
    switch byte {
    case 0: "a NUL byte (0x00)"
    case 0x0A: "a line feed"
    case 0x0D: "a carriage return"
    case 0x20...0x7E: "\"\(Character(Unicode.Scalar(byte)))\""
    default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
  }

  /// A field quoted for an error message: at most `limit` characters, control and invalid
  /// bytes escaped, so that the message itself is always valid, printable UTF-8.
  static func quoted(_ field: UnsafeBufferPointer<UInt8>, limit: Int = 60) -> String {
    var out = "\""
    var shown = 0
    var decoder = UTF8()
    var iterator = field.makeIterator()
    var truncated = false
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if shown == limit { truncated = true; break loop }
        switch scalar.value {
        case 0: out += "\\0"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x22: out += "\\\""
        case 0x01..<0x20, 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
        shown += 1
      case .emptyInput:
        break loop
      case .error:
        out += "\\u{FFFD}"
        shown += 1
      }
    }
    out += truncated ? "…\" (\(field.count) bytes)" : "\""
    return out
  }
}
