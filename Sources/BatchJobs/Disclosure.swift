public import Tabular

/// A disclosure template filled with a run's figures: every cell with its value, unit, source
/// rows and clause, or with the reason it is empty.
public struct Disclosure: Sendable, Hashable {
  /// The template filled.
  public let template: DisclosureTemplate
  /// The cells, repeated rows expanded, in the template's order.
  public let cells: [DisclosureCell]

  /// Fills `template` from `facts`; a row that repeats gets one row per key the run has, its
  /// cells in the template's column order.
  public init(_ template: DisclosureTemplate, facts: DisclosureFacts) {
    self.template = template
    var cells: [DisclosureCell] = []
    // Consecutive lines of one table and row are one row's columns.
    var start = template.cells.startIndex
    while start < template.cells.endIndex {
      let first = template.cells[start]
      let end = template.cells[start...].firstIndex { $0.table != first.table || $0.row != first.row || $0.each != first.each }
        ?? template.cells.endIndex
      let columns = template.cells[start..<end]
      if let dimension = first.each {
        for key in facts.keys(under: dimension.prefix) where dimension.contains(key) {
          let names = (dimension.name(of: key, chinese: false, in: facts), dimension.name(of: key, chinese: true, in: facts))
          for spec in columns {
            cells.append(Self.cell(spec, facts: facts, key: key, row: "\(dimension.prefix)/\(key)", names: names))
          }
        }
      } else {
        for spec in columns { cells.append(Self.cell(spec, facts: facts, key: spec.row, row: "", names: ("", ""))) }
      }
      start = end
    }
    self.cells = cells
  }

  private static func cell(_ spec: DisclosureCellSpec, facts: DisclosureFacts, key: String, row: String,
                           names: (en: String, zh: String)) -> DisclosureCell
  {
    func label(_ text: String, _ name: String) -> String {
      text.replacingAll("{key}", with: key).replacingAll("{name}", with: name).trimmingSpaces()
    }
    var line = spec
    line.row = spec.row.replacingAll("{key}", with: key)
    line.labelEN = label(spec.labelEN, names.en)
    line.labelZH = label(spec.labelZH, names.zh)
    line.quantity = spec.quantity.replacingAll("{row}", with: row)
    let value = line.quantity.isEmpty ? nil : facts.text(at: line.quantity)
    return DisclosureCell(line: line, value: value, source: value == nil ? "" : facts.source(of: line.quantity))
  }

  /// The columns of a disclosure's CSV file.
  public static let csvColumns = ["template", "template_version", "table", "table_en", "table_zh", "row", "label_en",
                                  "label_zh", "column", "column_en", "column_zh", "value", "unit", "quantity", "source",
                                  "clause", "why_empty"]

  /// The cells as rows of ``csvColumns``.
  public var csvRows: [[String]] {
    cells.map { c in
      let l = c.line
      return [template.id, template.version, l.table, l.tableEN, l.tableZH, l.row, l.labelEN, l.labelZH, l.column,
              l.columnEN, l.columnZH, c.value ?? "", l.unit, l.quantity, c.source, l.clause, c.whyEmpty ?? ""]
    }
  }

  /// The disclosure as JSON: the template's identity and standard, then every cell.
  public var json: JSONValue {
    .object([
      ("template", .string(template.id)), ("version", .string(template.version)),
      ("title_en", .string(template.titleEN)), ("title_zh", .string(template.titleZH)),
      ("standard", .string(template.standard)), ("url", .string(template.url)),
      ("cells", .array(cells.map { c in
        .object([
          ("table", .string(c.line.table)), ("row", .string(c.line.row)), ("label_en", .string(c.line.labelEN)),
          ("label_zh", .string(c.line.labelZH)), ("column", .string(c.line.column)),
          ("value", c.value.map { Self.jsonValue($0) } ?? .null), ("unit", .string(c.line.unit)),
          ("source", .string(c.source)), ("clause", .string(c.line.clause)),
          ("why_empty", c.whyEmpty.map { .string($0) } ?? .null),
        ])
      })),
    ])
  }

  /// A figure's text as JSON: numbers verbatim, anything else as a string.
  private static func jsonValue(_ text: String) -> JSONValue {
    Double(text).map { $0.isFinite } == true ? .number(text) : .string(text)
  }

  /// Writes `<id>.csv` (Excel-safe: formula-like text guarded; with `byteOrderMark` a UTF-8
  /// BOM so that Excel reads the Chinese labels) and `<id>.json` into `directory`.
  ///
  /// - Throws: `InputError` when a file cannot be written.
  public func write(to directory: String, byteOrderMark: Bool = false) throws {
    try FileSystem.createDirectory(directory)
    let w = try CSVWriter(path: "\(directory)/\(template.id).csv", header: Self.csvColumns, byteOrderMark: byteOrderMark)
    for row in csvRows { w.writeRow(row) }
    try w.close()
    try FileSystem.write(json.rendered(), to: "\(directory)/\(template.id).json")
  }
}

extension String {
  /// The text with every `target` replaced by `replacement` (no Foundation).
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }

  /// The text without leading and trailing spaces.
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
