/// A JSON value with ordered object keys, rendered deterministically (same value, same
/// bytes) for summary files.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number already formatted as JSON (e.g. from `ExactSum.decimalString`),
  /// written verbatim.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Two values are equal when they render to the same text.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
  /// Hashes the rendered text.
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  /// The value as pretty-printed JSON, two-space indents, with a final newline at top level.
  public func rendered() -> String {
    var out = ""
    write(to: &out, indent: 0)
    return out + "\n"
  }

  private func write(to out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let n): out += n
    case .string(let s): Self.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        item.write(to: &out, indent: indent + 1)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += closePad + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += pad
        Self.writeString(key, to: &out)
        out += ": "
        value.write(to: &out, indent: indent + 1)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += closePad + "}"
    }
  }

  private static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
