import Foundation
import Tabular
import Testing

/// Every line-end style (LF, CR LF, bare CR as "CSV (Macintosh)" writes, and mixtures) gives
/// the same records and line numbers, sequentially and in partitions; files that are not
/// UTF-8 are refused with a message that names the encoding.
@Suite("Line ends and encodings")
struct LineEndAndEncodingTests {
  struct Rows: Sendable {
    var rows: [[String]] = []
    var lines: [Int] = []
  }

  /// 400 records with quoted commas, doubled quotes and a quoted line break.
  static func records() -> [String] {
    (0..<400).map { i in i % 7 == 0 ? "r\(i),\"two\nlines, \"\"q\"\"\",\(i)" : "r\(i),plain \(i),\(i).5" }
  }

  /// The same records joined with `ends(i)` after record `i` (the header is record 0).
  static func text(_ ends: (Int) -> String) -> String {
    let all = ["id,note,amount"] + records()
    return all.enumerated().map { i, r in r + ends(i) }.joined()
  }

  static let styleNames = ["LF", "CRLF", "CR", "mixed", "mixed, CR header"]

  /// The line end after record `i` in style `style`.
  static func end(_ style: Int, _ i: Int) -> String {
    switch style {
    case 0: "\n"
    case 1: "\r\n"
    case 2: "\r"
    case 3: ["\n", "\r\n", "\r"][i % 3]
    default: i == 0 ? "\r" : ["\n", "\r\n"][i % 2]
    }
  }

  func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lineends-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func sequential(_ path: String) throws -> Rows {
    var r = Rows()
    try CSVReader.read(file: path) { record in
      r.rows.append(record.strings)
      r.lines.append(record.line)
    }
    return Rows(rows: Array(r.rows.dropFirst()), lines: Array(r.lines.dropFirst()))
  }

  func partitioned(_ path: String, partitions: Int) throws -> (Rows, parts: Int) {
    var options = CSVReadOptions()
    options.minimumPartitionBytes = 256  // several partitions on a 12 KB file
    let (states, statistics) = try CSVReader.readPartitioned(
      file: path, partitions: partitions, options: options,
      makeState: { header, _ in
        #expect(header == ["id", "note", "amount"])
        return Rows()
      },
      body: { state, record in
        state.rows.append(record.strings)
        state.lines.append(record.line)
      })
    #expect(statistics.records == 400)
    return (Rows(rows: states.flatMap(\.rows), lines: states.flatMap(\.lines)), states.count)
  }

  @Test(arguments: 0..<5)
  func everyLineEndStyleReadsAllRecordsWithTheirLines(_ style: Int) throws {
    let name = Self.styleNames[style]
    let path = try write(Self.text { Self.end(style, $0) })
    let expected = Self.records().map { line in
      // The records as written, split by hand (the quoted field keeps its LF).
      line.hasPrefix("r") && line.contains("\"") ? [String(line.prefix { $0 != "," }), "two\nlines, \"q\"", String(line.split(separator: ",").last!)]
        : line.split(separator: ",").map(String.init)
    }
    // Line of record k (1-based after the header on line 1): every 7th record spans two lines.
    var expectedLines: [Int] = []
    var line = 2
    for i in 0..<400 {
      expectedLines.append(line)
      line += i % 7 == 0 ? 2 : 1
    }
    let s = try sequential(path)
    #expect(s.rows == expected, "\(name): sequential records")
    #expect(s.lines == expectedLines, "\(name): sequential lines")
    for n in [1, 2, 4] {
      let (p, parts) = try partitioned(path, partitions: n)
      #expect(p.rows == expected, "\(name): \(n) partitions")
      #expect(p.lines == expectedLines, "\(name): lines with \(n) partitions")
      // LF and CR LF files are cut; a file with a bare CR after its header is one partition.
      if n > 1 { #expect((parts > 1) == [0, 1, 4].contains(style), "\(name): \(parts) parts") }
    }
  }

  @Test func aRejectedRecordInACarriageReturnFileDoesNotSwallowTheRest() throws {
    let path = try write("id,note,amount\rr1,ok,1\rr2,bad\"quote,2\rr3,ok,3\r")
    var lines: [Int] = []
    var issues = 0
    try CSVReader.read(file: path) { r in
      lines.append(r.line)
      if r.issue != nil { issues += 1 }
    }
    #expect(lines == [1, 2, 3, 4])
    #expect(issues == 1)
  }

  @Test func utf16AndGBKAreNamed() throws {
    // "id,名称\n" in UTF-16LE with its BOM, and in GBK (名 = C3FB, 称 = B3C6, GB 2312 code chart).
    let utf16 = Data([0xFF, 0xFE]) + "id,名称\n".data(using: .utf16LittleEndian)!
    let gbk = Data("id,name\nA1,".utf8) + Data([0xC3, 0xFB, 0xB3, 0xC6]) + Data("\n".utf8)
    for (bytes, expected) in [(utf16, "UTF-16"), (gbk, "GBK")] {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("enc-\(UUID().uuidString).csv").path
      try bytes.write(to: URL(fileURLWithPath: path))
      #expect(throws: InputError.self) { try CSVReader.read(file: path) { _ in } }
      do { try CSVReader.read(file: path) { _ in } } catch { #expect("\(error)".contains(expected), "\(error)") }
      do {
        _ = try CSVReader.readPartitioned(file: path, partitions: 2, makeState: { _, _ in 0 }, body: { _, _ in })
        Issue.record("\(expected) accepted by the partitioned reader")
      } catch { #expect("\(error)".contains(expected), "\(error)") }
    }
  }

  @Test func encodingProblemsByExample() {
    func problem(_ bytes: [UInt8], whole: Bool = true) -> TextEncodingCheck.Problem? {
      bytes.withUnsafeBufferPointer { TextEncodingCheck.problem(in: $0, isWholeFile: whole) }
    }
    #expect(problem(Array("a,b\n中文,1\n".utf8)) == nil)
    #expect(problem([0xEF, 0xBB, 0xBF] + Array("a\n".utf8)) == nil)
    #expect(problem([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("a\n".utf8)) == .repeatedByteOrderMark(offset: 3))
    #expect(problem([0x61, 0x00, 0x62, 0x00]) == .utf16(bigEndian: false))
    #expect(problem([0x00, 0x61, 0x00, 0x62]) == .utf16(bigEndian: true))
    #expect(problem([0x61, 0x2C, 0x00]) == .binary(offset: 2))
    // 中 is E4 B8 AD in UTF-8: cut after two bytes it is an error only in a whole file.
    #expect(problem(Array("a,".utf8) + [0xE4, 0xB8], whole: false) == nil)
    #expect(problem(Array("a,".utf8) + [0xE4, 0xB8], whole: true) == .notUTF8(offset: 2))
    // A lone continuation byte (80), a surrogate (ED A0 80) and Latin-1 é (E9 followed by
    // ASCII) are not UTF-8; one pair that could be GBK (C3 41) is not yet a GBK file.
    #expect(problem([0x61, 0x80]) == .notUTF8(offset: 1))
    #expect(problem([0x61, 0xC3, 0x41, 0x0A]) == .notUTF8(offset: 1))
    #expect(problem([0x61, 0xED, 0xA0, 0x80]) == .notUTF8(offset: 1))
    #expect(problem(Array("caf".utf8) + [0xE9] + Array(",1\n".utf8)) == .notUTF8(offset: 3))
  }
}

/// Found by FuzzLineEnds: a CR line end, then a line of blanks ended by LF, is two line ends
/// (libcsv skips the blanks without a callback, which made "CR space LF" pass for CR LF and
/// every later line number one too small in a sequential read).
@Suite("Line ends found by fuzzing")
struct FuzzedLineEndTests {
  @Test(arguments: ["a,b\r \n2,x\n3,y\n", "a,b\r\t\n2,x\n3,y\n", "a,b\n1,\"q\"x\r \n2,x\n3,y\n"])
  func blanksBetweenCRAndLFAreALine(_ text: String) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("crspace-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    var lines: [String: Int] = [:]
    try CSVReader.read(file: path) { r in if r.issue == nil { lines[r.string(at: 0)] = r.line } }
    // By hand: line 1 the header (or the header and a broken record), a blank line, then 2 and 3.
    let offset = text.hasPrefix("a,b\n1") ? 1 : 0
    #expect(lines["2"] == 3 + offset && lines["3"] == 4 + offset, "\(lines)")
    var options = CSVReadOptions()
    options.minimumPartitionBytes = 4
    let (states, _) = try CSVReader.readPartitioned(file: path, partitions: 2, options: options,
                                                     makeState: { _, _ in [String: Int]() },
                                                     body: { s, r in if r.issue == nil { s[r.string(at: 0)] = r.line } })
    let partitioned = states.reduce(into: [String: Int]()) { $0.merge($1) { a, _ in a } }
    #expect(partitioned["2"] == lines["2"] && partitioned["3"] == lines["3"], "\(partitioned)")
  }
}
