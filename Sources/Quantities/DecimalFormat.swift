/// Deterministic decimal text for numbers written to output files: the value rounded once,
/// half to even, to a fixed number of places, printed exactly (no binary-to-decimal
/// surprises such as `0.30000000000000004`, no exponent notation).
public enum DecimalFormat {
  /// `value` rounded to `places` decimal places (0…15), e.g. `fixed(154.795482, places: 3)`
  /// is `"154.795"`. Negative zero prints as `0`. Non-finite values print as an empty string
  /// (an absent value in CSV), never as `nan`.
  public static func fixed(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "" }
    var sum = ExactSum(decimalPlaces: places)
    do { try sum.add(value) } catch { return shortest(value) }
    let text = sum.decimalString
    return text.hasPrefix("-") && sum.quanta == 0 ? String(text.dropFirst()) : text
  }

  /// Like ``fixed(_:places:)`` with trailing zeros (and a bare point) removed: `"154.7955"`,
  /// `"0.11"`, `"42"`.
  public static func trimmed(_ value: Double, places: Int) -> String {
    var text = fixed(value, places: places)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// The shortest text that reads back as the same `Double` (Swift's `description`), for
  /// echoing inputs in formulas: `42.652`, `0.98`, `1e-07`.
  public static func shortest(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
