public import Quantities

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Decoders from a field's raw bytes to typed values, with strict grammars and no `String`
/// on the success path.
///
/// Grammars:
/// - decimal: `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?` — no thousands separators, no
///   surrounding blanks, no `NaN`/`inf`/hex; a value that overflows to infinity (`1e400`)
///   or underflows to zero from a nonzero mantissa (`1e-400`) is rejected. `-0` is zero.
/// - date: `YYYY-MM-DD`, a day that exists (`2024-02-30` is rejected).
/// - period: `YYYY`, `YYYY-Hn` (n 1–2), `YYYY-Qn` (n 1–4) or `YYYY-MM`; the dash may be left out
///   before `H`/`Q`, which may be lower case.
/// - boolean: `true` or `false`, any letter case (Excel writes `TRUE`).
public enum FieldParser {
  // MARK: Decimals

  /// Exact powers of ten representable in a `Double` (10^0 … 10^22).
  @usableFromInline static let exactPowersOfTen: [Double] = {
    var powers: [Double] = []
    var p = 1.0
    for _ in 0...22 {
      powers.append(p)
      p *= 10
    }
    return powers
  }()

  /// Decodes a plain decimal, correctly rounded to the nearest `Double`.
  ///
  /// Digits are accumulated straight from the bytes; values with at most 19 significant
  /// digits whose mantissa fits in 53 bits and whose decimal exponent is within ±22 are
  /// computed exactly by one multiplication or division (Clinger's fast path); all others
  /// go to the C library's correctly rounded `strtod`.
  ///
  /// - Throws: ``FieldIssue`` on an empty field, a grammar violation, overflow or underflow.
  @inlinable
  public static func decimal(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Double {
    let count = field.count
    guard count > 0, let base = field.baseAddress else { throw FieldIssue.empty }
    var i = 0
    let negative = base[0] == 0x2D
    if negative { i = 1 }
    var mantissa: UInt64 = 0
    var significant = 0
    var dropped = 0  // integer digits beyond 19 significant ones
    var integerDigits = 0
    while i < count, base[i] &- 0x30 < 10 {
      let d = UInt64(base[i] &- 0x30)
      if significant < 19 {
        if mantissa != 0 || d != 0 {
          mantissa = mantissa &* 10 &+ d
          significant += 1
        }
      } else {
        dropped += 1
      }
      integerDigits += 1
      i += 1
    }
    guard integerDigits > 0 else { throw FieldIssue.decimal }
    var fractionDigits = 0
    var droppedFraction = false
    if i < count, base[i] == 0x2E {
      i += 1
      let start = i
      while i < count, base[i] &- 0x30 < 10 {
        let d = UInt64(base[i] &- 0x30)
        if significant < 19 {
          if mantissa != 0 || d != 0 {
            mantissa = mantissa &* 10 &+ d
            significant += 1
          }
          fractionDigits += 1
        } else if d != 0 {
          droppedFraction = true
        }
        i += 1
      }
      guard i > start else { throw FieldIssue.decimal }
    }
    var exponent = 0
    if i < count, base[i] | 0x20 == 0x65 {  // e or E
      i += 1
      var exponentNegative = false
      if i < count, base[i] == 0x2B || base[i] == 0x2D {
        exponentNegative = base[i] == 0x2D
        i += 1
      }
      let start = i
      while i < count, base[i] &- 0x30 < 10 {
        if exponent < 100_000 { exponent = exponent * 10 + Int(base[i] &- 0x30) }
        i += 1
      }
      guard i > start else { throw FieldIssue.decimal }
      if exponentNegative { exponent = -exponent }
    }
    guard i == count else { throw FieldIssue.decimal }
    if mantissa == 0 { return 0 }  // includes -0: zero has no sign in the data
    let scale = exponent + dropped - fractionDigits
    if dropped == 0, !droppedFraction, mantissa < (1 << 53), scale >= -22, scale <= 22 {
      let m = Double(mantissa)
      let value = scale >= 0 ? m * exactPowersOfTen[scale] : m / exactPowersOfTen[-scale]
      return negative ? -value : value
    }
    return try slowDecimal(field)
  }

  @usableFromInline
  static func slowDecimal(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Double {
    // The grammar is already checked, so strtod consumes the whole field.
    let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: field.count + 1) { text in
      for (j, byte) in field.enumerated() { text[j] = CChar(bitPattern: byte) }
      text[field.count] = 0
      return strtod(text.baseAddress!, nil)
    }
    if value.isInfinite { throw FieldIssue.decimal("overflows to infinity") }
    if value == 0 { throw FieldIssue.decimal("too small to represent: underflows to zero") }
    return value
  }

  /// Decodes a decimal that must be ≥ 0.
  @inlinable
  public static func nonNegativeDecimal(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue)
    -> Double
  {
    let value = try decimal(field)
    guard value >= 0 else {
      throw FieldIssue(expected: "a decimal ≥ 0", detail: "negative values are not allowed here")
    }
    return value
  }

  /// Decodes a decimal fraction in 0…1 (an oxidation rate of 98 % is `0.98`).
  public static func fraction(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Double {
    let value = try decimal(field)
    guard value >= 0, value <= 1 else {
      throw FieldIssue(expected: "a fraction between 0 and 1 (98 % is 0.98)")
    }
    return value
  }

  /// Decodes a decimal integer in `range` (no sign for non-negative ranges, no exponent).
  public static func integer(_ field: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Int>)
    throws(FieldIssue) -> Int
  {
    let issue = FieldIssue(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    guard !field.isEmpty, field.count <= 18 else { throw field.isEmpty ? .empty : issue }
    var i = 0
    let negative = field[0] == 0x2D
    if negative { i = 1 }
    guard i < field.count else { throw issue }
    var value = 0
    while i < field.count {
      let d = field[i] &- 0x30
      guard d < 10 else { throw issue }
      value = value * 10 + Int(d)
      i += 1
    }
    if negative { value = -value }
    guard range.contains(value) else { throw issue }
    return value
  }

  // MARK: Dates and periods

  @inline(__always)
  static func digits(_ f: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
    var value = 0
    for i in from..<(from + count) {
      let d = f[i] &- 0x30
      guard d < 10 else { return nil }
      value = value * 10 + Int(d)
    }
    return value
  }

  /// Decodes an ISO 8601 calendar date `YYYY-MM-DD` that exists.
  public static func date(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Day {
    guard !field.isEmpty else { throw FieldIssue.empty }
    guard field.count == 10, field[4] == 0x2D, field[7] == 0x2D,
      let y = digits(field, 0, 4), let m = digits(field, 5, 2), let d = digits(field, 8, 2)
    else { throw FieldIssue.date }
    guard let day = Day(year: y, month: m, day: d) else {
      throw FieldIssue(expected: "an ISO 8601 date YYYY-MM-DD", detail: "no such day in the calendar")
    }
    return day
  }

  /// Decodes a period: `2024`, `2024-H1`, `2024-Q3` or `2024-07`; also `2024H1` and `2024Q3`
  /// (no dash) and a lower-case `h` or `q`, as people write them.
  public static func period(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Period {
    guard !field.isEmpty else { throw FieldIssue.empty }
    guard (4...7).contains(field.count), let y = digits(field, 0, 4) else { throw FieldIssue.period }
    if field.count == 4, let p = Period.year(y) { return p }
    let dash = field[4] == 0x2D
    if field.count == (dash ? 7 : 6) {
      let letter = field[dash ? 5 : 4] | 0x20
      if let n = digits(field, dash ? 6 : 5, 1) {
        if letter == 0x68, let p = Period.half(n, of: y) { return p }  // h
        if letter == 0x71, let p = Period.quarter(n, of: y) { return p }  // q
      }
    }
    if field.count == 7, dash, let m = digits(field, 5, 2), let p = Period.month(m, of: y) { return p }
    throw FieldIssue.period
  }

  // MARK: Booleans, text, codes

  /// Decodes `true` or `false` in any letter case.
  public static func boolean(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Bool {
    if equalsIgnoringCase(field, "true") { return true }
    if equalsIgnoringCase(field, "false") { return false }
    throw field.isEmpty ? FieldIssue.empty : FieldIssue.boolean
  }

  static func equalsIgnoringCase(_ field: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard field.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<field.count where field[i] | 0x20 != w[i] { return false }
    return true
  }

  /// Checks that a text field is valid UTF-8 without NUL bytes.
  ///
  /// - Complexity: O(n), with an ASCII fast path.
  public static func checkText(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) {
    var i = 0
    let n = field.count
    guard let base = field.baseAddress else { return }
    while i < n {
      // Eight ASCII bytes without NUL at a time.
      if i + 8 <= n {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let highs: UInt64 = 0x8080_8080_8080_8080
        let hasZero = ~(((x & ~highs) &+ ~highs) | x) & highs
        if x & highs == 0, hasZero == 0 {
          i += 8
          continue
        }
      }
      let b = field[i]
      if b == 0 {
        throw FieldIssue(expected: "text without NUL bytes", detail: "NUL byte at byte \(i + 1)")
      }
      guard case .valid(let length) = UTF8Sequence.step(at: i, in: field) else { throw invalidUTF8(at: i) }
      i += length
    }
  }

  private static func invalidUTF8(at offset: Int) -> FieldIssue {
    FieldIssue(expected: "valid UTF-8 text", detail: "invalid UTF-8 at byte \(offset + 1)")
  }

  /// Checks an identifier: non-empty UTF-8 text without control characters (line breaks,
  /// tabs, NUL) and without leading or trailing spaces.
  public static func checkIdentifier(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) {
    guard let first = field.first, let last = field.last else { throw FieldIssue.empty }
    if first == 0x20 || last == 0x20 {
      throw FieldIssue(expected: "an identifier without leading or trailing spaces")
    }
    var ascii = true
    for (i, byte) in field.enumerated() {
      if byte < 0x20 || byte == 0x7F {
        throw FieldIssue(expected: "an identifier without control characters",
                         detail: "\(CSVEncoding.describe(byte: byte)) at byte \(i + 1)")
      }
      ascii = ascii && byte < 0x80
    }
    if !ascii { try checkText(field) }
  }

  /// Checks `count` upper-case ASCII letters (`CN`, `CNY`).
  static func isUpperLetters(_ field: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
    field.count == count && field.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
  }

  /// Decodes an ISO 4217 currency code.
  public static func currency(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Currency {
    guard !field.isEmpty else { throw FieldIssue.empty }
    guard let currency = Currency(bytes: field) else {
      throw FieldIssue(expected: "an ISO 4217 currency code such as CNY or USD")
    }
    return currency
  }

  /// Checks an ISO 3166-1 alpha-2 country code (`CN`).
  public static func checkCountry(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) {
    guard !field.isEmpty else { throw FieldIssue.empty }
    guard isUpperLetters(field, count: 2) else {
      throw FieldIssue(expected: "an ISO 3166-1 alpha-2 country code such as CN")
    }
    let code = String(decoding: field, as: UTF8.self)
    guard RegionCodes.isCountry(code) else {
      throw FieldIssue(expected: "an ISO 3166-1 alpha-2 country code such as CN",
                       detail: "\(code) is not one" + (RegionCodes.nearest(to: code).map { "; did you mean \($0)?" } ?? ""))
    }
  }

  /// Checks an ISO 3166-1 (`CN`) or ISO 3166-2 (`CN-ZJ`) region code, a grid region of the factor
  /// tables (`US-EGRID-CAMX`), or a region name that
  /// ``RegionCodes/code(named:)`` knows (`浙江`, `Zhejiang`).
  public static func checkRegion(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) {
    _ = try regionName(field)
  }

  /// The code of a region field written by name (`浙江省` → `CN-ZJ`), `nil` when the field is
  /// itself a valid code.
  ///
  /// - Throws: ``FieldIssue`` for neither a code nor a known name, with the nearest code.
  public static func regionName(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> String? {
    guard !field.isEmpty else { throw FieldIssue.empty }
    let issue = FieldIssue(expected: "an ISO 3166 region code such as CN or CN-ZJ (or a province or country name)")
    // CN, CN-ZJ, or a grid region such as US-EGRID-CAMX: upper-case letters, digits and dashes.
    let looksLikeCode = field.count >= 2 && field[0] >= 0x41 && field[0] <= 0x5A && field[1] >= 0x41 && field[1] <= 0x5A
      && (field.count == 2 || (field.count >= 4 && field.count <= 24 && field[2] == 0x2D
        && field[3...].allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }))
    let text = String(decoding: field, as: UTF8.self)
    if looksLikeCode, RegionCodes.isRegion(text) { return nil }
    if let code = RegionCodes.code(named: text) { return code }
    guard looksLikeCode else { throw issue }
    throw FieldIssue(expected: issue.expected, detail: "\(text) is not an ISO 3166\(field.count == 2 ? "-1" : "-2") code"
      + (field.count > 6 ? " or a grid region of the factor tables" : "")
      + (RegionCodes.nearest(to: text).map { "; did you mean \($0)?" } ?? ""))
  }

  /// Checks a GB/T 4754-2017 industry code: a section letter A–T, optionally followed by
  /// a two-, three- or four-digit division, group or class (`C`, `C30`, `C301`, `C3011`).
  public static func checkSector(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) {
    guard !field.isEmpty else { throw FieldIssue.empty }
    let issue = FieldIssue(expected: "a GB/T 4754-2017 industry code such as D4411 or C3011")
    guard field[0] >= 0x41, field[0] <= 0x54, field.count != 2, field.count <= 5 else { throw issue }
    for b in field.dropFirst() where b &- 0x30 >= 10 { throw issue }
  }
}
