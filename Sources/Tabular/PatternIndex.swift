/// A set of byte patterns found together in one pass over a text: every occurrence of every
/// pattern, in text order, without a search per pattern.
///
/// Patterns are sorted and indexed by their first two bytes (a table of 2^16 offsets), so each
/// text position costs one table read plus a comparison against the few patterns that share
/// those two bytes; one-byte patterns have their own table. With a catalogue's thousands of
/// keyword parts this is what keeps tagging a loan independent of the number of rules.
///
/// - Complexity: building O(*p* log *p*) for *p* pattern bytes; ``forEachMatch(in:_:)`` O(*n* · *k*)
///   for a text of *n* bytes and *k* patterns per two-byte prefix.
public struct PatternIndex: Sendable {
  /// The patterns in byte order.
  private let sorted: WordList
  /// `ids[i]`: the caller's index of sorted pattern `i`.
  private let ids: [Int32]
  /// Sorted patterns of two or more bytes starting with bytes `a b`:
  /// `pairStart[a << 8 | b] ..< pairStart[(a << 8 | b) + 1]`.
  private let pairStart: [Int32]
  /// One-byte patterns by their byte (caller's indices).
  private let singles: [[Int32]]

  /// The number of patterns, empty ones included (they never match).
  public let count: Int

  /// Indexes `patterns`; ``forEachMatch(in:_:)`` reports them by their position in this array.
  public init(_ patterns: [[UInt8]]) {
    count = patterns.count
    let order = patterns.indices.filter { patterns[$0].count >= 2 }
      .sorted { patterns[$0].lexicographicallyPrecedes(patterns[$1]) }
    sorted = WordList(order.map { patterns[$0] })
    ids = order.map { Int32($0) }
    var start = [Int32](repeating: 0, count: 65_537)
    for i in order { start[Int(patterns[i][0]) << 8 | Int(patterns[i][1]) + 1] += 1 }
    for k in 1..<start.count { start[k] += start[k - 1] }
    pairStart = start
    var singles = [[Int32]](repeating: [], count: 256)
    for i in patterns.indices where patterns[i].count == 1 { singles[Int(patterns[i][0])].append(Int32(i)) }
    self.singles = singles
  }

  /// Calls `body(pattern, offset)` for every occurrence of every pattern in `text`, by
  /// increasing offset (patterns starting at the same offset in byte order).
  public func forEachMatch(in text: [UInt8], _ body: (_ pattern: Int, _ offset: Int) -> Void) {
    text.withUnsafeBufferPointer { t in
      sorted.withWords { bytes, ranges in
        for i in t.indices {
          for p in singles[Int(t[i])] { body(Int(p), i) }
          guard i + 1 < t.count else { break }
          let key = Int(t[i]) << 8 | Int(t[i + 1])
          var s = Int(pairStart[key])
          let end = Int(pairStart[key + 1])
          while s < end {
            let r = ranges[s]
            if r.count <= t.count - i {
              var j = 2
              while j < r.count && t[i + j] == bytes[r.lowerBound + j] { j += 1 }
              if j == r.count { body(Int(ids[s]), i) }
            }
            s += 1
          }
        }
      }
    }
  }
}
