import LoanBook
import Accounting
import FactorTables
import Quantities
import Tabular

/// report.html: one self-contained page (no external assets, no network) with Chinese and
/// English labels, inline SVG charts, tables beneath them and a provenance footer, built
/// from a run's typed results: its summary, the financed-emissions and green-loan summaries
/// as the stages produced them, the carbon accounts, and financed.csv for the data-quality
/// distribution.
struct PortfolioReport {
  /// summary.json of the run (``RunSummary``).
  let run: JSONValue
  /// The finance stage's summary.json.
  let finance: JSONValue
  /// green_summary.json of the tag stage.
  let green: JSONValue
  /// What the report shows of the carbon accounts (`nil` without activities).
  let accounts: AccountFigures?
  /// financed.csv of the run.
  let financedFile: String
  /// The institution whose book it is (`--institution`), when given.
  var institution: String?
  /// The reporting date.
  var reportingDay: Day?
  /// Financed emissions against the previous period (``PeriodComparison/json``), when compared.
  var change: JSONValue?

  struct Bar {
    var label: String
    var value: Double
    /// Shown beside the value in the table under the chart (a share, a count).
    var note: String?
  }

  func write(to path: String) throws {
    let portfolio = finance["portfolio"]
    var html = Self.head
    html += "<h1>GreenLedger 碳核算与绿色金融报告 <small>Carbon accounting and green-finance report</small></h1>\n"
    var heading: [String] = []
    if let institution { heading.append("机构 Institution: <b>\(Self.escape(institution))</b>") }
    if let reportingDay { heading.append("报告日 Reporting date: <b>\(reportingDay)</b>") }
    heading.append("币种 Currency: CNY")
    html += "<p class=meta>" + heading.joined(separator: " · ") + "</p>\n"

    // Key figures.
    let figures: [(String, String, JSONValue?)] = [
      ("融资排放 范围一+二", "Financed emissions, scope 1+2 (tCO2e)", portfolio?["financed_scope12_tco2e"]),
      ("融资排放 范围三", "Financed emissions, scope 3 (tCO2e)", portfolio?["financed_scope3_tco2e"]),
      ("经济排放强度", "Economic emission intensity (tCO2e / million CNY)", portfolio?["economic_emission_intensity_tco2e_per_million_cny"]),
      ("加权平均碳强度", "WACI (tCO2e / million CNY revenue)", portfolio?["waci_tco2e_per_million_cny_revenue"]),
      ("数据质量加权得分", "Weighted PCAF data quality (1 best – 5)", portfolio?["weighted_data_quality_scope12"]),
      ("覆盖率", "Coverage (share of outstanding scored)", portfolio?["coverage"]),
      ("绿色贷款余额", "Green (aligned) balance (CNY)", green["green_balance_cny"]),
      ("绿色贷款占比", "Green share of the book", green["green_share"]),
      ("年碳减排量", "Annual CO2 reduction of green projects (t)", green["annual_reduction_tco2"]),
      ("本行应占减排量", "Reduction attributed to the bank (t)", green["attributed_annual_reduction_tco2"]),
    ]
    html += "<section><h2>关键指标 <small>Key figures</small></h2><table class=kv>\n"
    for (zh, en, v) in figures {
      let text = en.hasPrefix("Coverage") || en.hasPrefix("Green share") ? Self.percent(v) : Self.number(v)
      html += "<tr><th>\(zh)<br><small>\(en)</small></th><td>\(text)</td></tr>\n"
    }
    html += "</table></section>\n"

    // Financed emissions by sector and by asset class.
    let sectors = (finance["by_sector_section"]?.members ?? []).map { k, v in
      Bar(label: "\(k) \(Self.sectionNames[k] ?? "")", value: Self.double(v["financed_scope12_tco2e"]))
    }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
    html += section("融资排放（按行业门类）", "Financed emissions by GB/T 4754 section (tCO2e, scope 1+2)", sectors)
    let classes = (finance["by_asset_class"]?.members ?? []).map { k, v in
      Bar(label: AssetClass(rawValue: k).map { "\($0.nameZH) \($0.nameEN)" } ?? k, value: Self.double(v["financed_scope12_tco2e"]))
    }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
    html += section("融资排放（按资产类别）", "Financed emissions by asset class (tCO2e, scope 1+2)", classes)

    // Data-quality distribution from financed.csv.
    let quality = try Self.outstandingByQuality(financedFile)
    html += section("数据质量分布", "PCAF data-quality score: outstanding by score (CNY; 1 = verified reported, 5 = asset-based estimate)",
                    (1...5).map { Bar(label: "score \($0)", value: quality[$0]) })

    // Green balance by 2025 first-level category.
    let categories = (green["by_category"]?.members ?? []).filter { !$0.0.contains(".") }.map { k, d in
      Bar(label: "\(k) \(d["name"]?.text ?? "")", value: Self.double(d["balance_cny"]))
    }.sorted { $0.label < $1.label }
    html += section("绿色贷款余额（按2025年版目录一级分类）", "Green (aligned) balance by first-level category of the 2025 catalogue (CNY)", categories)
    var subcategories: [Bar] = []
    for (k, d) in green["by_category"]?.members ?? [] where k.contains(".") {
      let label = "\(k) \(d["name"]?.text ?? "") (\(Self.number(d["loans"])))"
      subcategories.append(Bar(label: label, value: Self.double(d["balance_cny"])))
    }
    subcategories.sort { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
    html += section("绿色贷款余额（按2025年版目录二级分类）", "Green (aligned) balance by second-level category (CNY; loans in brackets)", subcategories)

    // Carbon-efficiency grades and top emitters of the accounts.
    if let accounts {
      html += section("碳效等级分布", "Zhejiang/Huzhou carbon-efficiency grade (number of enterprise-years; 1 best)",
                      (1...5).map { Bar(label: "grade \($0) 级", value: accounts.grades[$0]) })
      if let year = accounts.year {
        html += section("排放最高的企业（\(year)年）",
                        "Top \(accounts.topEmitters.count) emitters of \(year) by name (tCO2e, scope 1 + 2 location-based + 3; share of the year's accounts)",
                        accounts.topEmitters)
      }
    }

    if let change {
      let parts = [("上期 previous", "previous_financed_scope12_tco2e"), ("新增贷款 entering", "entering_tco2e"),
                   ("退出贷款 leaving", "leaving_tco2e"), ("余额变化 outstanding", "outstanding_effect_tco2e"),
                   ("企业价值变化 value (EVIC)", "value_effect_tco2e"), ("企业排放变化 emissions", "emissions_effect_tco2e"),
                   ("本期 current", "financed_scope12_tco2e")]
      html += changeSection(parts.map { Bar(label: $0.0, value: Self.double(change[$0.1])) })
    }

    let reductions = [Bar(label: "项目年减排 project", value: Self.double(green["annual_reduction_tco2"])),
                      Bar(label: "本行应占 attributed", value: Self.double(green["attributed_annual_reduction_tco2"])),
                      Bar(label: "节约标准煤 tce saved", value: Self.double(green["standard_coal_saved_tce"]))]
    html += section("环境效益", "Carbon reduction of green projects (tCO2 per year; standard coal in tce)", reductions)

    // Provenance.
    html += "<footer><h2>数据来源与可追溯性 <small>Provenance</small></h2><table>\n"
    html += "<tr><th>factor set</th><td><code>\(Self.escape(run["factor_set_digest"]?.text ?? ""))</code></td></tr>\n"
    let datasets = (run["datasets"]?.items ?? []).compactMap(\.text).joined(separator: ", ")
    html += "<tr><th>datasets</th><td>\(Self.escape(datasets))</td></tr>\n"
    for (k, v) in (run["methodologies"]?.members ?? []).sorted(by: { $0.0 < $1.0 }) {
      html += "<tr><th>\(Self.escape(k))</th><td>\(Self.escape(v.text ?? ""))</td></tr>\n"
    }
    for (k, d) in (run["inputs"]?.members ?? []).sorted(by: { $0.0 < $1.0 }) {
      html += "<tr><th>input \(Self.escape(k))</th><td>\(Self.escape(d["file"]?.text ?? "")) <code>\(Self.escape(d["sha256"]?.text ?? ""))</code></td></tr>\n"
    }
    let rows = run["rows"]
    html += "<tr><th>rows</th><td>read \(Self.number(rows?["read"])), accepted \(Self.number(rows?["accepted"])), rejected \(Self.number(rows?["rejected"])) (rejects.csv)</td></tr>\n"
    html += "</table></footer>\n</body></html>\n"
    try FileSystem.write(html, to: path)
  }

  // MARK: Pieces

  /// Outstanding (CNY) by PCAF data-quality score 1…5 (index 0 unused), summed in file order.
  static func outstandingByQuality(_ path: String) throws -> [Double] {
    var quality = [Double](repeating: 0, count: 6)
    var columns: (score: Int, outstanding: Int)?
    try CSVReader.read(file: path) { r in
      guard let (score, outstanding) = columns else {
        let header = r.strings
        guard let s = header.firstIndex(of: "data_quality_score"), let o = header.firstIndex(of: "outstanding_cny") else {
          throw InputError(file: path, message: "lacks data_quality_score or outstanding_cny; not a financed.csv")
        }
        columns = (s, o)
        return
      }
      if let s = r.text(score).flatMap({ Int($0) }), (1...5).contains(s) {
        quality[s] += r.text(outstanding).flatMap { Double($0) } ?? 0
      }
    }
    return quality
  }

  /// A heading, a horizontal bar chart in inline SVG and the table of its values.
  func section(_ zh: String, _ en: String, _ bars: [Bar]) -> String {
    var s = "<section><h2>\(zh) <small>\(Self.escape(en))</small></h2>\n"
    guard !bars.isEmpty else { return s + "<p>无数据 / no data</p></section>\n" }
    let top = max(bars.map(\.value).max() ?? 0, 1e-12)
    let rowHeight = 22
    let height = bars.count * rowHeight + 10
    s += "<svg role=img viewBox=\"0 0 760 \(height)\" width=\"760\" height=\"\(height)\">\n"
    for (i, b) in bars.enumerated() {
      let y = 5 + i * rowHeight
      let w = max(0, b.value / top * 420)
      // A long label ends in "…" in the chart; the table beneath has it whole.
      let label = b.label.count > 34 ? String(b.label.prefix(33)) + "…" : b.label
      s += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\"><title>\(Self.escape(b.label))</title>\(Self.escape(label))</text>"
      s += "<rect x=\"240\" y=\"\(y + 3)\" width=\"\(DecimalFormat.fixed(w, places: 1))\" height=\"16\" fill=\"#2e7d32\"/>"
      s += "<text x=\"\(DecimalFormat.fixed(246 + w, places: 1))\" y=\"\(y + 15)\" font-size=\"11\">\(Self.number(b.value))</text>\n"
    }
    s += "</svg>\n<table><tr><th>项目 item</th><th>数值 value</th></tr>\n"
    for b in bars {
      let note = b.note.map { " <small>(\(Self.escape($0)))</small>" } ?? ""
      s += "<tr><td>\(Self.escape(b.label))</td><td class=n>\(Self.number(b.value))\(note)</td></tr>\n"
    }
    return s + "</table></section>\n"
  }

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

  /// GB/T 4754-2017 section names (``IndustryClassification``), and the row of loans without a borrower.
  static let sectionNames = IndustryClassification.sectionNames.merging(["-": "无借款人 no borrower"]) { a, _ in a }

  static let head = """
    <!DOCTYPE html>
    <html lang="zh-CN"><head><meta charset="utf-8"><title>GreenLedger report</title>
    <style>
    body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1b1b1b;max-width:980px}
    h1{font-size:22px;border-bottom:3px solid #2e7d32}h2{font-size:17px;margin-top:28px}small{color:#555;font-weight:normal}
    table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}
    td.n{text-align:right}p.meta{font-size:13px;color:#333}table.kv td{text-align:right;min-width:160px}footer{margin-top:36px;font-size:12px}code{font-size:11px}
    </style></head><body>

    """
}
