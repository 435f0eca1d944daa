public import Quantities
internal import Tabular

/// Classifies loans under the 2025 (or, for loans approved before 2025-10-01, the 2021)
/// Chinese green catalogue and the EU taxonomy, with evidence; explainable line by line.
///
/// A loan is `aligned` only when a structured activity (`project_type`) matches and every
/// criterion of the item is met by data; text alone makes it at most `eligible`.
public struct GreenTagger: Sendable {
  public let catalogue: Catalogue
  /// Annual reduction calculator; `nil` reports no reductions.
  public let reductions: ReductionCalculator?
  /// Date for EU rules that change over time (6.5 from 2026-01-01).
  public let asOf: Day

  /// The 2025 catalogue applies to loans approved on or after this day (银发〔2025〕132号).
  public static let transitionDay = Day(year: 2025, month: 10, day: 1)!

  public init(catalogue: Catalogue = .bundled, reductions: ReductionCalculator? = nil, asOf: Day) {
    self.catalogue = catalogue
    self.reductions = reductions
    self.asOf = asOf
  }

  /// Chinese negations count right before a keyword (不含燃煤); English ones anywhere earlier
  /// in the same clause (shall not be applied to any coal-fired …).
  static let chineseNegations = ["非", "不含", "不包括", "除", "无", "未申报", "未取得", "未达到", "未获"]
  static let englishNegations = ["non-", "not ", "no ", "excluding ", "without ", "other than "]
  static let clauseBreaks: Set<Character> = ["，", ",", "；", ";", "。", ".", ":", "：", "\n", "(", "（"]

  /// Fossil activities the 2025 catalogue does not support, with the reason.
  static let fossilPhrases: [(String, String)] = [
    ("燃煤", "coal-fired activity"), ("煤电", "coal power"), ("煤矿", "coal mining"), ("火电", "thermal (coal) power"),
    ("coal-fired", "coal-fired activity"), ("coal fired", "coal-fired activity"), ("coal power", "coal power"),
    ("coal mine", "coal mining"), ("燃油车", "fuel vehicle"), ("柴油车", "diesel vehicle"), ("diesel truck", "diesel vehicle"),
  ]
  static let nonGreenTypes: [String: String] = [
    "power.coal": "coal-fired power: no item of the 2025 catalogue supports it",
    "vehicle.ice": "internal-combustion vehicle: not a 新能源汽车",
    "vehicle.phev": "plug-in hybrid: 9.1.1 备注 covers only battery-electric and fuel-cell vehicles",
  ]

  /// Tags `loan` under each taxonomy in `taxonomies` (`cn`, `eu`).
  public func tag(_ loan: LoanFacts, taxonomies: [String] = ["cn", "eu"]) -> [GreenTag] {
    taxonomies.compactMap { t in
      switch t {
      case "cn": chinese(loan)
      case "eu": european(loan)
      default: nil
      }
    }
  }

  // MARK: Text

  /// The longest keyword found in `text` without a negation before it, or nil. A keyword
  /// `A+B` needs both parts; its length is the sum of theirs.
  /// `text` is UTF-8 already lower-cased (ASCII letters only: Chinese has no case).
  static func match(_ phrases: Phrases, in text: [UInt8]) -> String? {
    text.withUnsafeBufferPointer { t in
      phrases.parts.withWords { bytes, ranges in
        var best: Int?
        for i in phrases.partsOf.indices where phrases.lengths[i] > (best.map { phrases.lengths[$0] } ?? 0) {
          if phrases.partsOf[i].allSatisfy({ occurs(UnsafeBufferPointer(rebasing: bytes[ranges[$0]]), in: t) }) { best = i }
        }
        return best.map { phrases.names[$0] }
      }
    }
  }

  static let fossilPhraseSet = fossilPhrases.map { (Phrases([$0.0]), $0) }

  @inline(__always)
  static func lowercasedASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  static let chineseNegationWords = WordList(chineseNegations.map { Array($0.utf8) })
  static let englishNegationWords = WordList(englishNegations.map { Array($0.utf8) })
  static let clauseBreakWords = WordList(clauseBreaks.sorted().map { Array(String($0).utf8) })

  /// Whether `word` occurs in `text` at least once without a negation before it: a Chinese
  /// negation right before it or one character before it (不含燃煤), an English one anywhere
  /// earlier in the same clause. Byte-level search: no `String` per loan.
  static func occurs(_ word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !word.isEmpty, word.count <= text.count else { return false }
    var from = 0
    while let hit = find(word, in: text, from: from) {
      if !negated(text, before: hit) { return true }
      from = hit + 1
    }
    return false
  }

  static func find(_ word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard !word.isEmpty, from + word.count <= text.count else { return nil }
    let first = word[0]
    var i = from
    while i + word.count <= text.count {
      if text[i] == first {
        var j = 1
        while j < word.count && text[i + j] == word[j] { j += 1 }
        if j == word.count { return i }
      }
      i += 1
    }
    return nil
  }

  static func endsWith(_ text: UnsafeBufferPointer<UInt8>, _ end: Int, _ suffix: UnsafeBufferPointer<UInt8>) -> Bool {
    guard end >= suffix.count else { return false }
    for k in 0..<suffix.count where text[end - suffix.count + k] != suffix[k] { return false }
    return true
  }

  static func negated(_ text: UnsafeBufferPointer<UInt8>, before hit: Int) -> Bool {
    // The start of the character before the hit (UTF-8 continuation bytes are 10xxxxxx).
    var previous = hit - 1
    while previous > 0 && text[previous] & 0xC0 == 0x80 { previous -= 1 }
    let chinese = chineseNegationWords.withWords { bytes, ranges in
      ranges.contains { r in
        let n = UnsafeBufferPointer(rebasing: bytes[r])
        return endsWith(text, hit, n) || (previous >= 0 && endsWith(text, previous, n))
      }
    }
    if chinese { return true }
    let clauseStart = clauseBreakWords.withWords { bytes, ranges in
      var start = hit
      while start > 0, !ranges.contains(where: { endsWith(text, start, UnsafeBufferPointer(rebasing: bytes[$0])) }) {
        start -= 1
      }
      return start
    }
    let clause = UnsafeBufferPointer(rebasing: text[clauseStart..<hit])
    return englishNegationWords.withWords { bytes, ranges in
      ranges.contains { r in r.count <= clause.count && find(UnsafeBufferPointer(rebasing: bytes[r]), in: clause, from: 0) != nil }
    }
  }

  // MARK: Chinese catalogues

  func chinese(_ loan: LoanFacts) -> GreenTag {
    let useOld = loan.originationDate.map { $0 < Self.transitionDay } ?? false
    var tag = GreenTag(loanID: loan.loanID, taxonomy: "CN-GFC-2025", status: .insufficientData,
                       ruleVersion: catalogue.ruleVersion)
    let text = Array((loan.useOfProceeds ?? "").utf8).map(Self.lowercasedASCII)
    let type = loan.projectType ?? ""

    // Candidates: text, then the structured activity (a type shared by several items is
    // resolved by the text).
    // Rules are visited by index and read in place: copying each rule for every loan touched
    // the reference counts of the shared catalogue from every thread.
    let rules = catalogue.rules
    var textual: (TagRule, String)?
    var vetoed: Set<String> = []  // codes
    var vetoes: [String] = []
    for r in rules.indices {
      if let x = Self.match(rules[r].exclusionPhrases, in: text) {
        vetoed.insert(rules[r].code)
        if Self.match(rules[r].keywordPhrases, in: text) != nil || rules[r].projectTypes.contains(type) {
          vetoes.append("\(rules[r].code) excluded by \"\(x)\"")
        }
        continue
      }
      guard let k = Self.match(rules[r].keywordPhrases, in: text) else { continue }
      if textual == nil || k.filter({ $0 != "+" }).count > textual!.1.filter({ $0 != "+" }).count { textual = (rules[r], k) }
    }
    let typed = type.isEmpty ? [] : rules.indices.filter { rules[$0].projectTypes.contains(type) && !vetoed.contains(rules[$0].code) }
    let structured = (typed.first { rules[$0].code == textual?.0.code } ?? typed.first).map { rules[$0] }
    let fossilIndex = Self.fossilPhraseSet.indices.first { Self.match(Self.fossilPhraseSet[$0].0, in: text) != nil }
    let fossil = fossilIndex.map { Self.fossilPhraseSet[$0].1 }

    if let reason = Self.nonGreenTypes[type] {
      tag.status = .notEligible
      tag.evidence.append("project_type \(type): \(reason)")
    } else if let rule = structured {
      apply(rule, to: &tag, loan: loan, via: "project_type \(type)")
      if let t = textual, t.0.code != rule.code {
        tag.evidence.append("use_of_proceeds suggests \(t.0.code) (\"\(t.1)\"); the structured project_type prevails")
      }
    } else if let (rule, keyword) = textual, fossil == nil || rule.isFossilSubstitution {
      // A fossil phrase vetoes a text match unless the activity replaces fossil fuels
      // (替代燃煤锅炉: replacing a coal boiler is the green activity of 1.3.1).
      apply(rule, to: &tag, loan: loan, via: "use_of_proceeds contains \"\(keyword)\"")
      if tag.status == .aligned { tag.status = .eligible }
      tag.missingEvidence.insert("a project_type confirming the activity (text alone never aligns)", at: 0)
    } else if let fossil {
      tag.status = .notEligible
      tag.evidence.append("use_of_proceeds describes a \(fossil.1) (\"\(fossil.0)\"): not supported by the 2025 catalogue")
    } else if text.isEmpty && type.isEmpty {
      tag.status = .insufficientData
      tag.missingEvidence.append("use_of_proceeds or project_type")
    } else {
      tag.status = .notEligible
      tag.evidence.append("no catalogue activity matched" + (type.isEmpty ? "" : " (project_type \(type))"))
    }
    tag.evidence += vetoes

    declaredCodeChecks(loan, &tag)
    if tag.status == .aligned || tag.status == .eligible || loan.declaredCode != nil,
       loan.borrowerCarbonGrade == 5 || loan.borrowerCarbonLevel == "高碳"
    {
      tag.flags.append("green_claim_by_high_carbon_borrower")
    }
    if useOld { carryOver(&tag) }
    return tag
  }

  /// Fills code, name, marker, criteria outcomes and reductions from `rule`.
  private func apply(_ rule: TagRule, to tag: inout GreenTag, loan: LoanFacts, via: String) {
    let item = catalogue.items2025[rule.code]
    tag.code = rule.code
    tag.code2025 = rule.code
    tag.name = item?.nameZH
    tag.ghgMarker = item?.ghgMarker
    tag.evidence.append("activity: \(via)")
    var failed = false
    var unknown = false
    for c in rule.criteria {
      switch evaluate(c, loan) {
      case .met(let e): tag.evidence.append(e)
      case .failed(let e): tag.evidence.append(e); failed = true
      case .unknown(let m): tag.missingEvidence.append(m); unknown = true
      }
    }
    tag.status = failed ? .notEligible : (unknown ? .eligible : .aligned)
    if !failed { reductions?.fill(&tag, rule: rule, loan: loan) }
  }

  enum Outcome { case met(String), failed(String), unknown(String) }

  func evaluate(_ c: Criterion, _ loan: LoanFacts) -> Outcome {
    switch c {
    case .none: return .met("criteria: the item sets no technical threshold")
    case .evidence(let what): return .unknown(what)
    case .minimum(let field, let v):
      guard let x = value(field, loan) else { return .unknown("\(field) ≥ \(DecimalFormat.shortest(v))") }
      return x >= v ? .met("\(field) \(DecimalFormat.shortest(x)) ≥ \(DecimalFormat.shortest(v))")
        : .failed("\(field) \(DecimalFormat.shortest(x)) < \(DecimalFormat.shortest(v)): threshold not met")
    case .maximum(let field, let v):
      guard let x = value(field, loan) else { return .unknown("\(field) ≤ \(DecimalFormat.shortest(v))") }
      return x <= v ? .met("\(field) \(DecimalFormat.shortest(x)) ≤ \(DecimalFormat.shortest(v))")
        : .failed("\(field) \(DecimalFormat.shortest(x)) > \(DecimalFormat.shortest(v)): threshold exceeded")
    case .vehicleCO2:
      let limit = asOf < Day(year: 2026, month: 1, day: 1)! ? 50.0 : 0.0
      guard let g = loan.vehicleGCO2PerKm else { return .unknown("vehicle_gco2_per_km") }
      let ok = limit > 0 ? g < limit : g == 0
      return ok ? .met("vehicle_gco2_per_km \(DecimalFormat.shortest(g)) \(limit > 0 ? "< 50 (until 2025-12-31)" : "= 0 (from 2026-01-01)")")
        : .failed("vehicle_gco2_per_km \(DecimalFormat.shortest(g)) \(limit > 0 ? "≥ 50 (limit until 2025-12-31)" : "> 0 (limit from 2026-01-01)")")
    case .epcClassA:
      guard let label = loan.epcLabel else { return .unknown("EPC class A certificate") }
      return label.uppercased() == "A" ? .met("EPC class A") : .unknown("EPC class A certificate (label \"\(label)\" is not an EU EPC class)")
    }
  }

  func value(_ field: String, _ loan: LoanFacts) -> Double? {
    switch field {
    case "epc_star": loan.epcLabel.flatMap(Self.star)
    case "vehicle_gco2_per_km": loan.vehicleGCO2PerKm
    case "lifecycle_gco2e_per_kwh": loan.lifecycleGCO2ePerKWh
    case "capacity_mw": loan.capacityMW
    case "annual_energy_saving_tce": loan.annualEnergySavingTCE
    default: nil
    }
  }

  /// Green-building star level of an EPC label: `一星级`/`1星`/`one-star` → 1, … 3.
  static func star(_ label: String) -> Double? {
    let l = label.lowercased()
    for (n, words) in [(3.0, ["三星", "3星", "three-star", "3-star"]), (2.0, ["二星", "2星", "two-star", "2-star"]),
                       (1.0, ["一星", "1星", "one-star", "1-star"])] where words.contains(where: l.contains) {
      return n
    }
    return nil
  }

  private func declaredCodeChecks(_ loan: LoanFacts, _ tag: inout GreenTag) {
    guard let declared = loan.declaredCode else { return }
    let parts = declared.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { tag.flags.append("declared_code_unknown"); return }
    let (scheme, code) = (parts[0], parts[1])
    let approvedBefore = loan.originationDate.map { $0 < Self.transitionDay } ?? false
    switch scheme {
    case "CN-GFC-2025":
      guard catalogue.items2025[code]?.level == 3 else { tag.flags.append("declared_code_unknown"); return }
      if code != tag.code || tag.status == .notEligible { tag.flags.append("declared_code_contradicts_evidence") }
    case "CN-GBC-2021":
      guard catalogue.items2021[code] != nil else { tag.flags.append("declared_code_unknown"); return }
      if !approvedBefore { tag.flags.append("declared_code_expired") }
      let mapped = tag.code.flatMap { catalogue.crosswalk[$0] } ?? []
      if !mapped.contains(code) || tag.status == .notEligible { tag.flags.append("declared_code_contradicts_evidence") }
    default:
      tag.flags.append("declared_code_unknown")
    }
  }

  /// Loans approved before 2025-10-01 keep the 2021 standard: the matched 2025 item is
  /// reported under its 2021 equivalent (crosswalk), or as insufficient data without one.
  private func carryOver(_ tag: inout GreenTag) {
    tag = GreenTag(loanID: tag.loanID, taxonomy: "CN-GBC-2021", code: tag.code, name: tag.name, status: tag.status,
                   evidence: tag.evidence, missingEvidence: tag.missingEvidence, flags: tag.flags, ghgMarker: tag.ghgMarker,
                   code2025: tag.code2025, annualReduction: tag.annualReduction, attributedReduction: tag.attributedReduction,
                   standardCoalSavedTCE: tag.standardCoalSavedTCE, ruleVersion: tag.ruleVersion)
    guard let code2025 = tag.code else { return }
    tag.evidence.insert("approved before 2025-10-01: the 2021 catalogue applies (2025 equivalent \(code2025))", at: 0)
    if let old = catalogue.crosswalk[code2025]?.first {
      tag.code = old
      tag.name = catalogue.items2021[old]?.nameZH
    } else {
      tag.code = nil
      tag.name = nil
      if tag.status != .notEligible {
        tag.status = .insufficientData
        tag.missingEvidence.append("a 2021 catalogue item for 2025 item \(code2025) (none in the crosswalk)")
      }
    }
  }

  // MARK: EU taxonomy

  func european(_ loan: LoanFacts) -> GreenTag {
    var tag = GreenTag(loanID: loan.loanID, taxonomy: "EU-TAXONOMY", status: .insufficientData,
                       ruleVersion: "eu-taxonomy-2021-2139@2026.1")
    let type = loan.projectType ?? ""
    let activity = catalogue.euActivities.first { !type.isEmpty && $0.projectTypes.contains(type) }
      ?? catalogue.euActivities.first { a in
        type.isEmpty && a.projectTypes.isEmpty && a.sectors.contains { s in loan.borrowerSector?.hasPrefix(s) == true }
      }
    guard let a = activity else {
      tag.status = type.isEmpty && (loan.useOfProceeds ?? "").isEmpty ? .insufficientData : .notEligible
      tag.evidence.append("no activity of the Climate Delegated Act matched")
      return tag
    }
    tag.code = a.code
    tag.name = a.name
    tag.evidence.append("activity \(a.code): " + (type.isEmpty ? "borrower sector \(loan.borrowerSector ?? "")" : "project_type \(type)"))
    switch evaluate(a.criterion, loan) {
    case .met(let e):
      tag.status = .eligible
      tag.evidence.append("substantial contribution met: \(e)")
      tag.missingEvidence += ["do-no-significant-harm assessment (Annex I, the activity's DNSH criteria)",
                              "minimum safeguards (Regulation (EU) 2020/852, Art. 18)"]
    case .failed(let e):
      tag.status = .notEligible
      tag.evidence.append("substantial contribution not met: \(e)")
    case .unknown(let m):
      tag.status = .eligible
      tag.missingEvidence += [m, "do-no-significant-harm assessment", "minimum safeguards (Art. 18)"]
    }
    return tag
  }
}
