import Tabular
import Testing

/// ByteKeyTable against Swift's Dictionary as the oracle: keys around the 8- and 16-byte
/// words a slot holds inline, keys equal in their first 16 bytes, the empty key, and growth.
@Suite("ByteKeyTable")
struct ByteKeyTableTests {
  /// Keys of every length 0…40, several per length, some sharing a 16-byte head.
  static let keys: [String] = {
    var keys: [String] = []
    for length in 0...40 {
      for variant in 0..<3 {
        let body = String(repeating: "x", count: max(0, length - 1))
        keys.append(length == 0 ? "" : body + String(UnicodeScalar(UInt8(97 + variant))))
      }
    }
    keys.append("B0153517")
    keys.append("L000000001")
    keys.append("企业碳账户-0001")
    return Array(Set(keys)).sorted()
  }()

  @Test func agreesWithDictionaryOnInsertAndLookUp() {
    var table = ByteKeyTable(capacity: 4)  // grows several times
    var oracle: [String: Int] = [:]
    for (i, k) in Self.keys.enumerated() {
      let inserted = table.insert(k, value: i)
      #expect(inserted == (oracle[k] == nil))
      oracle[k] = oracle[k] ?? i
    }
    #expect(table.count == oracle.count)
    for k in Self.keys { #expect(table.value(for: k) == oracle[k], "key \(k.debugDescription)") }
    // Inserting again keeps the first value.
    for k in Self.keys {
      let inserted = table.insert(k, value: 1_000_000)
      #expect(!inserted)
    }
    for k in Self.keys { #expect(table.value(for: k) == oracle[k]) }
  }

  @Test func missesKeysThatDifferOnlyAfterTheInlineBytes() {
    var table = ByteKeyTable()
    table.insert("0123456789abcdefAAAA", value: 1)
    table.insert("0123456789abcdef", value: 2)
    #expect(table.value(for: "0123456789abcdefAAAA") == 1)
    #expect(table.value(for: "0123456789abcdef") == 2)
    #expect(table.value(for: "0123456789abcdefAAAB") == nil)  // same head and length, other tail
    #expect(table.value(for: "0123456789abcdefAAA") == nil)
    #expect(table.value(for: "0123456789abcde") == nil)
    #expect(table.value(for: "0123456789abcde\u{0}") == nil)  // zero byte vs padding
  }

  @Test func findsManyIdsAfterGrowth() {
    var table = ByteKeyTable()
    var inserted = 0
    for i in 0..<50_000 where table.insert("L\(i)", value: i) { inserted += 1 }
    #expect(inserted == 50_000)
    var found = 0
    for i in 0..<50_000 where table.value(for: "L\(i)") == i { found += 1 }
    #expect(found == 50_000)
    #expect(table.value(for: "L50000") == nil)
    var keys = 0
    table.forEachKey { _ in keys += 1 }
    #expect(keys == 50_000)
  }
}

@Suite("concurrentMap")
struct ConcurrentMapTests {
  @Test func sameAsMapForAnyThreadCount() {
    let values = Array(0..<10_000)
    let expected = values.map { $0 * $0 + 1 }
    for threads in [1, 2, 3, 8] { #expect(values.concurrentMap(threads: threads) { $0 * $0 + 1 } == expected) }
    #expect([Int]().concurrentMap(threads: 4) { $0 } == [])
  }
}
