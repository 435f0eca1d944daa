import Integrity
import Testing

@Suite struct DigestTests {
  /// GB/T 32905-2016 (SM3), Appendix A example 1: "abc".
  @Test func sm3StandardVectorOne() throws {
    #expect(try Digest.hex(.sm3, of: Array("abc".utf8))
      == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
  }

  /// GB/T 32905-2016, Appendix A example 2: "abcd" repeated 16 times (512 bits).
  @Test func sm3StandardVectorTwo() throws {
    #expect(try Digest.hex(.sm3, of: Array(String(repeating: "abcd", count: 16).utf8))
      == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
  }

  /// FIPS 180-4 example: SHA-256("abc").
  @Test func sha256Vector() throws {
    #expect(try Digest.hex(.sha256, of: Array("abc".utf8))
      == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
