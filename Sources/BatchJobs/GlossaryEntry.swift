public import Tabular

/// A term of the report and the disclosures, defined in both languages with the standard it
/// comes from (DisclosureTemplates/glossary.csv); report.html ends with the glossary.
public struct GlossaryEntry: Sendable, Hashable {
  /// The Chinese term (`融资排放`).
  public var termZH: String
  /// The English term (`Financed emissions`).
  public var termEN: String
  /// The definition in Chinese.
  public var definitionZH: String
  /// The definition in English.
  public var definitionEN: String
  /// The standard, clause and address the definition follows.
  public var source: String

  /// The glossary compiled into the library, in the order of glossary.csv.
  public static let bundled: [GlossaryEntry] = {
    do { return try read(files: BundledDisclosures.files) } catch { fatalError("bundled glossary: \(error)") }
  }()

  /// Reads glossary.csv from `files` (name → bytes).
  ///
  /// - Throws: `InputError` when the file or one of its columns is missing, or a term is empty.
  public static func read(files: [String: [UInt8]]) throws(InputError) -> [GlossaryEntry] {
    let columns = ["term_zh", "term_en", "definition_zh", "definition_en", "source"]
    return try DisclosureTemplate.rows(of: "glossary.csv", in: files, columns: columns).map { line, row throws(InputError) in
      if let empty = columns.first(where: { row[$0]!.isEmpty }) {
        throw InputError(file: "glossary.csv", message: "line \(line), column \(empty): empty; every term has both names, "
          + "both definitions and a source")
      }
      return GlossaryEntry(termZH: row["term_zh"]!, termEN: row["term_en"]!, definitionZH: row["definition_zh"]!,
                           definitionEN: row["definition_en"]!, source: row["source"]!)
    }
  }

  /// The term and its definition in `language`.
  func text(in language: ReportLanguage) -> (term: String, definition: String) {
    (language.pick(termZH, termEN), language.pick(definitionZH, definitionEN))
  }
}
