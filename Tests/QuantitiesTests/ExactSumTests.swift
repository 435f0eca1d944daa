import PropertyBased
import Quantities
import Testing

@Suite("Exact order-independent sums")
struct ExactSumTests {
  @Test func roundsEachValueHalfToEvenAtTheQuantum() throws {
    var sum = ExactSum(decimalPlaces: 2)
    try sum.add(0.125)  // exactly representable; half to even → 0.12
    try sum.add(0.375)  // → 0.38
    #expect(sum.decimalString == "0.50")
    #expect(sum.count == 2)
  }

  @Test func floatingPointSumDependsOnOrderButExactSumDoesNot() throws {
    // ulp(1e16) = 2: adding 1 to 1e16 is lost, adding 2 is not.
    let forward = [1e16, 1.0, 1.0, -1e16]
    let reordered = [1.0, 1.0, 1e16, -1e16]
    #expect(forward.reduce(0, +) == 0)
    #expect(reordered.reduce(0, +) == 2)
    var a = ExactSum(decimalPlaces: 0)
    var b = ExactSum(decimalPlaces: 0)
    for v in forward { try a.add(v) }
    for v in reordered { try b.add(v) }
    #expect(a.quanta == 2)
    #expect(a == b)
  }

  @Test func decimalStringIsExactForLargeAndNegativeTotals() throws {
    var sum = ExactSum(decimalPlaces: 6)
    try sum.add(5_338_144_821.32)
    try sum.add(-0.000_001)
    #expect(sum.decimalString == "5338144821.319999")
    var negative = ExactSum(decimalPlaces: 3)
    try negative.add(-0.5)
    #expect(negative.decimalString == "-0.500")
  }

  @Test func rejectsNonFiniteAndHugeValues() {
    var sum = ExactSum(decimalPlaces: 6)
    #expect(throws: QuantityError.self) { try sum.add(.nan) }
    #expect(throws: QuantityError.self) { try sum.add(.infinity) }
    #expect(throws: QuantityError.self) { try sum.add(1e20) }  // 1e26 quanta > 2^63
    #expect(sum.count == 0 && sum.quanta == 0)
  }

  @Test("shuffled, split and merged sums are bit-identical")
  func orderAndPartitionIndependence() async {
    await propertyCheck(
      count: 200,
      input: Gen.double(in: -1e9...1e9).array(of: 0...200), Gen.int(in: 0...1_000)
    ) { values, seed in
      var reference = ExactSum(decimalPlaces: 6)
      for v in values { try! reference.add(v) }

      var rng = SplitMix(seed: UInt64(seed))
      let shuffled = values.shuffled(using: &rng)
      let cut = shuffled.isEmpty ? 0 : Int(rng.next() % UInt64(shuffled.count + 1))
      var left = ExactSum(decimalPlaces: 6)
      var right = ExactSum(decimalPlaces: 6)
      for v in shuffled[..<cut] { try! left.add(v) }
      for v in shuffled[cut...] { try! right.add(v) }
      try! right.merge(left)

      #expect(right.quanta == reference.quanta)
      #expect(right.value.bitPattern == reference.value.bitPattern)
      #expect(right.decimalString == reference.decimalString)
      #expect(right.count == values.count)
    }
  }

  /// The fast conversion equals the standard library's `Double(Int128)` on both sides of the
  /// Int64 range and at values that round (2^53 + 1 is not a Double).
  @Test func doubleOfQuantaMatchesTheStandardConversion() {
    let big = Int128(Int64.max)
    let samples: [Int128] = [0, 1, -1, 1 << 53, (1 << 53) + 1, -((1 << 53) + 1), big, big + 1, -big - 1, -big - 2,
                             Int128(1) << 100, -(Int128(1) << 100) + 12_345, Int128.max, Int128.min]
    for q in samples { #expect(ExactSum.double(q) == Double(q), "\(q)") }
    #expect(ExactSum.double((1 << 53) + 1) == 9_007_199_254_740_992)  // ties to even
  }
}

/// A tiny deterministic generator for shuffles inside a property.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
