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
