#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A hash table from short byte strings (ids) to integers below 2^32, for the per-row look-ups of big
/// files: keys live in one byte arena, slots are open-addressed with linear probing, and the
/// hash is a 64-bit multiply-xorshift over 8-byte words, so a look-up costs no allocation
/// and no `Hasher` set-up. Determinism does not depend on it: nothing iterates the table.
public struct ByteKeyTable: Sendable {
  /// One slot: 16 bytes, four to a cache line.
  struct Slot: Sendable {
    var hash: UInt32 = 0
    /// Key offset + 1 in the arena; 0 marks an empty slot.
    var offset: UInt32 = 0
    var value: UInt32 = 0
    var length: UInt32 = 0
  }

  private var arena: [UInt8] = []
  private var slots: [Slot]
  public private(set) var count = 0

  public init(capacity: Int = 16) {
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

  @inline(__always)
  private func slot(of key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (index: Int, found: Bool) {
    slots.withUnsafeBufferPointer { slots in
      arena.withUnsafeBufferPointer { a in
        let mask = slots.count - 1
        var i = Int(UInt32(truncatingIfNeeded: h)) & mask
        while true {
          let s = slots[i]
          if s.offset == 0 { return (i, false) }
          if s.hash == UInt32(truncatingIfNeeded: h), Int(s.length) == key.count,
             key.count == 0 || memcmp(a.baseAddress! + Int(s.offset - 1), key.baseAddress!, key.count) == 0
          {
            return (i, true)
          }
          i = (i + 1) & mask
        }
      }
    }
  }

  /// The value stored for `key`.
  @inline(__always)
  public func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
    let (i, found) = slot(of: key, hash: Self.hash(key))
    return found ? Int(slots[i].value) : nil
  }

  /// Stores `value` for `key` unless the key is present; returns whether it was inserted.
  @discardableResult
  public mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Bool {
    if (count + 1) * 2 > slots.count { grow() }
    let h = Self.hash(key)
    let (i, found) = slot(of: key, hash: h)
    if found { return false }
    precondition(arena.count < Int(UInt32.max) - key.count && (0..<Int(UInt32.max)).contains(value),
                 "ByteKeyTable holds up to 4 GiB of keys and values below 2^32")
    slots[i] = Slot(hash: UInt32(truncatingIfNeeded: h), offset: UInt32(arena.count + 1), value: UInt32(value),
                    length: UInt32(key.count))
    arena.append(contentsOf: key)
    count += 1
    return true
  }

  /// String convenience for ``insert(_:value:)``.
  @discardableResult
  public mutating func insert(_ key: String, value: Int) -> Bool {
    var key = key
    return key.withUTF8 { insert($0, value: value) }
  }

  /// String convenience for ``value(for:)``.
  public func value(for key: String) -> Int? {
    var key = key
    return key.withUTF8 { value(for: $0) }
  }

  /// Calls `body` with every key, in slot order (not insertion order).
  public func forEachKey(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
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
