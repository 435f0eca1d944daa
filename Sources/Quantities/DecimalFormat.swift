/// Deterministic decimal text for numbers written to output files: the value rounded once,
/// half to even, to a fixed number of places, printed exactly (no binary-to-decimal
/// surprises such as `0.30000000000000004`, no exponent notation).
public enum DecimalFormat {
  /// `value` rounded to `places` decimal places (0…15), e.g. `fixed(154.795482, places: 3)`
  /// is `"154.795"`. Negative zero prints as `0`. Non-finite values print as an empty string
  /// (an absent value in CSV), never as `nan`.
  public static func fixed(_ value: Double, places: Int) -> String {
    text(value, places: places, trimmingZeros: false)
  }

  /// Like ``fixed(_:places:)`` with trailing zeros (and a bare point) removed: `"154.7955"`,
  /// `"0.11"`, `"42"`.
  public static func trimmed(_ value: Double, places: Int) -> String {
    text(value, places: places, trimmingZeros: true)
  }

  private static func text(_ value: Double, places: Int, trimmingZeros: Bool) -> String {
    guard value.isFinite else { return "" }
    return withDigits(of: value, places: places, trimmingZeros: trimmingZeros) { digits in
      var bytes: [UInt8] = []
      bytes.reserveCapacity(digits.count)
      for i in digits.indices { bytes.append(digits[i]) }
      return String(decoding: bytes, as: UTF8.self)
    } ?? shortest(value)
  }

  /// Calls `body` with the ASCII text of `value` rounded half to even to `places` decimals
  /// (the text of ``fixed(_:places:)``, or of ``trimmed(_:places:)`` when `trimmingZeros`),
  /// built on the stack; `nil` without calling it when the value is not finite or has more
  /// than 2^63 quanta (callers fall back to ``shortest(_:)``).
  package static func withDigits<R>(of value: Double, places: Int, trimmingZeros: Bool,
                                   _ body: (Span<UInt8>) throws -> R) rethrows -> R?
  {
    guard let q = try? ExactSum.quanta(of: value, decimalPlaces: places) else { return nil }
    var magnitude = q.magnitude
    var places = places
    while trimmingZeros, places > 0, magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    return try withDigits(magnitude: magnitude, places: places, negative: q < 0, body)
  }

  /// Calls `body` with the ASCII text of `magnitude` × 10^-`places` (`-` first when
  /// `negative`, a leading `0` before a point), built on the stack: `12345, 2` is `123.45`,
  /// `7, 0` is `7`. Every decimal this package writes without a `String` goes through here.
  package static func withDigits<R>(magnitude: UInt64, places: Int, negative: Bool,
                                   _ body: (Span<UInt8>) throws -> R) rethrows -> R
  {
    // At most 20 digits, a point, a sign and a leading zero; filled from the end.
    var buffer = InlineArray<40, UInt8>(repeating: 0)
    var i = 40
    var v = magnitude
    var n = 0
    repeat {
      if n == places, places > 0 {
        i -= 1
        buffer[i] = 0x2E
      }
      i -= 1
      buffer[i] = UInt8(truncatingIfNeeded: v % 10) + 0x30
      v /= 10
      n += 1
    } while v > 0 || n <= places
    if negative {
      i -= 1
      buffer[i] = 0x2D
    }
    return try body(buffer.span.extracting(i...))
  }

  /// The shortest text that reads back as the same `Double` (Swift's `description`), for
  /// echoing inputs in formulas: `42.652`, `0.98`, `1e-07`.
  public static func shortest(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
