/// Rows laid out in aligned, space-separated columns under a header and a dashed rule, as a
/// terminal shows a small table (`factors list`).
public struct TextTable: Sendable {
  /// The column names.
  public var header: [String]
  /// The rows, each with one cell per column.
  public var rows: [[String]]

  /// A table of `rows` under `header`.
  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  /// The table as lines: each column as wide as its widest cell (in characters), two spaces
  /// between columns, no trailing spaces.
  public var text: String {
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var s = ""
      for (i, cell) in cells.enumerated() {
        if i > 0 { s += "  " }
        s += cell
        if i < widths.count, cell.count < widths[i] { s += String(repeating: " ", count: widths[i] - cell.count) }
      }
      while s.last == " " { s.removeLast() }
      return s
    }
    return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
  }
}
