import LoanBook
public import Quantities
internal import Tabular

/// Classifies loans under the 2025 Chinese green catalogue (or, for products approved before
/// it, their historical standard) and the EU taxonomy, with evidence; explainable line by line.
///
/// A loan is `aligned` only when a structured activity (`project_type`) matches and every
/// criterion of the item is met by data; text alone makes it at most `eligible`. Where
/// several items match, they are ranked (``TagCandidate``) and the output says why the first
/// was chosen.
public struct GreenTagger: Sendable {
  /// The taxonomy tables the tagger applies.
  public let catalogue: Catalogue
  /// Annual reduction calculator; `nil` reports no reductions.
  public let reductions: ReductionCalculator?
  /// Date for EU rules that change over time (6.5 from 2026-01-01).
  public let asOf: Day

  /// A tagger over `catalogue`, with `reductions` and the EU rules as of `asOf`.
  public init(catalogue: Catalogue = .bundled, reductions: ReductionCalculator? = nil, asOf: Day) {
    self.catalogue = catalogue
    self.reductions = reductions
    self.asOf = asOf
  }

  /// Tags `loan` under each taxonomy in `taxonomies` (`cn`, `eu`).
  public func tag(_ loan: LoanFacts, taxonomies: [String] = ["cn", "eu"]) -> [GreenTag] {
    // The EU tag may follow the Chinese item (Common Ground Taxonomy): tag under it once.
    let chineseTag = taxonomies.contains("cn") || taxonomies.contains("eu") ? chinese(loan) : nil
    return taxonomies.compactMap { t in
      switch t {
      case "cn": chineseTag
      case "eu": european(loan, chineseCode: chineseTag?.code2025)
      default: nil
      }
    }
  }

  @inline(__always)
  static func lowercasedASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  // MARK: Chinese catalogues

  func chinese(_ loan: LoanFacts) -> GreenTag {
    var tag = GreenTag(loanID: loan.loanID, taxonomy: "CN-GFC-2025", status: .insufficientData,
                       ruleVersion: catalogue.ruleVersion)
    let text = Array((loan.useOfProceeds ?? "").utf8).map(Self.lowercasedASCII)
    let type = loan.projectType ?? ""
    let rules = catalogue.rules
    let found = catalogue.index.matches(in: text)
    var inputs = CriteriaInputs(loan: loan, scales: catalogue.gradeScales)

    var vetoed: [Int] = []
    var vetoes: [String] = []
    var keywords: [(rule: Int, phrase: KeywordIndex.Phrase)] = []
    for m in found.rules {
      if let x = m.exclusion {
        vetoed.append(m.rule)
        if m.keyword != nil || rules[m.rule].projectTypes.contains(type) {
          vetoes.append("\(rules[m.rule].code) excluded by \"\(catalogue.index.phrases[x].name)\"")
        }
      } else if let k = m.keyword {
        keywords.append((m.rule, catalogue.index.phrases[k]))
      }
    }
    let fossil = found.fossil.map { catalogue.fossilPhrases[$0] }
    inputs.stages = Set(found.stages.map(\.stage))
    let tradeOf = addTradeItems(for: found, vetoed: vetoed, to: &keywords)
    var typed = (catalogue.rulesByType[type] ?? []).filter { !vetoed.contains($0) }
    // A project type several items share (industry.energy_efficiency) does not choose among
    // them: when none of them matches the text, the text decides.
    if (catalogue.rulesByType[type]?.count ?? 0) > 1, !typed.contains(where: { r in keywords.contains { $0.rule == r } }),
       keywords.contains(where: { fossil == nil || rules[$0.rule].isFossilSubstitution })
    {
      typed = []
    }

    if let reason = catalogue.unsupportedTypes[type] {
      tag.status = .notEligible
      tag.evidence.append("project_type \(type): \(reason)")
    } else if !typed.isEmpty {
      let ranked = rank(typed.map { r in
        candidate(r, match: "project_type \(type)", keyword: keywords.first { $0.rule == r }?.phrase.length ?? 0, &inputs)
      })
      apply(ranked, to: &tag, loan: loan, &inputs)
      if let t = keywords.max(by: { $0.phrase.length < $1.phrase.length }), rules[t.rule].code != tag.code {
        tag.evidence.append("use_of_proceeds suggests \(rules[t.rule].code) (\"\(t.phrase.name)\"); the structured project_type prevails")
      }
    } else if case let textual = keywords.filter({ fossil == nil || rules[$0.rule].isFossilSubstitution }), !textual.isEmpty {
      // A fossil phrase vetoes a text match unless the activity replaces fossil fuels
      // (替代燃煤锅炉: replacing a coal boiler is the green activity of 1.3.1).
      let ranked = rank(textual.map { k in
        let product = tradeOf[k.rule].map { " (trade in goods of \($0), which \(rules[k.rule].code) refers to)" } ?? ""
        return candidate(k.rule, match: "use_of_proceeds contains \"\(k.phrase.name)\"" + product, keyword: k.phrase.length, &inputs)
      })
      apply(ranked, to: &tag, loan: loan, &inputs)
      if tag.status == .aligned { tag.status = .eligible }
      if let shared = catalogue.rulesByType[type], shared.count > 1 {
        tag.evidence.insert("project_type \(type) is shared by \(shared.count) items and none matches the text: the text decides", at: 0)
      }
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
    if tag.status == .aligned || tag.status == .eligible || loan.declaredGreenCode != nil,
       loan.borrowerCarbonGrade == 5 || loan.borrowerCarbonLevel == "高碳"
    {
      tag.flags.append("green_claim_by_high_carbon_borrower")
    }
    applyHistoricalStandard(loan, to: &tag)
    return tag
  }

  /// Candidates best first; equal ones keep the rules' order.
  func rank(_ candidates: [(index: Int, candidate: TagCandidate)]) -> [(index: Int, candidate: TagCandidate)] {
    candidates.sorted { a, b in
      a.candidate.ranks(before: b.candidate) || (!b.candidate.ranks(before: a.candidate) && a.index < b.index)
    }
  }

  /// Rule `r` as a candidate: its criteria checked against the loan's columns and text.
  func candidate(_ r: Int, match: String, keyword: Int, _ inputs: inout CriteriaInputs) -> (index: Int, candidate: TagCandidate) {
    var evidence: [String] = []
    var missing: [String] = []
    var failed = false, unknown = false
    var met = 0
    inputs.item = catalogue.rules[r].code
    for c in catalogue.rules[r].criteria {
      switch evaluate(c, &inputs) {
      case .met(let e):
        evidence.append(e)
        if c.isQuantitative { met += 1 }
      case .failed(let e): evidence.append(e); failed = true
      case .unknown(let m): missing.append(m); unknown = true
      case .notApplicable: continue
      }
    }
    let status: GreenTag.Status = failed ? .notEligible : (unknown ? .eligible : .aligned)
    let stage = catalogue.stageOfClass[catalogue.items2025[catalogue.rules[r].code]?.secondLevel ?? ""]
    let matchesStage = stage.map { inputs.stages.contains($0) } ?? inputs.stages.isEmpty
    return (r, TagCandidate(code: catalogue.rules[r].code, match: match, status: status, criteriaMetByData: met,
                            keywordLength: keyword, matchesStage: matchesStage, evidence: evidence, missingEvidence: missing))
  }

  /// Fills the tag from the first of `ranked`: code, name, marker, criteria outcomes, why it
  /// was chosen over the others, and reductions.
  private func apply(_ ranked: [(index: Int, candidate: TagCandidate)], to tag: inout GreenTag, loan: LoanFacts,
                     _ inputs: inout CriteriaInputs)
  {
    let (r, best) = ranked[0]
    let rule = catalogue.rules[r]
    let item = catalogue.items2025[rule.code]
    tag.code = rule.code
    tag.code2025 = rule.code
    tag.name = item?.nameZH
    tag.ghgMarker = item?.ghgMarker
    tag.evidence.append("activity: \(best.match)")
    tag.evidence += best.evidence
    tag.missingEvidence += best.missingEvidence
    tag.status = best.status
    tag.candidates = ranked.map(\.candidate)
    if ranked.count > 1 {
      let others = ranked.dropFirst().prefix(4).map { "\($0.candidate.summary): \(Self.reason(best, over: $0.candidate))" }
      tag.evidence.append("chosen over " + others.joined(separator: "; ") + (ranked.count > 5 ? "; and \(ranked.count - 5) more" : ""))
    }
    guard best.status != .notEligible, let reductions else { return }
    var enriched = loan
    if rule.reduction == "energy_saving", loan.annualEnergySavingTCE == nil, let f = inputs.stated["annual_energy_saving_tce"] {
      enriched.annualEnergySavingTCE = f.value
      tag.evidence.append("annual_energy_saving_tce \(DecimalFormat.shortest(f.value ?? 0)) read from use_of_proceeds \"\(f.span)\"")
    }
    reductions.fill(&tag, rule: rule, loan: enriched)
  }

  /// Why `best` ranks before `other`, in words.
  static func reason(_ best: TagCandidate, over other: TagCandidate) -> String {
    if best.status != .notEligible && other.status == .notEligible { return "its criteria fail" }
    if best.matchesStage != other.matchesStage { return "the text names another stage (manufacturing, trade or service)" }
    if best.criteriaMetByData != other.criteriaMetByData {
      return "fewer criteria met by data (\(other.criteriaMetByData) against \(best.criteriaMetByData))"
    }
    if best.keywordLength != other.keywordLength { return "a less specific match" }
    return "an equal match listed later in the catalogue"
  }
}
