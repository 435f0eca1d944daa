import LoanBook
import Accounting
import FactorTables
import Quantities
import Tabular

/// report.html: one self-contained, printable page (no external assets, no network) in Chinese
/// or English, with inline SVG charts, tables beneath them, a glossary and a provenance footer,
/// built from a run's typed results: its summary, the financed-emissions and green-loan
/// summaries as the stages produced them, the carbon accounts and ESG grades, financed.csv for
/// the data-quality distribution, and the previous period's summary for the trend.
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
  /// The language of every heading and label.
  var language = ReportLanguage.zh
  /// The institution whose book it is (`--institution`), when given.
  var institution: String?
  /// The reporting date.
  var reportingDay: Day?
  /// Enterprise-years by ESG grade, best grade first (empty without scores).
  var esgGrades: [Bar] = []
  /// Financed emissions against the previous period (``PeriodComparison/json``), when compared.
  var change: JSONValue?
  /// summary.json of the previous period's run, when compared and present.
  var previousRun: JSONValue?
  /// The latest year of the institution's own carbon account (``AccountTotals/latestYear``).
  var ownOperations: JSONValue?
  /// The filled disclosure templates, shown as tables after the charts.
  var disclosures: [Disclosure] = []

  struct Bar {
    var label: String
    var value: Double
    /// Shown beside the value in the table under the chart (a share, a count).
    var note: String?
  }

  func write(to path: String) throws {
    var html = head
    html += "<h1>\(t("GreenLedger 碳核算与绿色金融报告", "GreenLedger carbon accounting and green-finance report"))</h1>\n"
    var heading: [String] = []
    if let institution { heading.append("\(t("机构", "Institution")): <b>\(Self.escape(institution))</b>") }
    if let reportingDay { heading.append("\(t("报告日", "Reporting date")): <b>\(reportingDay)</b>") }
    heading.append("\(t("币种", "Currency")): CNY")
    html += "<p class=meta>" + heading.joined(separator: " · ") + "</p>\n"
    html += keyFigures()
    html += try portfolioSections()
    html += accountSections()
    html += trendAndChangeSections()
    let reductions = [Bar(label: t("项目年减排", "Projects' annual reduction"), value: Self.double(green["annual_reduction_tco2"])),
                      Bar(label: t("本行应占", "Attributed to the bank"), value: Self.double(green["attributed_annual_reduction_tco2"])),
                      Bar(label: t("节约标准煤 (tce)", "Standard coal saved (tce)"), value: Self.double(green["standard_coal_saved_tce"]))]
    html += section(t("环境效益（二氧化碳吨/年；标准煤吨）", "Carbon reduction of green projects (tCO2 per year; standard coal in tce)"), reductions)
    html += disclosureSections() + glossarySection() + provenance() + "</body></html>\n"
    try FileSystem.write(html, to: path)
  }

  // MARK: Sections

  func keyFigures() -> String {
    let portfolio = finance["portfolio"]
    let figures: [(String, String, JSONValue?, percent: Bool)] = [
      ("融资排放 范围一+二 (tCO2e)", "Financed emissions, scope 1+2 (tCO2e)", portfolio?["financed_scope12_tco2e"], false),
      ("融资排放 范围三 (tCO2e，单独披露)", "Financed emissions, scope 3 (tCO2e, reported apart)", portfolio?["financed_scope3_tco2e"], false),
      ("经济排放强度 (tCO2e/百万元)", "Economic emission intensity (tCO2e / million CNY)",
       portfolio?["economic_emission_intensity_tco2e_per_million_cny"], false),
      ("加权平均碳强度 (tCO2e/百万元营业收入)", "WACI (tCO2e / million CNY revenue)", portfolio?["waci_tco2e_per_million_cny_revenue"], false),
      ("数据质量加权得分 (1最好–5)", "Weighted PCAF data quality (1 best – 5)", portfolio?["weighted_data_quality_scope12"], false),
      ("覆盖率", "Coverage (share of outstanding scored)", portfolio?["coverage"], true),
      ("绿色贷款余额 (元)", "Green (aligned) balance (CNY)", green["green_balance_cny"], false),
      ("绿色贷款占比", "Green share of the book", green["green_share"], true),
      ("年碳减排量 (tCO2)", "Annual CO2 reduction of green projects (t)", green["annual_reduction_tco2"], false),
      ("本行应占减排量 (tCO2)", "Reduction attributed to the bank (t)", green["attributed_annual_reduction_tco2"], false),
    ]
    var s = "<section><h2>\(t("关键指标", "Key figures"))</h2><table class=kv>\n"
    for (zh, en, v, percent) in figures {
      s += "<tr><th>\(Self.escape(t(zh, en)))</th><td>\(percent ? Self.percent(v) : Self.number(v))</td></tr>\n"
    }
    if let own = ownOperations, case .int(let year)? = own["year"] {
      s += "<tr><th>\(t("本机构自身运营排放（\(year)年，tCO2e，范围一+二+三）", "The institution's own operations, \(year) (tCO2e, scope 1+2+3)"))</th>"
        + "<td>\(Self.number(own["total_tco2e"]))</td></tr>\n"
    }
    if let phaseIn = finance["scope3_phase_in"], let phase = phaseIn["phase"], phase != .null {
      let sectors = phaseIn["sectors"]?.text == "every sector" ? t("所有行业", "every sector") : phaseIn["sectors"]?.text ?? ""
      s += "<tr><th>\(t("PCAF范围三分阶段纳入", "PCAF scope 3 phase-in"))</th><td>"
        + "\(t("第\(Self.number(phase))阶段：", "phase \(Self.number(phase)): "))\(Self.escape(sectors))</td></tr>\n"
    }
    return s + "</table></section>\n"
  }

  /// Financed emissions by sector and asset class, data quality, green balance by class.
  func portfolioSections() throws -> String {
    let largestFirst = { (a: Bar, b: Bar) in a.value != b.value ? a.value > b.value : a.label < b.label }
    let sectors = (finance["by_sector_section"]?.members ?? []).map { k, v in
      Bar(label: sectionLabel(k), value: Self.double(v["financed_scope12_tco2e"]))
    }.sorted(by: largestFirst)
    var s = section(t("融资排放（按国民经济行业门类，tCO2e，范围一+二）", "Financed emissions by GB/T 4754 section (tCO2e, scope 1+2)"), sectors)
    let classes = (finance["by_asset_class"]?.members ?? []).map { k, v in
      Bar(label: AssetClass(rawValue: k).map { t($0.nameZH, $0.nameEN) } ?? k, value: Self.double(v["financed_scope12_tco2e"]))
    }.sorted(by: largestFirst)
    s += section(t("融资排放（按资产类别，tCO2e，范围一+二）", "Financed emissions by asset class (tCO2e, scope 1+2)"), classes)

    let quality = try Self.outstandingByQuality(financedFile)
    s += section(t("数据质量分布：按PCAF数据质量得分的余额（元；1＝经核查的报告排放，5＝基于资产的估算）",
                   "PCAF data-quality score: outstanding by score (CNY; 1 = verified reported, 5 = asset-based estimate)"),
                 (1...5).map { Bar(label: t("\($0) 分", "score \($0)"), value: quality[$0]) })

    let name = { (d: JSONValue) in self.t(d["name"]?.text ?? "", d["name_en"]?.text ?? d["name"]?.text ?? "") }
    let categories = (green["by_category"]?.members ?? []).filter { !$0.0.contains(".") }.map { k, d in
      Bar(label: "\(k) \(name(d))", value: Self.double(d["balance_cny"]))
    }.sorted { $0.label < $1.label }
    s += section(t("绿色贷款余额（按2025年版目录一级分类，元）", "Green (aligned) balance by first-level category of the 2025 catalogue (CNY)"), categories)
    let subcategories = (green["by_category"]?.members ?? []).filter { $0.0.contains(".") }.map { k, d in
      Bar(label: "\(k) \(name(d))", value: Self.double(d["balance_cny"]), note: t("\(Self.number(d["loans"])) 笔", "\(Self.number(d["loans"])) loans"))
    }.sorted(by: largestFirst)
    return s + section(t("绿色贷款余额（按2025年版目录二级分类，元）", "Green (aligned) balance by second-level category (CNY)"), subcategories)
  }

  /// Carbon-efficiency and ESG grades, and the top emitters of the accounts.
  func accountSections() -> String {
    guard let accounts else { return "" }
    var s = section(t("碳效等级分布（企业·年数；1级最好）", "Zhejiang/Huzhou carbon-efficiency grade (enterprise-years; 1 best)"),
                    (1...5).map { Bar(label: t("\($0) 级", "grade \($0)"), value: accounts.grades[$0]) })
    if !esgGrades.isEmpty {
      s += section(t("ESG评级分布（企业·年数）", "ESG grades (enterprise-years)"), esgGrades)
    }
    if let year = accounts.year {
      s += section(t("\(year)年排放最高的\(accounts.topEmitters.count)家企业（tCO2e，范围一＋范围二基于位置＋范围三；占当年合计的比例）",
                     "Top \(accounts.topEmitters.count) emitters of \(year) by name (tCO2e, scope 1 + 2 location-based + 3; share of the year's accounts)"),
                   accounts.topEmitters)
    }
    return s
  }

  /// The trend over the previous and this period, and the attribution of the change.
  func trendAndChangeSections() -> String {
    guard let change else { return "" }
    var s = ""
    let previousLabel = previousRun?["totals"]?["reporting_date"]?.text ?? t("上期", "previous")
    let currentLabel = reportingDay.map { "\($0)" } ?? t("本期", "current")
    s += section(t("融资排放趋势（tCO2e，范围一+二）", "Financed emissions by period (tCO2e, scope 1+2)"), [
      Bar(label: previousLabel, value: Self.double(change["previous_financed_scope12_tco2e"])),
      Bar(label: currentLabel, value: Self.double(change["financed_scope12_tco2e"])),
    ])
    if let previousGreen = previousRun?["totals"]?["green"] {
      s += section(t("绿色贷款余额趋势（元；括号内为占比）", "Green balance by period (CNY; share of the book in brackets)"), [
        Bar(label: previousLabel, value: Self.double(previousGreen["green_balance_cny"]), note: Self.percent(previousGreen["green_share"])),
        Bar(label: currentLabel, value: Self.double(green["green_balance_cny"]), note: Self.percent(green["green_share"])),
      ])
    }
    let parts = [(t("上期", "Previous period"), "previous_financed_scope12_tco2e"), (t("新增贷款", "Loans entering"), "entering_tco2e"),
                 (t("退出贷款", "Loans leaving"), "leaving_tco2e"), (t("余额变化", "Outstanding change"), "outstanding_effect_tco2e"),
                 (t("企业价值变化 (EVIC)", "Value change (EVIC)"), "value_effect_tco2e"),
                 (t("企业排放变化", "Borrowers' emission change"), "emissions_effect_tco2e"),
                 (t("本期", "This period"), "financed_scope12_tco2e")]
    return s + changeSection(parts.map { Bar(label: $0.0, value: Self.double(change[$0.1])) })
  }

  func provenance() -> String {
    var s = "<footer><h2>\(t("数据来源与可追溯性", "Provenance"))</h2><table>\n"
    s += "<tr><th>\(t("排放因子集", "factor set"))</th><td><code>\(Self.escape(run["factor_set_digest"]?.text ?? ""))</code></td></tr>\n"
    let datasets = (run["datasets"]?.items ?? []).compactMap(\.text).joined(separator: ", ")
    s += "<tr><th>\(t("数据集", "datasets"))</th><td>\(Self.escape(datasets))</td></tr>\n"
    for (k, v) in (run["methodologies"]?.members ?? []).sorted(by: { $0.0 < $1.0 }) {
      s += "<tr><th>\(Self.escape(k))</th><td>\(Self.escape(v.text ?? ""))</td></tr>\n"
    }
    for (k, d) in (run["inputs"]?.members ?? []).sorted(by: { $0.0 < $1.0 }) {
      s += "<tr><th>\(t("输入", "input")) \(Self.escape(k))</th><td>\(Self.escape(d["file"]?.text ?? "")) "
        + "<code>\(Self.escape(d["sha256"]?.text ?? ""))</code></td></tr>\n"
    }
    let rows = run["rows"]
    s += "<tr><th>\(t("行数", "rows"))</th><td>" + t("读取 \(Self.number(rows?["read"]))，接受 \(Self.number(rows?["accepted"]))，拒绝 \(Self.number(rows?["rejected"]))（rejects.csv）",
      "read \(Self.number(rows?["read"])), accepted \(Self.number(rows?["accepted"])), rejected \(Self.number(rows?["rejected"])) (rejects.csv)")
    return s + "</td></tr>\n</table></footer>\n"
  }

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

  /// `C 制造业` (in English, with the section's English name where the table has one); the row
  /// of loans without a borrower (`-`) by what it is.
  func sectionLabel(_ section: String) -> String {
    if section == "-" { return t("无借款人", "no borrower") }
    let name = language == .en ? IndustryClassification.sectionNamesEN[section] : nil
    return "\(section) \(name ?? IndustryClassification.sectionNames[section] ?? "")"
  }
}
