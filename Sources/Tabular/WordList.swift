/// Byte strings stored back to back in one buffer, read through one pointer instead of one
/// array per word: threads that share a list (a catalogue's phrases, a vocabulary) then touch
/// no reference count per word, and matching a field costs byte comparisons only.
package struct WordList: Hashable, Sendable {
  package let bytes: [UInt8]
  /// Word `i` is `bytes[ranges[i]]`.
  package let ranges: [Range<Int>]

  package init(_ words: [[UInt8]]) {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    for w in words {
      ranges.append(bytes.count..<(bytes.count + w.count))
      bytes += w
    }
    self.bytes = bytes
    self.ranges = ranges
  }

  /// Calls `body` with the buffer and the words' ranges in it.
  package func withWords<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Range<Int>>) throws -> R)
    rethrows -> R
  {
    try bytes.withUnsafeBufferPointer { b in try ranges.withUnsafeBufferPointer { r in try body(b, r) } }
  }

  /// The index of the word equal to `field`, or `nil`.
  @inline(__always)
  package func index(of field: UnsafeBufferPointer<UInt8>) -> Int? {
    withWords { bytes, ranges in
      ranges.firstIndex { r in r.count == field.count && bytes[r].elementsEqual(field) }
    }
  }
}
