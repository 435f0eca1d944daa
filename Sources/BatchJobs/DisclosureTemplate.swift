import Tabular

/// A disclosure a bank files, as data: a versioned template whose cells name the run's
/// figures they show and the clause each implements (DisclosureTemplates/, compiled in by
/// scripts/embed-disclosures).
public struct DisclosureTemplate: Sendable, Hashable {
  /// The template's id (`pcaf-part-a`), also its output files' name.
  public var id: String
  /// The template's version; a changed cell is a new version.
  public var version: String
  /// The English title.
  public var titleEN: String
  /// The Chinese title.
  public var titleZH: String
  /// The standard or statistics the template implements, with its edition.
  public var standard: String
  /// Where the standard is published.
  public var url: String
  /// The cells, in the order the disclosure lists them.
  public var cells: [DisclosureCellSpec]

  /// The templates compiled into the library, in the order of templates.csv.
  public static let bundled: [DisclosureTemplate] = {
    do { return try read(files: BundledDisclosures.files) } catch { fatalError("bundled disclosure templates: \(error)") }
  }()

  /// The columns of a template's cell file.
  package static let cellColumns = ["table", "table_en", "table_zh", "row", "label_en", "label_zh", "each", "column", "column_en",
                            "column_zh", "quantity", "unit", "clause", "if_empty"]

  /// Reads templates.csv and the cell files it names from `files` (name → bytes).
  ///
  /// - Throws: `InputError` naming the file and line of a missing file or column, or an
  ///   unknown `each` dimension (with the valid ones).
  public static func read(files: [String: [UInt8]]) throws -> [DisclosureTemplate] {
    try rows(of: "templates.csv", in: files, columns: ["id", "version", "file", "title_en", "title_zh", "standard", "url"])
      .map { _, row in
        var t = DisclosureTemplate(id: row["id"]!, version: row["version"]!, titleEN: row["title_en"]!,
                                   titleZH: row["title_zh"]!, standard: row["standard"]!, url: row["url"]!, cells: [])
        let file = row["file"]!
        t.cells = try rows(of: file, in: files, columns: cellColumns).map { line, c throws(InputError) in
          var each: DisclosureDimension?
          if !c["each"]!.isEmpty {
            guard let d = DisclosureDimension(rawValue: c["each"]!) else {
              throw InputError(file: file, message: "line \(line), column each: unknown dimension \"\(c["each"]!)\"; "
                + "expected one of \(DisclosureDimension.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            each = d
          }
          return DisclosureCellSpec(table: c["table"]!, tableEN: c["table_en"]!, tableZH: c["table_zh"]!, row: c["row"]!,
                                    labelEN: c["label_en"]!, labelZH: c["label_zh"]!, each: each, column: c["column"]!,
                                    columnEN: c["column_en"]!, columnZH: c["column_zh"]!, quantity: c["quantity"]!,
                                    unit: c["unit"]!, clause: c["clause"]!, ifEmpty: c["if_empty"]!)
        }
        return t
      }
  }

  /// The data rows of CSV file `name` (a template, the glossary) as column → text, with their
  /// line numbers; every one of `columns` must be in the header.
  static func rows(of name: String, in files: [String: [UInt8]], columns: [String]) throws(InputError)
    -> [(line: Int, fields: [String: String])]
  {
    guard let bytes = files[name] else { throw InputError(file: name, message: "the template file is missing") }
    return try CSVReader.rowsByColumn(of: bytes, file: name, requiring: columns).rows
  }
}
