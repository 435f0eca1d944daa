import Accounting
import ESGScoring
import FactorTables
import Quantities

extension PortfolioReport {
  /// The report's figures of the carbon accounts, taken as soon as the accounts exist so that
  /// the accounts need not stay in memory while the other stages run.
  struct AccountFigures {
    /// Enterprise-years by carbon-efficiency grade 1…5 (index 0 unused).
    var grades = [Double](repeating: 0, count: 6)
    /// The latest reporting year of the accounts, whose emitters are ranked.
    var year: Int?
    /// The 20 largest accounts of ``year`` with their totals as accounts.csv prints them (so that
    /// the report and the file agree), largest first; years are never mixed.
    var top: [(account: CarbonAccount, total: Double)] = []
    /// The total of every account of ``year``, tCO2e.
    var yearTotal = 0.0

    /// The figures of `accounts`.
    init(_ accounts: [CarbonAccount]) {
      for a in accounts {
        if let g = a.carbonEfficiency?.grade.flatMap({ Int($0.grade) }), (1...5).contains(g) { grades[g] += 1 }
      }
      year = accounts.map(\.year).max()
      let ofYear = accounts.filter { $0.year == year }
      var total = ExactSum(decimalPlaces: 6)
      for a in ofYear { try? total.add(a.total) }
      yearTotal = total.value
      let printed: [(account: CarbonAccount, total: Double)] = ofYear.map { a in
        (a, Double(DecimalFormat.fixed(a.total, places: 6)) ?? 0)
      }
      let ranked = printed.sorted { x, y in x.total != y.total ? x.total > y.total : x.account.entity < y.account.entity }
      top = Array(ranked.prefix(20))
    }

    /// The top emitters as bars: `name (id)` (the id where the name is unknown), the share of
    /// the year's total as the note.
    var topEmitters: [Bar] {
      top.map { a, total in
        let name = a.entityName.map { "\($0) (\(a.entity.rawValue))" } ?? a.entity.rawValue
        let share = yearTotal > 0 ? DecimalFormat.fixed(total / yearTotal * 100, places: 1) + " %" : nil
        return Bar(label: name, value: total, note: share)
      }
    }
  }

  /// Enterprise-years by ESG grade of `scoring`, in the methodology's order (best first), every
  /// grade shown even when no entity has it, then those without a grade (`insufficient_data`).
  static func gradeBars(_ scoring: ScoringResult) -> [Bar] {
    var counts: [String: Int] = [:]
    for score in scoring.scores { counts[score.grade, default: 0] += 1 }
    let insufficient = counts[ScoringMethodology.insufficientData].map {
      [Bar(label: ScoringMethodology.insufficientData, value: Double($0), note: "coverage below the methodology's minimum: no grade")]
    } ?? []
    return scoring.methodology.grades.map { Bar(label: $0.grade, value: Double(counts[$0.grade] ?? 0)) } + insufficient
  }
}
