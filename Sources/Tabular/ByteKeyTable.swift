#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A hash table from short byte strings (ids) to integers below 2^32, for the per-row look-ups of big
/// files: slots are open-addressed with linear probing and hold a key's first 16 bytes, so an
/// id of up to 16 bytes is found with one memory access and no call; longer keys compare the
/// rest in one byte arena, which keeps every key. The hash is a 64-bit multiply-xorshift over
/// 8-byte words, so a look-up costs no allocation and no `Hasher` set-up. Determinism does not
/// depend on it: nothing iterates the table.
package struct ByteKeyTable: Sendable {
  /// One slot: 32 bytes, two to a cache line.
  struct Slot: Sendable {
    /// The key's bytes 0..<8 and 8..<16, zero-padded.
    var head: (UInt64, UInt64) = (0, 0)
    var hash: UInt32 = 0
    /// Key offset + 1 in the arena; 0 marks an empty slot.
    var offset: UInt32 = 0
    var value: UInt32 = 0
    var length: UInt32 = 0
  }

  /// Bytes of a key held in its slot.
  static let inlineBytes = 16

  private var arena: [UInt8] = []
  private var slots: [Slot]
  package private(set) var count = 0

  package init(capacity: Int = 16) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    slots = [Slot](repeating: Slot(), count: n)
  }

  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    var i = 0
    let n = key.count
    guard let base = UnsafeRawPointer(key.baseAddress) else { return h }
    while i + 8 <= n {
      h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    if i < n {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        tail |= UInt64(key[i]) << shift
        shift += 8
        i += 1
      }
      h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    }
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 32)
  }

  /// The key's first 16 bytes as two little-endian words, zero-padded.
  @inline(__always)
  static func head(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    guard let base = UnsafeRawPointer(key.baseAddress) else { return (0, 0) }
    if key.count >= 16 {
      return (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: base, byteCount: key.count) }
    return words
  }

  @inline(__always)
  private func slot(of key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (index: Int, found: Bool) {
    let head = Self.head(key)
    let hash = UInt32(truncatingIfNeeded: h)
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var i = Int(hash) & mask
      while true {
        let s = slots[i]
        if s.offset == 0 { return (i, false) }
        if s.hash == hash, Int(s.length) == key.count, s.head == head,
           key.count <= Self.inlineBytes || rest(at: Int(s.offset - 1), equals: key)
        {
          return (i, true)
        }
        i = (i + 1) & mask
      }
    }
  }

  /// Whether the key at `offset` in the arena ends like `key` after the inline bytes.
  private func rest(at offset: Int, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
    arena.withUnsafeBufferPointer { a in
      memcmp(a.baseAddress! + offset + Self.inlineBytes, key.baseAddress! + Self.inlineBytes,
             key.count - Self.inlineBytes) == 0
    }
  }

  /// The value stored for `key`.
  @inline(__always)
  package func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
    let (i, found) = slot(of: key, hash: Self.hash(key))
    return found ? Int(slots[i].value) : nil
  }

  /// Stores `value` for `key` unless the key is present; returns whether it was inserted.
  @discardableResult
  package mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Bool {
    if (count + 1) * 2 > slots.count { grow() }
    let h = Self.hash(key)
    let (i, found) = slot(of: key, hash: h)
    if found { return false }
    precondition(arena.count < Int(UInt32.max) - key.count && (0..<Int(UInt32.max)).contains(value),
                 "ByteKeyTable holds up to 4 GiB of keys and values below 2^32")
    slots[i] = Slot(head: Self.head(key), hash: UInt32(truncatingIfNeeded: h), offset: UInt32(arena.count + 1),
                    value: UInt32(value), length: UInt32(key.count))
    arena.append(contentsOf: key)
    count += 1
    return true
  }

  /// String convenience for ``insert(_:value:)``.
  @discardableResult
  package mutating func insert(_ key: String, value: Int) -> Bool {
    var key = key
    return key.withUTF8 { insert($0, value: value) }
  }

  /// String convenience for ``value(for:)``.
  package func value(for key: String) -> Int? {
    var key = key
    return key.withUTF8 { value(for: $0) }
  }

  /// Calls `body` with every key, in slot order (not insertion order).
  package func forEachKey(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    arena.withUnsafeBufferPointer { a in
      for s in slots where s.offset != 0 {
        body(UnsafeBufferPointer(rebasing: a[Int(s.offset - 1)..<Int(s.offset - 1 + s.length)]))
      }
    }
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(), count: old.count * 2)
    let mask = slots.count - 1
    for s in old where s.offset != 0 {
      var i = Int(s.hash) & mask
      while slots[i].offset != 0 { i = (i + 1) & mask }
      slots[i] = s
    }
  }
}

extension ByteKeyTable {
  /// The value of field `i` of `record` as a key (`nil` for no field, an empty field or an
  /// unknown key).
  package func value(forField i: Int?, of record: borrowing CSVRecord) -> Int? {
    guard let field = record.field(i) else { return nil }
    return value(for: field)
  }
}
