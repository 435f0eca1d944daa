import PropertyBased
import Quantities
import Tabular
import Testing

@Suite("Well-formed CSV variants")
struct CSVReaderTests {
  @Test func byteOrderMarkCRLFEmbeddedNewlinesAndNoFinalNewline() throws {
    let text = "\u{FEFF}id,note\r\na,\"line one\r\nline two\"\r\nb,\"x, y\"\"z\"\"\"\r\n\r\n\r\nc,last"
    let rows = try records(text)
    #expect(rows.map(\.fields) == [
      ["id", "note"], ["a", "line one\r\nline two"], ["b", "x, y\"z\""], ["c", "last"],
    ])
    #expect(rows.map(\.line) == [1, 2, 4, 7])
    #expect(rows.allSatisfy { $0.issue == nil })
  }

  @Test func blankTrailingLinesAreNotRecords() throws {
    let rows = try records("id\na\n\n\n\n")
    #expect(rows.map(\.fields) == [["id"], ["a"]])
  }

  @Test func chunkBoundariesDoNotMatter() throws {
    // The same text through 7-byte chunks gives the same records and lines.
    var text = "id,note\n"
    for i in 0..<200 { text += "r\(i),\"multi\nline \(i), with \"\"quotes\"\"\"\n" }
    var small = CSVReadOptions()
    small.chunkSize = 7
    let a = try records(text)
    let b = try records(text, options: small)
    #expect(a.count == 201)
    #expect(a.map(\.fields) == b.map(\.fields))
    #expect(a.map(\.line) == b.map(\.line))
    #expect(a.last!.line == 2 + 199 * 2)
  }

  @Test func headerColumnsMatchByNameInAnyOrder() throws {
    let o = try validate("note,amount,id\nhello,2.5,a\n", as: testSchema)
    #expect(o.report.accepted == 1)
  }

  @Test("writer output reads back identically")
  func writerRoundTrip() async throws {
    // Formula starters (= + - @ TAB CR) and ' too: the guard must be undone exactly.
    let alphabet = Array("ab ,\"\n\r中文é1.=+-@'\t")
    await propertyCheck(count: 100, input: Gen.element(of: alphabet).array(of: 0...12).array(of: 1...6)) { rows in
      let fields = rows.map { String($0.compactMap { $0 }) }
      let path = temporaryPath("roundtrip.csv")
      let writer = try! CSVWriter(path: path, header: ["h"], byteOrderMark: true)
      writer.writeRow(fields)
      try! writer.close()
      var read: [[String]] = []
      try! CSVReader.read(file: path) { read.append($0.outputStrings) }
      #expect(read.count == 2)
      #expect(read.last == fields)
    }
  }
}

@Suite("Writer fields")
struct WriterFieldTests {
  @Test func locationsAndDecimalsAreWrittenAsText() throws {
    let path = temporaryPath("fields.csv")
    let w = try CSVWriter(path: path, header: [])
    w.writeLocation(file: "activities.csv", line: 1_234_567)
    w.writeLocation(file: "a,b.csv", line: 0)  // a comma in the name: quoted
    w.writeFixed(-0.0000001, places: 6)
    w.writeDecimal(154.7954820, places: 6)
    w.writeFixed(nil, places: 2)
    w.endRow()
    try w.close()
    let text = String(decoding: try FileSystem.contents(of: path), as: UTF8.self)
    #expect(text == "activities.csv:1234567,\"a,b.csv:0\",0.000000,154.795482,\n")
  }

  /// Quoting per RFC 4180 §2.6–2.7, checked against the rule spelled out byte by byte: each
  /// special byte at every position of fields of 1…24 bytes (across the 8-byte words the
  /// writer scans), and leading or trailing blanks.
  @Test func quotesExactlyTheFieldsThatNeedIt() throws {
    func expected(_ field: String) -> String {
      let special = field.utf8.contains { [0x2C, 0x22, 0x0A, 0x0D].contains($0) }
      let padded = field.first == " " || field.first == "\t" || field.last == " " || field.last == "\t"
      guard special || padded else { return field }
      return "\"" + field.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
    var fields: [String] = []
    for length in 1...24 {
      fields.append(String(repeating: "x", count: length))
      for position in 0..<length {
        for special in [",", "\"", "\n", "\r", " ", "é"] {
          var chars = Array(repeating: "x", count: length)
          chars[position] = special
          fields.append(chars.joined())
        }
      }
    }
    let path = temporaryPath("quoting.csv")
    let w = try CSVWriter(path: path, header: [], guardsFormulas: false)
    for f in fields {
      w.writeField(f)
      w.endRow()
    }
    try w.close()
    let text = String(decoding: try FileSystem.contents(of: path), as: UTF8.self)
    #expect(text == fields.map { expected($0) + "\n" }.joined())
  }
}

@Suite("Field decoders")
struct FieldParserTests {
  func decimal(_ text: String) throws -> Double {
    try [UInt8](text.utf8).withUnsafeBufferPointer { try FieldParser.decimal($0) }
  }

  @Test("decimals are correctly rounded, fast path and fallback alike")
  func correctRounding() async {
    // Swift's Double(String) is correctly rounded (IEEE 754 round to nearest even).
    let digits = Gen.int(in: 0...9).array(of: 1...25)
    await propertyCheck(count: 500, input: digits, Gen.int(in: 0...25), Gen.int(in: -30...30), Gen.bool) {
      mantissa, point, exponent, negative in
      var text = negative ? "-" : ""
      let ds = mantissa.map(String.init).joined()
      let cut = min(point, ds.count - 1)
      text += cut > 0 ? String(ds.prefix(cut)) + "." + String(ds.dropFirst(cut)) : ds
      text += "e\(exponent)"
      let expected = Double(text)!
      let actual = try! decimal(text)
      #expect(actual == expected || (actual == 0 && expected == 0), "\(text)")
    }
  }

  @Test func edgeValues() throws {
    #expect(try decimal("0.1") == 0.1)
    #expect(try decimal("9007199254740993") == 9007199254740992)  // 2^53 + 1 rounds to even
    #expect(try decimal("1.7976931348623157e308") == .greatestFiniteMagnitude)
    #expect(try decimal("123456789012345678901234567890") == 1.2345678901234568e29)
    #expect(try decimal("00012.50") == 12.5)
  }

  @Test func periods() throws {
    func period(_ text: String) throws -> Period {
      try [UInt8](text.utf8).withUnsafeBufferPointer { try FieldParser.period($0) }
    }
    #expect(try period("2024") == Period.year(2024))
    #expect(try period("2024-Q3") == Period.quarter(3, of: 2024))
    #expect(try period("2024-07") == Period.month(7, of: 2024))
    // Half years and the spellings people use: 2024H1, 2024-h2, 2024Q3, 2024-q3.
    #expect(try period("2024-H1") == Period.half(1, of: 2024))
    #expect(try period("2024H2") == Period.half(2, of: 2024))
    #expect(try period("2024-h2") == Period.half(2, of: 2024))
    #expect(try period("2024Q3") == Period.quarter(3, of: 2024))
    #expect(try period("2024-q3") == Period.quarter(3, of: 2024))
    #expect(Period.half(2, of: 2024)!.firstDay == Day(year: 2024, month: 7, day: 1))
    #expect(Period.half(1, of: 2024)!.lastDay == Day(year: 2024, month: 6, day: 30))
    for bad in ["2024-Q5", "2024-13", "2024-7", "24", "2024-H3", "2024H0", "2024-X1", "2024Q", ""] {
      #expect(throws: FieldIssue.self) { try period(bad) }
    }
  }

  enum Code { case region, sector, activity }

  func accepts(_ code: Code, _ text: String) -> Bool {
    [UInt8](text.utf8).withUnsafeBufferPointer { field in
      do {
        switch code {
        case .region: try FieldParser.checkRegion(field)
        case .sector: try FieldParser.checkSector(field)
        case .activity: try FieldParser.checkActivity(field)
        }
        return true
      } catch {
        return false
      }
    }
  }

  @Test func codes() {
    #expect(accepts(.region, "CN") && accepts(.region, "CN-ZJ"))
    #expect(!accepts(.region, "cn-zj") && !accepts(.region, "CN_ZJ"))
    #expect(accepts(.sector, "D4411") && accepts(.sector, "C"))
    #expect(!accepts(.sector, "4411") && !accepts(.sector, "Z1234"))
    #expect(accepts(.activity, "stationary.diesel"))
    #expect(!accepts(.activity, "rocket.fuel") && !accepts(.activity, "stationary."))
  }
}

@Suite("Formula guard (OWASP CSV Injection)")
struct FormulaGuardTests {
  /// OWASP, "CSV Injection": cells starting with =, +, -, @, TAB or CR are run as formulas by
  /// spreadsheets; the usual defence is a leading '. Numbers stay numbers.
  @Test func textCellsThatStartAFormulaGetAQuoteNumbersDoNot() throws {
    let path = temporaryPath("guard.csv")
    let w = try CSVWriter(path: path, header: [])
    let cells = ["=cmd|' /C calc'!A0", "@SUM(A1)", "+1+1", "-2+3", "\tx", "\rx", "'quoted", "-12.5", "+3e-4", "-", "plain", ".5"]
    w.writeRow(cells)
    w.writeDecimal(-0.25, places: 6)
    w.writeLocation(file: "=evil.csv", line: 3)
    w.endRow()
    try w.close()
    let text = String(decoding: try FileSystem.contents(of: path), as: UTF8.self)
    #expect(text == "'=cmd|' /C calc'!A0,'@SUM(A1),'+1+1,'-2+3,'\tx,\"'\rx\",''quoted,-12.5,+3e-4,'-,plain,.5\n"
      + "-0.25,'=evil.csv:3\n")
    var read: [[String]] = []
    try CSVReader.read(file: path) { read.append($0.outputStrings) }
    #expect(read[0] == cells)
    #expect(read[1] == ["-0.25", "=evil.csv:3"])
  }
}
