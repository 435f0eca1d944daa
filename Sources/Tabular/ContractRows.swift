/// The rows of a contract file (borrowers.csv and the like) decoded on several threads: the
/// valid rows, the rejected ones with their errors, both in file order, as one sequential read
/// would give them.
public struct ContractRows<Row: Sendable>: Sendable {
  /// The accepted rows, decoded, in file order.
  public var rows: [Row]
  /// Rejected rows: the error and the raw CSV line.
  public var rejected: [(RowError, String)]
  /// Data rows read (accepted + rejected).
  public var read: Int
  /// Unknown-column warnings of the header.
  public var warnings: [String]
  /// Where each rejected row with a readable id (the schema's first unique column) was:
  /// id → `file:line` — so that a row referring to it can say "rejected at borrowers.csv:7"
  /// rather than "not in the file". The first rejected row of an id wins.
  public var rejectedIDs: [String: String] = [:]

  /// Reads `path` in up to `threads` partitions.
  ///
  /// Each row is checked against `checked` (the contract schema, or the part of it the
  /// caller uses) and decoded by `decode`. Unique columns are checked by `areUnique` over
  /// the rows of all partitions (a caller that indexes the rows anyway does it there at no
  /// extra cost); only if it finds a repeat is the file read again on one thread with the
  /// row checker rejecting each repeat at its line, naming the first.
  ///
  /// - Parameters:
  ///   - path: the CSV file.
  ///   - threads: the partitions wanted.
  ///   - checked: the schema rows are checked against.
  ///   - columns: the columns `decode` reads, by name.
  ///   - decode: makes the caller's value of a checked row.
  ///   - name: the file's name in errors.
  ///   - contract: the schema whose columns `columns` resolves through a ``ColumnIndex``, once
  ///     per partition, for `decode` to use on every row.
  ///   - areUnique: whether the rows' unique-column values are all distinct.
  /// - Throws: ``InputError`` when the file cannot be read or lacks a required column.
  public static func read<Columns: Sendable>(
    file path: String, name: String, contract: TableSchema, checked: TableSchema, threads: Int,
    columns: @Sendable @escaping (ColumnIndex) -> Columns,
    decode: @Sendable @escaping (borrowing CSVRecord, Columns) -> Row,
    areUnique: ([Row]) -> Bool
  ) throws -> ContractRows<Row> {
    let parts = try readParts(file: path, name: name, contract: contract, checked: checked.withoutUniqueColumns,
                              threads: threads, columns: columns, decode: decode)
    var all = ContractRows(rows: [], rejected: [], read: 0, warnings: parts.first?.warning.map { [$0] } ?? [])
    all.rows.reserveCapacity(parts.reduce(0) { $0 + $1.rows.count })
    for p in parts {
      all.rows += p.rows
      all.rejected += p.rejected
      all.read += p.read
      all.rejectedIDs.merge(p.rejectedIDs) { first, _ in first }
    }
    if checked.uniqueColumns.isEmpty || areUnique(all.rows) { return all }
    let sequential = try readParts(file: path, name: name, contract: contract, checked: checked, threads: 1,
                                   columns: columns, decode: decode)[0]
    return ContractRows(rows: sequential.rows, rejected: sequential.rejected, read: sequential.read,
                        warnings: all.warnings, rejectedIDs: sequential.rejectedIDs)
  }

  private struct Part<Columns>: @unchecked Sendable {
    var checker: RowChecker
    var columns: Columns
    var rows: [Row] = []
    var rejected: [(RowError, String)] = []
    var read = 0
    var warning: String?
    var idField: Int?
    var rejectedIDs: [String: String] = [:]
  }

  private static func readParts<Columns: Sendable>(
    file path: String, name: String, contract: TableSchema, checked: TableSchema, threads: Int,
    columns: @Sendable @escaping (ColumnIndex) -> Columns,
    decode: @Sendable @escaping (borrowing CSVRecord, Columns) -> Row
  ) throws -> [Part<Columns>] {
    try CSVReader.readPartitioned(
      file: path, partitions: max(1, threads),
      makeState: { header, _ in
        let binding = try HeaderBinding(header: header, schema: contract, file: name)
        return Part(checker: RowChecker(schema: checked, binding: try HeaderBinding(header: header, schema: checked, file: name),
                                        file: name),
                    columns: columns(ColumnIndex(binding: binding, schema: contract)),
                    warning: binding.unknownColumnsWarning,
                    idField: contract.uniqueColumns.first.flatMap { binding.fieldIndex(of: $0, in: contract) })
      },
      body: { p, record in
        p.read += 1
        if let error = p.checker.check(record) {
          p.rejected.append((error, record.csvLine))
          if let i = p.idField, i < record.count, !record[i].isEmpty, p.rejectedIDs[record.string(at: i)] == nil {
            p.rejectedIDs[record.string(at: i)] = "\(name):\(record.line)"
          }
        } else {
          p.rows.append(decode(record, p.columns))
        }
      }).states
  }
}
