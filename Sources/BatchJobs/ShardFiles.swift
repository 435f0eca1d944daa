import Tabular

/// The row files of shards merged into one: by input line, so that the merge has the single
/// run's order.
enum ShardFiles {
  static let attributionSchema = TableSchema(name: "borrower_attribution", columns: [
    ColumnSpec("borrower_id", .identifier, required: true),
    ColumnSpec("loans", .integer(0...Int.max), required: true),
    ColumnSpec("attribution_sum", .nonNegativeDecimal, required: true),
    ColumnSpec("over_100_percent", .boolean, required: true),
  ])

  /// K-way merge of files whose records end with the input line number (`123` or
  /// `file.csv:123`), header first.
  static func mergeByLine(_ files: [String], to path: String) throws {
    let streams = try files.map { try RecordStream(path: $0) }
    let output = try CSVWriter(path: path, header: [])
    var heads: [(line: Int, bytes: [UInt8])?] = []
    var header: [UInt8]?
    for s in streams {
      let h = try s.next()
      if header == nil { header = h }
      heads.append(try Self.keyed(s.next(), file: path))
    }
    if let header { output.writeRaw(header) }
    while true {
      var best: Int?
      for i in heads.indices { if let h = heads[i], best == nil || h.line < heads[best!]!.line { best = i } }
      guard let b = best else { break }
      output.writeRaw(heads[b]!.bytes)
      heads[b] = try Self.keyed(streams[b].next(), file: files[b])
    }
    try output.close()
  }

  /// The record with the line number its last field ends with.
  static func keyed(_ record: [UInt8]?, file: String) throws -> (line: Int, bytes: [UInt8])? {
    guard let record else { return nil }
    var end = record.endIndex
    if end > 0, record[end - 1] == 0x22 { end -= 1 }  // a quoted `"file, with comma.csv:12"`
    var start = end
    while start > 0, (0x30...0x39).contains(record[start - 1]) { start -= 1 }
    guard start < end, end - start <= 18, start == 0 || [0x2C, 0x3A].contains(record[start - 1]) else {
      throw InputError(file: file, message: "a record does not end with its input line number")
    }
    return (Int(String(decoding: record[start..<end], as: UTF8.self))!, record)
  }

  /// rejects.csv: shard 1's borrowers rejects first, then every shard's loan rejects by line.
  static func mergeRejects(_ shards: [ShardOutput], to path: String) throws {
    var borrowerRows: [[String]] = []
    var loanRows: [(Int, [String])] = []
    for s in shards {
      try CSVReader.read(file: s.directory + "/rejects.csv") { r in
        guard r.line > 1 else { return }
        let fields = r.outputStrings
        if fields.first == s.loansFile { loanRows.append((Int(fields[1]) ?? 0, fields)) } else { borrowerRows.append(fields) }
      }
    }
    loanRows.sort { $0.0 < $1.0 }
    let w = try CSVWriter(path: path, header: RejectsWriter.header)
    for row in borrowerRows { w.writeRow(row) }
    for (_, row) in loanRows { w.writeRow(row) }
    try w.close()
  }
}
