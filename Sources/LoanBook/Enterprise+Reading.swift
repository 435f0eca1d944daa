public import Tabular

extension Enterprise {
  /// Reads every valid row of a borrowers.csv file (the data contract, every column checked)
  /// on `threads` threads; the result does not depend on the thread count.
  ///
  /// - Returns: the enterprises and the rejected rows with their errors, in file order; the
  ///   rows read; header warnings; where each rejected id was (`file:line`).
  /// - Throws: `InputError` when the file cannot be read or lacks required columns.
  public static func read(file path: String, displayName: String? = nil, threads: Int = 1) throws
    -> (entities: [Enterprise], rejected: [(RowError, String)], read: Int, warnings: [String], rejectedIDs: [String: String])
  {
    let file = try ContractRows.read(
      file: path, name: displayName ?? path, contract: DataContract.borrowers, checked: DataContract.borrowers,
      threads: threads, columns: { EnterpriseColumns($0) }, decode: { record, columns in columns.enterprise(record) },
      areUnique: { rows in
        var ids = Set<EntityID>(minimumCapacity: rows.count)
        return rows.allSatisfy { ids.insert($0.id).inserted }
      })
    return (file.rows, file.rejected, file.read, file.warnings, file.rejectedIDs)
  }
}
