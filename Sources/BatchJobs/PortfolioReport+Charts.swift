import Quantities

extension PortfolioReport {
  /// A heading, a horizontal bar chart in inline SVG and the table of its values.
  func section(_ title: String, _ bars: [Bar]) -> String {
    var s = "<section><h2>\(Self.escape(title))</h2>\n"
    guard !bars.isEmpty else { return s + "<p>\(t("无数据", "no data"))</p></section>\n" }
    let top = max(bars.map(\.value).max() ?? 0, 1e-12)
    let rowHeight = 22
    let height = bars.count * rowHeight + 10
    s += "<svg role=img viewBox=\"0 0 760 \(height)\" width=\"760\" height=\"\(height)\">\n"
    for (i, b) in bars.enumerated() {
      let y = 5 + i * rowHeight
      let w = max(0, b.value / top * 420)
      s += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\"><title>\(Self.escape(b.label))</title>\(Self.escape(Self.chartLabel(b.label)))</text>"
      s += "<rect x=\"240\" y=\"\(y + 3)\" width=\"\(DecimalFormat.fixed(w, places: 1))\" height=\"16\" fill=\"#2e7d32\"/>"
      s += "<text x=\"\(DecimalFormat.fixed(246 + w, places: 1))\" y=\"\(y + 15)\" font-size=\"11\">\(Self.number(b.value))</text>\n"
    }
    return s + "</svg>\n" + valueTable(bars) + "</section>\n"
  }

  /// The change against the previous period as a waterfall-like chart: the previous total, each
  /// driver (negative ones to the left, in red) and the current total, with the table beneath.
  func changeSection(_ bars: [Bar]) -> String {
    var s = "<section><h2>" + Self.escape(t("与上期相比的变化及归因（tCO2e，范围一+二；PCAF Part A 第3版 Box 6.1-3）",
      "Change against the previous period and its drivers (tCO2e, scope 1+2; PCAF Part A 3rd ed. Box 6.1-3)")) + "</h2>\n"
    let top = max(bars.map { abs($0.value) }.max() ?? 0, 1e-12)
    let rowHeight = 22
    let height = bars.count * rowHeight + 10
    let zero = 460.0
    s += "<svg role=img viewBox=\"0 0 760 \(height)\" width=\"760\" height=\"\(height)\">\n"
    for (i, b) in bars.enumerated() {
      let y = 5 + i * rowHeight
      let w = abs(b.value) / top * 200
      let x = b.value < 0 ? zero - w : zero
      s += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(Self.escape(Self.chartLabel(b.label)))</text>"
      s += "<rect x=\"\(DecimalFormat.fixed(x, places: 1))\" y=\"\(y + 3)\" width=\"\(DecimalFormat.fixed(w, places: 1))\" "
        + "height=\"16\" fill=\"\(b.value < 0 ? "#c62828" : "#2e7d32")\"/>"
      s += "<text x=\"\(DecimalFormat.fixed(b.value < 0 ? zero + 6 : zero + w + 6, places: 1))\" y=\"\(y + 15)\" "
        + "font-size=\"11\">\(Self.number(b.value))</text>\n"
    }
    return s + "</svg>\n" + valueTable(bars) + "</section>\n"
  }

  /// Every term of the report with its definition and source, in the report's language.
  func glossarySection() -> String {
    var s = "<section><h2>\(t("术语表", "Glossary"))</h2>\n<table><tr><th>\(t("术语", "term"))</th><th>\(t("定义", "definition"))</th>"
      + "<th>\(t("来源", "source"))</th></tr>\n"
    for entry in GlossaryEntry.bundled {
      let (term, definition) = entry.text(in: language)
      s += "<tr><td>\(Self.escape(term))</td><td>\(Self.escape(definition))</td><td><small>\(Self.escape(entry.source))</small></td></tr>\n"
    }
    return s + "</table></section>\n"
  }

  /// The table beneath a chart: each bar's whole label, its value and its note.
  func valueTable(_ bars: [Bar]) -> String {
    var s = "<table><tr><th>\(t("项目", "item"))</th><th>\(t("数值", "value"))</th></tr>\n"
    for b in bars {
      let note = b.note.map { " <small>(\(Self.escape($0)))</small>" } ?? ""
      s += "<tr><td>\(Self.escape(b.label))</td><td class=n>\(Self.number(b.value))\(note)</td></tr>\n"
    }
    return s + "</table>\n"
  }

  /// The widest a label may be in a chart, in the width of a Latin letter (a Chinese character
  /// counts two): 236 px of 12 px text before the bars begin at x = 240.
  static let chartLabelWidth = 36

  /// `label` as a chart shows it: whole when it fits before the bars, else cut to fit and
  /// ending in "…" (the table beneath has it whole).
  static func chartLabel(_ label: String) -> String {
    let width = { (c: Character) in c.unicodeScalars.first.map { $0.value >= 0x2E80 ? 2 : 1 } ?? 1 }
    guard label.reduce(0, { $0 + width($1) }) > chartLabelWidth else { return label }
    var cut = ""
    var used = 0
    for c in label {
      guard used + width(c) <= chartLabelWidth - 1 else { break }
      cut.append(c)
      used += width(c)
    }
    return cut + "…"
  }
}
