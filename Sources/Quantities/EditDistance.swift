/// The Levenshtein distance of two short byte strings, for "did you mean" hints on units,
/// region codes and activity keys.
public enum EditDistance {
  /// Insertions, deletions and substitutions that turn `a` into `b`.
  ///
  /// - Complexity: O(`a.count` × `b.count`): meant for words, not documents.
  public static func between(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Int {
    let b = Array(b)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
