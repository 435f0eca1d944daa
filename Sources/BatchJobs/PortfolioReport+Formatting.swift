import Quantities
import Tabular

extension PortfolioReport {
  /// A JSON value as a number (0 when it is none).
  static func double(_ v: JSONValue?) -> Double {
    switch v {
    case .int(let i)?: Double(i)
    case .number(let text)?, .string(let text)?: Double(text) ?? 0
    case .bool(let b)?: b ? 1 : 0
    default: 0
    }
  }

  /// A share (0…1) as a percentage with two decimals (`39.26 %`); `—` for a missing or null value.
  static func percent(_ v: JSONValue?) -> String {
    guard let v, v != .null else { return "—" }
    return DecimalFormat.fixed(double(v) * 100, places: 2) + " %"
  }

  /// A JSON value as the report prints numbers; `—` for a missing or null value.
  static func number(_ v: JSONValue?) -> String {
    guard let v, v != .null else { return "—" }
    return number(double(v))
  }

  /// `d` with thousands separators: no decimals from 100 up, else up to 4.
  static func number(_ d: Double) -> String {
    let text = abs(d) >= 100 ? DecimalFormat.fixed(d, places: 0) : DecimalFormat.trimmed(d, places: 4)
    // Thousands separators for readability.
    let negative = text.hasPrefix("-")
    let digits = negative ? String(text.dropFirst()) : text
    let parts = digits.split(separator: ".", maxSplits: 1).map(String.init)
    var integer = ""
    for (i, c) in parts[0].reversed().enumerated() {
      if i > 0 && i % 3 == 0 { integer.append(",") }
      integer.append(c)
    }
    return (negative ? "-" : "") + String(integer.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }

  /// The page's start: its language, title and styles (on screen and printed on A4, charts
  /// scaled to the page so no text is cut).
  var head: String {
    """
    <!DOCTYPE html>
    <html lang="\(language.htmlCode)"><head><meta charset="utf-8"><title>\(t("GreenLedger 碳核算与绿色金融报告", "GreenLedger carbon accounting and green-finance report"))</title>
    <style>
    body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1b1b1b;max-width:980px}
    h1{font-size:22px;border-bottom:3px solid #2e7d32}h2{font-size:17px;margin-top:28px}small{color:#555;font-weight:normal}
    table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}
    td.n{text-align:right}p.meta{font-size:13px;color:#333}table.kv td{text-align:right;min-width:160px}footer{margin-top:36px;font-size:12px}code{font-size:11px}
    svg{max-width:100%;height:auto}h3{font-size:15px;margin-top:20px}caption{text-align:left;font-weight:bold;font-size:13px;padding:4px 0}
    ul.clauses{font-size:11px;color:#555;margin:2px 0 14px}table.disclosure td{min-width:90px}
    @page{size:A4;margin:14mm}@media print{body{margin:0;max-width:none}h2{break-after:avoid}svg,tr{break-inside:avoid}}
    </style></head><body>

    """
  }

  /// `zh` or `en`, in the report's language.
  func t(_ zh: String, _ en: String) -> String { language.pick(zh, en) }
}
