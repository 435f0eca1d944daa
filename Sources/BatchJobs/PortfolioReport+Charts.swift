import Quantities

extension PortfolioReport {
  /// The change against the previous period as a waterfall-like chart: the previous total, each
  /// driver (negative ones to the left, in red) and the current total, with the table beneath.
  func changeSection(_ bars: [Bar]) -> String {
    var s = "<section><h2>与上期相比的变化及归因 <small>Change against the previous period and its drivers "
      + "(tCO2e, scope 1+2; PCAF Part A 3rd ed. Box 6.1-3)</small></h2>\n"
    let top = max(bars.map { abs($0.value) }.max() ?? 0, 1e-12)
    let rowHeight = 22
    let height = bars.count * rowHeight + 10
    let zero = 460.0
    s += "<svg role=img viewBox=\"0 0 760 \(height)\" width=\"760\" height=\"\(height)\">\n"
    for (i, b) in bars.enumerated() {
      let y = 5 + i * rowHeight
      let w = abs(b.value) / top * 200
      let x = b.value < 0 ? zero - w : zero
      s += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(Self.escape(b.label))</text>"
      s += "<rect x=\"\(DecimalFormat.fixed(x, places: 1))\" y=\"\(y + 3)\" width=\"\(DecimalFormat.fixed(w, places: 1))\" "
        + "height=\"16\" fill=\"\(b.value < 0 ? "#c62828" : "#2e7d32")\"/>"
      s += "<text x=\"\(DecimalFormat.fixed(b.value < 0 ? zero + 6 : zero + w + 6, places: 1))\" y=\"\(y + 15)\" "
        + "font-size=\"11\">\(Self.number(b.value))</text>\n"
    }
    s += "</svg>\n<table><tr><th>项目 item</th><th>数值 value</th></tr>\n"
    for b in bars { s += "<tr><td>\(Self.escape(b.label))</td><td class=n>\(Self.number(b.value))</td></tr>\n" }
    return s + "</table></section>\n"
  }
}
