/// Interns the texts of repeated fields (entity ids, activity names) by their bytes, so that
/// a million rows of one entity share one `String`. At most 4,096 texts are kept.
package struct TextCache: Sendable {
  private var table: [[UInt8]: String] = [:]

  package init() {}

  package mutating func text(_ field: CSVRecord.Field) -> String {
    if field.count <= 15 { return String(decoding: field, as: UTF8.self) }  // small strings do not allocate
    let key = Array(field)
    if let s = table[key] { return s }
    let s = String(decoding: field, as: UTF8.self)
    if table.count < 4_096 { table[key] = s }
    return s
  }
}
