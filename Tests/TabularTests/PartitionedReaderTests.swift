import Tabular
import Testing

@Suite("Partitioned parallel reading")
struct PartitionedReaderTests {
  struct Collected: Sendable {
    var rows: [[String]] = []
    var lines: [Int] = []
    var issues = 0
  }

  /// ~3 MB with quoted commas, doubled quotes and line breaks in fields, so that raw cut
  /// points fall inside quoted fields.
  static func bigText() -> String {
    var text = "id,note,amount\n"
    for i in 0..<120_000 {
      switch i % 4 {
      case 0: text += "r\(i),\"multi\nline, \"\"quoted\"\" text \(i)\",\(i)\n"
      case 1: text += "r\(i),plain text number \(i),\(i).5\n"
      case 2: text += "r\(i),\"\(String(repeating: "long ", count: 12))\n\n\",\(i)\n"
      default: text += "r\(i),\"x\",\(i)\n"
      }
    }
    return text
  }

  func sequential(_ path: String) throws -> Collected {
    var c = Collected()
    var isHeader = true
    try CSVReader.read(file: path) { record in
      if isHeader { isHeader = false; return }
      c.rows.append(record.strings)
      c.lines.append(record.line)
      if record.issue != nil { c.issues += 1 }
    }
    return c
  }

  func partitioned(_ path: String, _ n: Int) throws -> (Collected, Int) {
    let (states, _) = try CSVReader.readPartitioned(
      file: path, partitions: n,
      makeState: { header, _ in
        #expect(header == ["id", "note", "amount"])
        return Collected()
      },
      body: { state, record in
        state.rows.append(record.strings)
        state.lines.append(record.line)
        if record.issue != nil { state.issues += 1 }
      })
    var all = Collected()
    for s in states {
      all.rows += s.rows
      all.lines += s.lines
      all.issues += s.issues
    }
    return (all, states.count)
  }

  @Test func sameRecordsAndLinesAsASequentialRead() throws {
    let path = temporaryPath("big.csv")
    try FileSystem.write(Self.bigText(), to: path)
    let expected = try sequential(path)
    #expect(expected.rows.count == 120_000)
    for n in [2, 3] {
      let (got, parts) = try partitioned(path, n)
      #expect(parts == n)
      #expect(got.rows == expected.rows)
      #expect(got.lines == expected.lines)
    }
  }

  @Test func malformedQuotingFallsBackToOneSequentialPass() throws {
    // A stray quote in an unquoted field breaks quote parity for every later cut.
    var text = Self.bigText()
    let cut = text.index(text.startIndex, offsetBy: 1_000)
    let lineEnd = text[cut...].firstIndex(of: "\n")!
    text.insert(contentsOf: "\nbad,un\"quoted,1", at: lineEnd)
    let path = temporaryPath("bad.csv")
    try FileSystem.write(text, to: path)
    let expected = try sequential(path)
    #expect(expected.issues >= 1)
    let (got, parts) = try partitioned(path, 2)
    #expect(parts == 1)
    #expect(got.rows == expected.rows)
    #expect(got.lines == expected.lines)
    #expect(got.issues == expected.issues)
  }
}

/// ContractRows: rows decoded on several threads equal one sequential read, and an id that
/// repeats across partitions is rejected at its line, naming the first.
@Suite("Contract rows on several threads")
struct ContractRowsTests {
  static let schema = TableSchema(name: "test", columns: [
    ColumnSpec("id", .identifier, required: true),
    ColumnSpec("amount", .nonNegativeDecimal, required: true),
    ColumnSpec("note", .text),
  ], uniqueColumns: ["id"])

  struct Row: Sendable, Equatable {
    var id: String
    var amount: Double
  }

  /// ~2.6 MB (partitions need 1 MiB each); every 1,000th amount is invalid.
  func file(repeating repeated: Bool) throws -> String {
    var text = "id,amount,note\n"
    for i in 0..<60_000 {
      let id = repeated && i == 50_000 ? "r17" : "r\(i)"  // line 50,002 repeats line 19
      text += "\(id),\(i % 1_000 == 999 ? "-1" : "\(i).25"),\"note, with a comma \(i)\"\n"
    }
    let path = temporaryPath("contract-rows.csv")
    try FileSystem.write(text, to: path)
    return path
  }

  func read(_ path: String, threads: Int, checkedUnique: inout Int) throws -> ContractRows<Row> {
    var calls = 0
    defer { checkedUnique = calls }
    return try ContractRows.read(
      file: path, name: "t.csv", contract: Self.schema, checked: Self.schema, threads: threads,
      columns: { c in (c["id"]!, c["amount"]!) },
      decode: { record, c in Row(id: record.string(at: c.0), amount: record.decimal(c.1)!) },
      areUnique: { rows in
        calls += 1
        return Set(rows.map(\.id)).count == rows.count
      })
  }

  @Test func sameAsSequentialWithAndWithoutARepeat() throws {
    for repeated in [false, true] {
      let path = try file(repeating: repeated)
      var calls = 0
      let one = try read(path, threads: 1, checkedUnique: &calls)
      let two = try read(path, threads: 2, checkedUnique: &calls)
      #expect(calls == 1)
      #expect(one.rows == two.rows)
      #expect(one.rejected.map(\.0) == two.rejected.map(\.0))
      #expect(one.read == 60_000 && two.read == 60_000)
      // 60 invalid amounts, plus the repeat when there is one.
      #expect(two.rejected.count == (repeated ? 61 : 60))
      #expect(two.rows.count + two.rejected.count == 60_000)
      if repeated {
        let repeated = try #require(two.rejected.first { $0.0.line == 50_002 })
        #expect("\(repeated.0)".contains("duplicate value \"r17\" (first on line 19)"))
        #expect(!two.rows.contains { $0.id == "r50000" })
      }
    }
  }
}
