extension CSVReader {
  /// The header and the data records of CSV text whose first record is its header (a small
  /// table compiled into the library), each record as column name → field with its line.
  ///
  /// - Parameters:
  ///   - bytes: the CSV text.
  ///   - file: the table's name in errors.
  ///   - columns: columns the header must have.
  /// - Throws: ``InputError`` naming a column of `columns` the header lacks, the line of a record
  ///   whose field count is not the header's, or a read error.
  public static func rowsByColumn(of bytes: [UInt8], file: String, requiring columns: [String] = []) throws(InputError)
    -> (header: [String], rows: [(line: Int, fields: [String: String])])
  {
    var header: [String]?
    var rows: [(line: Int, fields: [String: String])] = []
    do {
      try read(bytes: bytes) { record in
        guard let h = header else { header = record.strings; return }
        guard record.count == h.count else {
          throw InputError(file: file, message: "\(record.line): expected \(h.count) fields as in the header, found \(record.count)")
        }
        rows.append((record.line, Dictionary(zip(h, record.strings), uniquingKeysWith: { a, _ in a })))
      }
    } catch let error as InputError { throw error } catch { throw InputError(file: file, message: "\(error)") }
    if let missing = columns.first(where: { !(header ?? []).contains($0) }) {
      throw InputError(file: file, message: "line 1: the header lacks column \(missing)")
    }
    return (header ?? [], rows)
  }
}
