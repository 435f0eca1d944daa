import Quantities
import Tabular

extension PortfolioReport {
  /// The disclosures as a bank files them: per template its title and standard, per table a
  /// grid of rows × columns (each value with its unit, an empty cell with its reason) and the
  /// clauses the table implements — the same cells as `disclosures/<id>.csv`.
  func disclosureSections() -> String {
    guard !disclosures.isEmpty else { return "" }
    var s = "<section><h2>\(t("披露表", "Disclosure tables"))</h2>\n"
    let note = t("与 disclosures/ 中的 CSV、JSON 文件逐格相同；每格的来源行见其 source 列。",
                 "Cell for cell the CSV and JSON files in disclosures/; each cell's source rows are in their source column.")
    s += "<p class=meta>\(note)</p>\n"
    for disclosure in disclosures {
      s += "<h3>\(Self.escape(t(disclosure.template.titleZH, disclosure.template.titleEN)))</h3>\n"
      s += "<p class=meta>\(Self.escape(disclosure.template.standard))</p>\n"
      for cells in Self.grouped(disclosure.cells, by: \.line.table) {
        s += table(cells)
      }
    }
    return s + "</section>\n"
  }

  /// One table: its rows and columns in the template's order.
  func table(_ cells: [DisclosureCell]) -> String {
    let first = cells[0].line
    let rows = Self.grouped(cells, by: \.line.row)
    let columns = Self.grouped(cells, by: \.line.column).map { $0[0].line }
    let caption = "\(Self.escape(first.table)) \(Self.escape(t(first.tableZH, first.tableEN)))"
    var s = "<table class=disclosure><caption>\(caption)</caption>\n<tr><th></th>"
    for c in columns { s += "<th>\(Self.escape(t(c.columnZH, c.columnEN)))</th>" }
    s += "</tr>\n"
    for row in rows {
      s += "<tr><th>\(Self.escape(t(row[0].line.labelZH, row[0].line.labelEN)))</th>"
      for c in columns {
        let cell = row.first { $0.line.column == c.column }
        s += cell.map { "<td class=n>\(formatted($0))</td>" } ?? "<td></td>"
      }
      s += "</tr>\n"
    }
    s += "</table>\n<ul class=clauses>"
    for clause in Self.grouped(cells, by: \.line.clause).map({ $0[0].line.clause }) {
      s += "<li>\(Self.escape(clause))</li>"
    }
    return s + "</ul>\n"
  }

  /// A cell's value as the report prints numbers (a share as a percentage), with its unit; an
  /// empty cell as "—" with its reason.
  func formatted(_ cell: DisclosureCell) -> String {
    guard let value = cell.value else {
      return "—<br><small>\(Self.escape(cell.whyEmpty ?? ""))</small>"
    }
    let unit = cell.line.unit
    guard let number = Double(value), !["year", "phase"].contains(unit) else { return Self.escape(value) }
    if unit == "1" { return Self.percent(.number(value)) }
    return Self.number(number) + " <small>\(Self.escape(unit))</small>"
  }

  /// `items` in runs of equal `key`, the runs in the order their key first appears.
  static func grouped<T>(_ items: [T], by key: (T) -> String) -> [[T]] {
    var order: [String] = []
    var groups: [String: [T]] = [:]
    for item in items {
      let k = key(item)
      if groups[k] == nil { order.append(k) }
      groups[k, default: []].append(item)
    }
    return order.map { groups[$0]! }
  }
}
