import Quantities
import Testing

@Suite("Decimal text")
struct DecimalFormatTests {
  @Test func roundsHalfToEvenAndPrintsExactly() {
    #expect(DecimalFormat.fixed(154.795482, places: 3) == "154.795")
    #expect(DecimalFormat.fixed(0.5, places: 6) == "0.500000")
    #expect(DecimalFormat.fixed(2.5, places: 0) == "2")  // half to even
    #expect(DecimalFormat.fixed(3.5, places: 0) == "4")
    #expect(DecimalFormat.fixed(-0.25, places: 1) == "-0.2")
    #expect(DecimalFormat.fixed(0.1 + 0.2, places: 6) == "0.300000")  // not 0.30000000000000004
    #expect(DecimalFormat.fixed(-1e-7, places: 6) == "0.000000")  // rounds to zero: no sign
    #expect(DecimalFormat.fixed(.nan, places: 6) == "")
    #expect(DecimalFormat.fixed(1e300, places: 6) == "1e+300")  // beyond 2^63 quanta: shortest text
  }

  @Test func trimmedDropsTrailingZerosOnly() {
    #expect(DecimalFormat.trimmed(420, places: 6) == "420")
    #expect(DecimalFormat.trimmed(0.11, places: 6) == "0.11")
    #expect(DecimalFormat.trimmed(154.7955, places: 6) == "154.7955")
    #expect(DecimalFormat.trimmed(-0.25, places: 2) == "-0.25")
    #expect(DecimalFormat.trimmed(-1e-9, places: 6) == "0")
  }

  @Test("fixed agrees with the exact sum's own decimal text")
  func agreesWithExactSum() throws {
    var rng = SplitMix(seed: 20261129)  // fixed: a failure reproduces
    for _ in 0..<2_000 {
      let places = Int.random(in: 0...9, using: &rng)
      let value = Double.random(in: -1e9...1e9, using: &rng) / Double([1, 7, 1_000, 3e5].randomElement(using: &rng)!)
      var sum = ExactSum(decimalPlaces: places)  // an independent path: Int128 quanta, String division
      try sum.add(value)
      let expected = sum.quanta == 0 ? sum.decimalString.filter { $0 != "-" } : sum.decimalString
      #expect(DecimalFormat.fixed(value, places: places) == expected, "\(value) to \(places) places")
    }
  }

  @Test func periodBytesSpellTheDescription() {
    let periods = [Period.year(2024)!, .year(7)!, .year(999)!, .quarter(1, of: 2024)!, .quarter(4, of: 1999)!]
      + (1...12).map { Period.month($0, of: 2023)! }
    func bytes(_ span: Span<UInt8>) -> [UInt8] { span.indices.map { span[$0] } }
    for p in periods {
      #expect(p.withDescriptionBytes { String(decoding: bytes($0), as: UTF8.self) } == p.description)
    }
    #expect(Period.month(7, of: 2024)!.withDescriptionBytes(bytes) == Array("2024-07".utf8))
  }
}
