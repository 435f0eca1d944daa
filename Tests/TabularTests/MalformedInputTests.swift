import Tabular
import Testing

/// Each malformed input gives one precise reason, at the right line and column, and
/// nothing is lost: read = accepted + rejected, and every reject is in the rejects file.
@Suite("Malformed inputs")
struct MalformedInputTests {
  static let header = "id,amount,day,flag,kind,note\n"

  /// Validates `header + body` and checks the books balance.
  func check(_ body: String) throws -> Outcome {
    let outcome = try validate(Self.header + body, as: testSchema)
    #expect(outcome.report.read == outcome.report.accepted + outcome.report.rejected)
    #expect(outcome.rejects.count == outcome.report.rejected)
    return outcome
  }

  @Test func unterminatedQuoteAtEndOfFile() throws {
    let o = try check("a,1,,,,ok\nb,2,,,,\"never closed\nc,3,,,,x\n")
    #expect(o.report.accepted == 1)
    #expect(o.report.rejected == 1)
    #expect(o.rejects[0][1] == "3")  // the record starts on line 3
    #expect(o.rejects[0][2] == "6")
    #expect(o.rejects[0][3].contains("never closed: reached the end of the file inside quotes"))
  }

  @Test func tooFewAndTooManyFields() throws {
    let o = try check("a,1,,,\nb,2,,,,,extra\nc,3,,,,\n")
    #expect(o.report.accepted == 1)
    #expect(o.rejects.map { $0[3] } == [
      "expected 6 fields as in the header, found 5",
      "expected 6 fields as in the header, found 7",
    ])
    #expect(o.rejects.map { $0[1] } == ["2", "3"])
  }

  @Test func invalidUTF8() throws {
    var bytes = Array((Self.header + "a,1,,,,caf").utf8)
    bytes += [0xC3, 0x28]  // 0xC3 must be followed by a continuation byte
    bytes += Array("\nb,2,,,,fine\n".utf8)
    let o = try validate(bytes, as: testSchema)
    #expect(o.report.read == 2 && o.report.rejected == 1)
    #expect(o.rejects[0][2] == "6")
    #expect(o.rejects[0][3].contains("expected valid UTF-8 text"))
    #expect(o.rejects[0][3].contains("invalid UTF-8 at byte 4"))
  }

  @Test func nulByte() throws {
    var bytes = Array((Self.header + "a,1,,,,ab").utf8)
    bytes.append(0)
    bytes += Array("c\n".utf8)
    let o = try validate(bytes, as: testSchema)
    #expect(o.report.rejected == 1)
    #expect(o.rejects[0][3].contains("NUL byte at byte 3"))
  }

  @Test func oneMegabyteField() throws {
    let huge = String(repeating: "x", count: 1_000_000)
    let o = try check("a,1,,,,\(huge)\nb,2,,,,small\n")
    #expect(o.report.accepted == 1 && o.report.rejected == 1)
    #expect(o.rejects[0][1] == "2" && o.rejects[0][2] == "6")
    #expect(o.rejects[0][3].contains("field of 1000000 bytes exceeds the limit of 65536 bytes"))
  }

  @Test func quotedFieldBeyondTheParserCeilingIsSkippedNotFatal() throws {
    // 2 MB inside quotes passes libcsv's 1 MiB buffer ceiling: the record is rejected, the
    // reader skips to its end (quote-aware, across the embedded newline) and goes on.
    let huge = String(repeating: "y", count: 1_000_000) + "\n" + String(repeating: "y", count: 1_000_000)
    let o = try check("a,1,,,,\"\(huge)\"\nb,2,,,,after\n")
    #expect(o.report.rejected == 1)
    #expect(o.report.accepted == 1)
    #expect(o.rejects[0][3].contains("skipped to the end of the record"))
  }

  @Test func duplicateHeaderNames() throws {
    #expect {
      _ = try validate("id,amount,id\na,1,b\n", as: testSchema)
    } throws: { error in
      "\(error)" == "in.csv: header names column \"id\" twice (columns 1 and 3); remove or rename one"
    }
  }

  @Test func emptyFile() throws {
    #expect {
      _ = try validate("", as: testSchema)
    } throws: { error in
      "\(error)".contains("the file is empty; expected a header row naming the test columns id, amount")
    }
  }

  @Test func headerOnlyIsValidAndEmpty() throws {
    let o = try check("")
    #expect(o.report.read == 0 && o.report.accepted == 0 && o.report.rejected == 0)
  }

  @Test func missingRequiredColumnIsNamed() throws {
    #expect {
      _ = try validate("id,day\na,2024-01-01\n", as: testSchema)
    } throws: { error in
      "\(error)".contains("missing required column \"amount\" for a test file")
    }
  }

  @Test func unknownColumnsGiveOneWarning() throws {
    let o = try validate("extra1,id,amount,extra2\nz,a,1,z\nz,b,2,z\n", as: testSchema)
    #expect(o.report.accepted == 2)
    #expect(o.report.warnings == ["in.csv: ignoring unknown columns \"extra1\", \"extra2\""])
  }

  @Test("numbers outside the strict grammar", arguments: [
    ("1e400", "(overflows to infinity)"),
    ("\" 12 \"", "found \" 12 \""),
    ("12abc", "found \"12abc\""),
    ("NaN", "found \"NaN\""),
    ("inf", "found \"inf\""),
    ("0x1p3", "found \"0x1p3\""),
    ("\"1,000\"", "found \"1,000\""),
    ("1.", "found \"1.\""),
    (".5", "found \".5\""),
    ("+5", "found \"+5\""),
    ("1e-400", "(too small to represent: underflows to zero)"),
  ])
  func badNumbers(text: String, fragment: String) throws {
    let o = try check("a,\(text),,,,\n")
    #expect(o.report.rejected == 1)
    #expect(o.rejects[0][2] == "2")
    #expect(o.rejects[0][3].hasPrefix("amount: expected a plain decimal such as 1234.5 or -0.25"))
    #expect(o.rejects[0][3].contains(fragment), "\(o.rejects[0][3])")
  }

  @Test func unquotedSurroundingBlanksAreTrimmedAsLibcsvDoes() throws {
    // libcsv drops blanks around unquoted fields (a quoted " 12 " keeps them and is
    // rejected above), so ` 12 ` reads as 12.
    let o = try check("a, 12 ,,,,\n")
    #expect(o.report.accepted == 1)
    let rows = try records("a, 12 ,b\n")
    #expect(rows[0].fields == ["a", "12", "b"])
  }

  @Test func negativeZeroIsZeroAndAccepted() throws {
    // `-0` is a valid decimal equal to zero, so it satisfies "≥ 0"; it is read as +0.
    let o = try check("a,-0,,,,\n")
    #expect(o.report.accepted == 1)
    let value = try [UInt8]("-0".utf8).withUnsafeBufferPointer { try FieldParser.decimal($0) }
    #expect(value == 0 && value.sign == .plus)
  }

  @Test func negativeAmount() throws {
    let o = try check("a,-3.5,,,,\n")
    #expect(o.rejects[0][3] == "amount: expected a decimal ≥ 0, found \"-3.5\" (negative values are not allowed here)")
  }

  @Test func impossibleDate() throws {
    let o = try check("a,1,2024-02-30,,,\nb,1,2024-02-29,,,\n")
    #expect(o.report.accepted == 1)
    #expect(o.rejects[0][3] == "day: expected an ISO 8601 date YYYY-MM-DD, found \"2024-02-30\" (no such day in the calendar)")
  }

  @Test func unknownEnumValue() throws {
    let o = try check("a,1,,,blue,\nb,1,,,Green,\nc,1,,,green,\n")
    #expect(o.report.accepted == 1)
    #expect(o.rejects.map { $0[3] } == [
      "kind: expected one of red, green, found \"blue\"",
      "kind: expected one of red, green, found \"Green\"",
    ])
  }

  @Test func badBoolean() throws {
    let o = try check("a,1,,yes,,\nb,1,,TRUE,,\n")
    #expect(o.report.accepted == 1)
    #expect(o.rejects[0][3] == "flag: expected true or false, found \"yes\"")
  }

  @Test func requiredValueMissing() throws {
    let o = try check("a,,,,,\n")
    #expect(o.rejects[0][3] == "amount: required value is missing")
  }

  @Test func duplicateIdentifier() throws {
    let o = try check("a,1,,,,\na,2,,,,\n")
    #expect(o.report.accepted == 1)
    #expect(o.rejects[0][1] == "3")
    #expect(o.rejects[0][3] == "id: duplicate value \"a\" (first on line 2); it must be unique in the file")
  }

  @Test func quoteInsideUnquotedFieldAndTextAfterClosingQuote() throws {
    let o = try check("a,1,,,,say \"hi\"\nb,1,,,,\"ok\"x\nc,1,,,,fine\n")
    #expect(o.report.accepted == 1)
    #expect(o.report.rejected == 2)
    #expect(o.rejects[0][3].contains("double quote inside an unquoted field"))
    #expect(o.rejects[1][3].contains("expected a comma or line end after the closing quote, found \"x\""))
    #expect(o.rejects.map { $0[1] } == ["2", "3"])
  }

  @Test func rejectsKeepTheRawRow() throws {
    let o = try check("a,x,,,,\"a, \"\"quoted\"\" note\"\n")
    #expect(o.rejects[0][4] == "a,x,,,,\"a, \"\"quoted\"\" note\"")
  }
}
