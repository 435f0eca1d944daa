import Tabular
import Testing

/// JSONSyntax.parse reads what RFC 8259 allows, in order, and says where the first error is.
@Suite struct JSONReadingTests {
  func parse(_ text: String) throws(JSONSyntax.Error) -> JSONValue { try JSONSyntax.parse(Array(text.utf8)) }

  @Test func valuesKeepTheirKindsAndMembersTheirOrder() throws {
    let v = try parse(#"{"b": 1, "a": [true, false, null], "n": -2.50e1, "big": 123456789012345678901, "s": "x"}"#)
    #expect(v.members.map(\.0) == ["b", "a", "n", "big", "s"])
    #expect(v["b"] == .int(1))
    #expect(v["a"] == .array([.bool(true), .bool(false), .null]))
    #expect(v["n"] == .number("-2.50e1") && v["n"]?.number == -25)  // fraction or exponent: the text kept
    #expect(v["big"] == .number("123456789012345678901"))  // beyond Int: the text kept
    #expect(v["s"]?.text == "x")
  }

  @Test func escapesAreDecodedIncludingSurrogatePairs() throws {
    // RFC 8259 §7: \uD83D\uDE00 is U+1F600 as a UTF-16 surrogate pair; \u00e9 is é.
    let v = try parse(#"["a\"b\\c\/d\n\t", "caf\u00e9", "\uD83D\uDE00", "碳"]"#)
    #expect(v.items.compactMap(\.text) == ["a\"b\\c/d\n\t", "café", "😀", "碳"])
  }

  @Test func errorsSayLineAndColumn() {
    do {
      _ = try parse("{\"a\": 1,\n \"b\": 2]")
      Issue.record("a ']' closing an object must be refused")
    } catch {
      #expect((error.line, error.column) == (2, 8))  // line 2, the eighth byte: ' "b": 2]'
      #expect(error.message.hasPrefix("expected ',' or '}', found"))
    }
    #expect(throws: JSONSyntax.Error.self) { try parse(#"["\u12G4"]"#) }
    #expect(throws: JSONSyntax.Error.self) { try parse("[1] x") }
  }
}
