/// FNV-1a, 64 bits (Fowler, Noll and Vo; offset basis 14695981039346656037, prime
/// 2^40 + 2^8 + 0xb3): the stable hash that assigns rows to shards and ids to spill buckets.
package enum FNV1a {
  /// The hash of `bytes`.
  package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }

  /// The hash of the UTF-8 bytes of `text`.
  package static func hash(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { hash($0) }
  }
}

extension CSVRecord {
  /// FNV-1a of field `i`'s bytes as they are in the file.
  package func fnv1a(field i: Int) -> UInt64 { FNV1a.hash(self[i]) }
}
