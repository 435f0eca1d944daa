/// Quantities a loan's use-of-proceeds text states — `PUE由1.6降至1.25`, `2×50MW`, `二星级`,
/// `能效标杆水平`, `年节约标准煤5000吨` — read into typed facts, each with the span of text it
/// came from, so that an item's criteria can be checked when the structured columns are empty.
///
/// Fields (the names criteria use): `pue`, `capacity_mw`, `epc_star` (0 for 基本级),
/// `efficiency_grade` (能效等级, 1 best), `efficiency_level` (`benchmark` 标杆, `baseline` 基准),
/// `annual_energy_saving_tce`, `annual_co2_reduction_t`, `co2_capture_t_per_year`,
/// `energy_saving_rate_pct`, `floor_area_m2`, `conversion_efficiency_pct`,
/// `thermal_efficiency_pct`. A statement after a negation (未达到标杆水平) is not read.
public struct StatedFacts: Hashable, Sendable {
  /// One fact: a number or a category, and the words it was read from.
  public struct Fact: Hashable, Sendable {
    /// The number stated, `nil` for a category.
    public let value: Double?
    /// The category stated (`benchmark`, `baseline`), `nil` for a number.
    public let category: String?
    /// The text the fact was read from (`PUE由1.6降至1.25`).
    public let span: String
  }

  /// The facts by field name.
  public private(set) var facts: [String: Fact] = [:]

  /// The fact stated for `field`, if any.
  public subscript(field: String) -> Fact? { facts[field] }

  /// Reads the facts `text` states.
  public init(reading text: String) {
    let chars = Self.normalized(text)
    // Spans quote the text as written (folding keeps one character per character).
    let shown = Array(text).count == chars.count ? Array(text) : chars
    let numbers = Self.numbers(in: chars)
    for grammar in Self.grammars {
      if facts[grammar.field] == nil, let fact = grammar.read(chars, numbers: numbers, shown: shown) { facts[grammar.field] = fact }
    }
    for (field, words) in Self.categories {
      if let (value, span) = Self.category(in: chars, words: words, shown: shown) {
        facts[field] = Fact(value: value.0, category: value.1, span: span)
      }
    }
  }

  /// Lower-cased, full-width digits, letters and signs folded to ASCII (１．２５ → 1.25).
  static func normalized(_ text: String) -> [Character] {
    text.lowercased().map { c in
      guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0xFF01...0xFF5E).contains(s.value) else { return c }
      return Character(Unicode.Scalar(s.value - 0xFEE0)!)
    }
  }

  /// A number in the text: its value and where it stands.
  struct Number {
    let value: Double
    let range: Range<Int>
  }

  /// Decimal numbers (`1.25`, `5,000`, `2×50` read as 100).
  static func numbers(in chars: [Character]) -> [Number] {
    var result: [Number] = []
    var i = 0
    while i < chars.count {
      guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
      var j = i
      var digits = ""
      while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." || chars[j] == "," {
        if chars[j] == ",", !(j + 1 < chars.count && chars[j + 1].isNumber && chars[j + 1].isASCII) { break }
        if chars[j] != "," { digits.append(chars[j]) }
        j += 1
      }
      while digits.hasSuffix(".") { digits.removeLast(); j -= 1 }
      if var value = Double(digits) {
        var start = i
        // 2×50MW: a count and a multiplication sign before the number multiply it.
        if let previous = result.last, previous.range.upperBound == i - 1, ["×", "x", "*"].contains(chars[i - 1]) {
          value *= previous.value
          start = previous.range.lowerBound
          result.removeLast()
        }
        result.append(Number(value: value, range: start..<j))
      }
      i = max(j, i + 1)
    }
    return result
  }

  static let clauseBreaks: Set<Character> = ["，", ",", "；", ";", "。", "\n", "、", "（", "(", "）", ")"]
  /// Words before a category that deny it (未达到标杆水平, 非星级).
  static let negations = ["未达到", "未达", "不满足", "不符合", "未", "非", "不", "无"]
  /// Words in a number's clause that say it was not achieved (未达到节能率15%).
  static let failures = ["未达到", "未达", "不满足", "不符合"]

  /// The clause before `offset` (back to the last clause break).
  static func clause(_ chars: [Character], before offset: Int) -> String {
    var start = offset
    while start > 0 && !clauseBreaks.contains(chars[start - 1]) { start -= 1 }
    return String(chars[start..<offset])
  }

  /// The words of a fact: from the start of its clause to the end of its unit.
  static func span(_ chars: [Character], _ range: Range<Int>) -> String {
    var start = range.lowerBound
    while start > 0 && !clauseBreaks.contains(chars[start - 1]) && range.lowerBound - start < 24 { start -= 1 }
    return String(chars[start..<min(range.upperBound, chars.count)]).trimmingSpaces
  }

  /// Categorical statements: field → (words, (value, category)).
  static let categories: [(String, [(String, (Double?, String?))])] = [
    ("epc_star", [("三星级", (3, nil)), ("3星级", (3, nil)), ("三星", (3, nil)), ("three-star", (3, nil)), ("3-star", (3, nil)),
                  ("二星级", (2, nil)), ("2星级", (2, nil)), ("二星", (2, nil)), ("two-star", (2, nil)), ("2-star", (2, nil)),
                  ("一星级", (1, nil)), ("1星级", (1, nil)), ("一星", (1, nil)), ("one-star", (1, nil)), ("1-star", (1, nil)),
                  ("基本级", (0, nil)), ("无绿建星级", (0, nil)), ("无绿色建筑星级", (0, nil)), ("无星级", (0, nil)),
                  ("无绿建标识", (0, nil)), ("无绿色建筑标识", (0, nil)), ("未取得绿建", (0, nil)), ("未获星级", (0, nil)),
                  ("no star rating", (0, nil)), ("unrated", (0, nil))]),
    ("efficiency_level", [("标杆水平", (nil, "benchmark")), ("能效标杆", (nil, "benchmark")), ("标杆值", (nil, "benchmark")),
                          ("benchmark level", (nil, "benchmark")), ("基准水平", (nil, "baseline")), ("基准值", (nil, "baseline"))]),
    ("efficiency_grade", [("一级能效", (1, nil)), ("1级能效", (1, nil)), ("能效一级", (1, nil)), ("能效1级", (1, nil)),
                          ("能效等级1级", (1, nil)), ("能效等级一级", (1, nil)), ("二级能效", (2, nil)), ("2级能效", (2, nil)),
                          ("能效二级", (2, nil)), ("能效2级", (2, nil)), ("三级能效", (3, nil)), ("3级能效", (3, nil)),
                          ("能效三级", (3, nil)), ("能效3级", (3, nil))]),
  ]

  /// The first of `words` in `chars` not preceded by a negation.
  static func category(in chars: [Character], words: [(String, (Double?, String?))], shown: [Character])
    -> ((Double?, String?), String)?
  {
    var best: (Int, (Double?, String?), String)?
    for (word, value) in words {
      let w = Array(word)
      var offset = 0
      while let hit = find(w, in: chars, from: offset) {
        let before = clause(chars, before: hit)
        if !negations.contains(where: { before.hasSuffix($0) || before.hasSuffix($0 + "达到") }) {
          if best.map({ hit < $0.0 }) ?? true { best = (hit, value, span(shown, hit..<(hit + w.count))) }
          break
        }
        offset = hit + 1
      }
    }
    return best.map { ($0.1, $0.2) }
  }

  /// The first offset at or after `from` where `word` occurs in `chars`.
  static func find(_ word: [Character], in chars: [Character], from: Int) -> Int? {
    guard !word.isEmpty, chars.count >= word.count, from <= chars.count - word.count else { return nil }
    return (from...(chars.count - word.count)).first { i in chars[i] == word[0] && chars[i..<(i + word.count)].elementsEqual(word) }
  }
}
