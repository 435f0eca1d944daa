import Accounting
import FactorTables
import LoanBook
import Quantities
import Tabular

extension PortfolioReport {
  /// The report's figures of the carbon accounts, taken as soon as the accounts exist so that
  /// the accounts need not stay in memory while the other stages run.
  struct AccountFigures {
    /// Enterprise-years by carbon-efficiency grade 1…5 (index 0 unused).
    var grades = [Double](repeating: 0, count: 6)
    /// The latest reporting year of the accounts, whose emitters are ranked.
    var year: Int?
    /// The 20 largest totals of ``year`` with their share of the year's total, largest first
    /// (years are never mixed).
    var top: [(entity: EntityID, total: Double, share: Double?)] = []
    /// The enterprises' names by id (borrowers.csv `name`), for the labels.
    var names: [EntityID: String] = [:]

    /// The figures of `accounts`.
    init(_ accounts: [CarbonAccount]) {
      for a in accounts {
        if let g = a.carbonEfficiency?.grade.flatMap({ Int($0.grade) }), (1...5).contains(g) { grades[g] += 1 }
      }
      year = accounts.map(\.year).max()
      let ofYear = accounts.filter { $0.year == year }
      var total = ExactSum(decimalPlaces: 6)
      for a in ofYear { try? total.add(a.total) }
      // Totals as accounts.csv prints them, so that the report and the file agree.
      let ranked = ofYear.map { a in (entity: a.entity, total: Double(DecimalFormat.fixed(a.total, places: 6)) ?? 0) }
        .sorted { $0.total != $1.total ? $0.total > $1.total : $0.entity < $1.entity }
      top = ranked.prefix(20).map { ($0.entity, $0.total, total.value > 0 ? $0.total / total.value : nil) }
    }

    /// The top emitters as bars: `name (id)` (the id where the name is unknown), the share of
    /// the year's total as the note.
    var topEmitters: [Bar] {
      top.map { t in
        let name = names[t.entity].map { "\($0) (\(t.entity.rawValue))" } ?? t.entity.rawValue
        return Bar(label: name, value: t.total, note: t.share.map { DecimalFormat.fixed($0 * 100, places: 1) + " %" })
      }
    }

    /// The names (borrowers.csv `name`) of `ids`, read from `borrowers` in one pass; ids without
    /// a name are left out.
    static func names(of ids: Set<EntityID>, in borrowers: String) throws -> [EntityID: String] {
      var columns: (id: Int, name: Int)?
      var names: [EntityID: String] = [:]
      try CSVReader.read(file: borrowers) { r in
        guard let (id, name) = columns else {
          let header = r.strings
          guard let i = header.firstIndex(of: "borrower_id"), let n = header.firstIndex(of: "name") else { return }
          columns = (i, n)
          return
        }
        if let key = r.text(id).map({ EntityID($0) }), ids.contains(key), let text = r.text(name) { names[key] = text }
      }
      return names
    }
  }
}
