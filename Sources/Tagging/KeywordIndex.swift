internal import Tabular

/// The keywords and exclusions of every rule and the fossil phrases, compiled into one
/// ``PatternIndex`` over their distinct parts: a loan's text is scanned once, whatever the
/// number of rules.
///
/// A phrase `A+B` matches when each part occurs at least once without a negation before it:
/// a Chinese negation right before the part or one character before it (不含燃煤, 非燃煤), an
/// English one anywhere earlier in the same clause (not coal-fired, excluding …).
struct KeywordIndex: Sendable {
  enum Kind: UInt8, Sendable { case keyword, exclusion, fossil, stage }

  struct Phrase: Sendable {
    /// Rule index (keywords, exclusions), fossil-phrase index or stage index.
    let owner: Int
    let kind: Kind
    /// Distinct-part ids.
    let parts: [Int32]
    /// Characters of the phrase without its `+`: the longer, the more specific.
    let length: Int
    let name: String
  }

  /// What one text matched.
  struct Matches: Sendable {
    /// Per matched rule: its longest keyword and its longest exclusion (phrase indices), by rule index.
    var rules: [(rule: Int, keyword: Int?, exclusion: Int?)] = []
    /// The first fossil phrase found (its index in the fossil list).
    var fossil: Int?
    /// The stages whose words occur, each with the first of its words found, by stage index.
    var stages: [(stage: Int, word: String)] = []
  }

  let phrases: [Phrase]
  private let patterns: PatternIndex
  private let phrasesOfPart: [[Int32]]
  /// The word classes (`<trade>`) a part stands in.
  private let classOfPart: [[Int32]]

  /// Negations and clause breaks (negations.csv).
  struct Negations: Sendable {
    let chinese: WordList
    let english: WordList
    let clauseBreaks: Set<[UInt8]>

    init(chinese: [String], english: [String], clauseBreaks: [String]) {
      self.chinese = WordList(chinese.map { Array($0.utf8) })
      self.english = WordList(english.map { Array($0.utf8) })
      self.clauseBreaks = Set(clauseBreaks.map { Array($0.utf8) })
    }
  }

  let negations: Negations

  /// Compiles the keyword and exclusion lists of each owner (a rule, an EU activity) and the
  /// fossil phrases. A part named in `wordClasses` (`<trade>`) stands for any of its words: it
  /// is found when one of them is, and counts one character towards a phrase's length (a word named outright is the more specific).
  init(keywords: [[String]], exclusions: [[String]], fossilPhrases: [String], stagePhrases: [[String]] = [],
       negations: Negations, wordClasses: [String: [String]] = [:])
  {
    self.negations = negations
    var partID: [String: Int32] = [:]
    var parts: [[UInt8]] = []
    var phrases: [Phrase] = []
    var marks: [Int32: [Int32]] = [:]
    func part(_ p: String) -> Int32 {
      if let id = partID[p] { return id }
      let id = Int32(parts.count)
      partID[p] = id
      if let words = wordClasses[p] {
        parts.append([])  // never matched itself
        for w in words { marks[part(w), default: []].append(id) }
      } else {
        parts.append(Array(p.utf8))
      }
      return id
    }
    func add(_ name: String, owner: Int, kind: Kind) {
      let split = name.split(separator: "+").map(String.init)
      let ids = split.map(part)
      let length = split.reduce(0) { $0 + (wordClasses[$1] == nil ? $1.count : 1) }
      phrases.append(Phrase(owner: owner, kind: kind, parts: ids, length: length, name: name))
    }
    for (r, list) in keywords.enumerated() { for k in list { add(k, owner: r, kind: .keyword) } }
    for (r, list) in exclusions.enumerated() { for x in list { add(x, owner: r, kind: .exclusion) } }
    for (f, phrase) in fossilPhrases.enumerated() { add(phrase.lowercased(), owner: f, kind: .fossil) }
    for (g, list) in stagePhrases.enumerated() { for w in list { add(w, owner: g, kind: .stage) } }
    classOfPart = (0..<parts.count).map { marks[Int32($0)] ?? [] }
    var ofPart = [[Int32]](repeating: [], count: parts.count)
    for (i, p) in phrases.enumerated() { for part in Set(p.parts) { ofPart[Int(part)].append(Int32(i)) } }
    self.phrases = phrases
    phrasesOfPart = ofPart
    patterns = PatternIndex(parts)
  }

  /// The rules and fossil phrases `text` (UTF-8, ASCII lower-cased) matches.
  ///
  /// - Complexity: one pass over `text`, then work proportional to the parts found.
  func matches(in text: [UInt8]) -> Matches {
    var found: [Int32] = []  // distinct parts occurring without a negation
    patterns.forEachMatch(in: text) { part, offset in
      let id = Int32(part)
      if !found.contains(id) && !isNegated(text, before: offset) {
        found.append(id)
        for c in classOfPart[part] where !found.contains(c) { found.append(c) }
      }
    }
    var result = Matches()
    guard !found.isEmpty else { return result }
    var complete: [Int] = []
    for part in found {
      for p in phrasesOfPart[Int(part)] where !complete.contains(Int(p)) {
        if phrases[Int(p)].parts.allSatisfy(found.contains) { complete.append(Int(p)) }
      }
    }
    complete.sort()
    for p in complete {
      let phrase = phrases[p]
      if phrase.kind == .fossil {
        if result.fossil == nil { result.fossil = phrase.owner }
        continue
      }
      if phrase.kind == .stage {
        if !result.stages.contains(where: { $0.stage == phrase.owner }) { result.stages.append((phrase.owner, phrase.name)) }
        continue
      }
      var i = result.rules.firstIndex { $0.rule == phrase.owner }
      if i == nil {
        result.rules.append((phrase.owner, nil, nil))
        i = result.rules.count - 1
      }
      // The longest phrase of each kind; the first of equally long ones.
      if phrase.kind == .exclusion {
        if result.rules[i!].exclusion.map({ phrase.length > phrases[$0].length }) ?? true { result.rules[i!].exclusion = p }
      } else if result.rules[i!].keyword.map({ phrase.length > phrases[$0].length }) ?? true {
        result.rules[i!].keyword = p
      }
    }
    result.rules.sort { $0.rule < $1.rule }
    result.stages.sort { $0.stage < $1.stage }
    return result
  }

  /// Whether the occurrence at `hit` follows a negation: a Chinese one right before it or one
  /// character before it, an English one anywhere earlier in its clause.
  func isNegated(_ text: [UInt8], before hit: Int) -> Bool {
    // The start of the character before the hit (UTF-8 continuation bytes are 10xxxxxx).
    var previous = hit - 1
    while previous > 0 && text[previous] & 0xC0 == 0x80 { previous -= 1 }
    let chinese = negations.chinese, english = negations.english
    for r in chinese.ranges {
      let n = chinese.bytes[r]
      if Self.ends(text, at: hit, with: n) || (previous >= 0 && Self.ends(text, at: previous, with: n)) { return true }
    }
    var start = hit
    while start > 0 && !negations.clauseBreaks.contains(where: { Self.ends(text, at: start, with: $0[...]) }) { start -= 1 }
    let clause = text[start..<hit]
    return english.ranges.contains { r in
      let n = english.bytes[r]
      return n.count <= clause.count && clause.indices.dropLast(n.count - 1).contains { Self.ends(text, at: $0 + n.count, with: n) }
    }
  }

  static func ends(_ text: [UInt8], at end: Int, with suffix: ArraySlice<UInt8>) -> Bool {
    guard end >= suffix.count, end <= text.count else { return false }
    return text[(end - suffix.count)..<end].elementsEqual(suffix)
  }
}
