import Foundation
import ESGScoring
import Testing

@Suite struct MethodologyTests {
  func decode(_ edit: (inout String) -> Void) -> MethodologyError? {
    var json = ScoringMethodology.defaultJSON
    edit(&json)
    do {
      _ = try ScoringMethodology.decode(Array(json.utf8), file: "m.json")
      return nil
    } catch { return error }
  }

  @Test func weightsNotSummingToOne() {
    let e = decode { $0 = $0.replacingFirst(#""weights": { "default": 0.60 } },"#, with: #""weights": { "default": 0.50 } },"#) }
    #expect(e?.description == "m.json: indicator weights of pillar S in group default sum to 0.9, not 1")
  }

  @Test func pillarWeightsNotSummingToOne() {
    let e = decode { $0 = $0.replacingFirst(#"{ "key": "S", "weights": { "default": 0.35,"#, with: #"{ "key": "S", "weights": { "default": 0.45,"#) }
    #expect(e?.description.contains("pillar weights of group default sum to 1.1") == true)
  }

  @Test func unknownAccountIndicator() {
    let e = decode { $0 = $0.replacingFirst(#""key": "carbon_grade""#, with: #""key": "carbon_mood""#) }
    #expect(e?.description.hasPrefix("m.json: indicator carbon_mood: unknown account indicator; known: carbon_grade, carbon_intensity_revenue") == true)
  }

  @Test func duplicateKey() {
    let e = decode { $0 = $0.replacingFirst(#""key": "labour_disputes""#, with: #""key": "safety_incidents""#) }
    #expect(e?.description == "m.json: duplicate indicator key \"safety_incidents\"")
  }

  @Test func malformedJSON() {
    let e = decode { $0 = String($0.dropLast(10)) }
    #expect(e?.description.hasPrefix("m.json: not a valid methodology") == true)
  }
}

@Suite struct PricingTests {
  let ratchet = MarginRatchet(kpis: [
    .init(key: "intensity", direction: .lowerIsBetter, targets: ["2025": 0.5, "2026": 0.45], discountBps: 5, premiumBps: 5),
    .init(key: "renewables", direction: .higherIsBetter, targets: ["2025": 0.3], discountBps: 7.5, premiumBps: 7.5),
  ], capBps: 10, twoWay: true)

  @Test func bothKPIsMetIsCappedDiscount() {
    let (outcomes, total) = ratchet.evaluate(year: 2025, observed: ["intensity": 0.5, "renewables": 0.31])
    #expect(outcomes.map(\.status) == ["met", "met"])
    #expect(total == -10)  // −5 − 7.5 = −12.5, capped at −10
  }

  @Test func twoWayMissIsAPremiumOneWayIsNot() {
    let (_, twoWay) = ratchet.evaluate(year: 2025, observed: ["intensity": 0.6])  // missed; renewables not reported
    #expect(twoWay == 10)  // +5 + 7.5 = 12.5, capped at +10
    var oneWay = ratchet
    oneWay.twoWay = false
    let (outcomes, total) = oneWay.evaluate(year: 2025, observed: ["intensity": 0.6])
    #expect(outcomes.map(\.status) == ["missed", "not_reported"])
    #expect(total == 0)
  }

  @Test func yearWithoutTargetAdjustsNothing() {
    let (outcomes, total) = ratchet.evaluate(year: 2026, observed: ["intensity": 0.40, "renewables": 0.9])
    #expect(outcomes.map(\.status) == ["met", "no_target"])
    #expect(total == -5)
  }

  @Test func exampleGridIsMarkedAndCoversEveryGrade() {
    #expect(PricingGrid.example.isExample)
    for g in ScoringMethodology.bundled.grades { #expect(PricingGrid.example.adjustments[g.grade] != nil) }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let r = range(of: target) else { Issue.record("no \(target) in the methodology"); return self }
    return replacingCharacters(in: r, with: replacement)
  }
}

/// Score to price: an entity-year without a grade never earns a discount (issue 21: the
/// bundled methodology's rationale "Missing data (since 1.1.0)").
@Suite struct InsufficientDataPricingTests {
  @Test func insufficientDataNeverEarnsADiscount() {
    #expect(PricingGrid.example.adjustment(forGrade: ScoringMethodology.insufficientData) == 0)
    let generous = PricingGrid(id: "g", isExample: true, note: "", adjustments: ["AAA": -15, ScoringMethodology.insufficientData: -5])
    #expect(generous.adjustment(forGrade: ScoringMethodology.insufficientData) == 0)
    let strict = PricingGrid(id: "s", isExample: true, note: "", adjustments: [ScoringMethodology.insufficientData: 25])
    #expect(strict.adjustment(forGrade: ScoringMethodology.insufficientData) == 25)
    #expect(PricingGrid.example.adjustment(forGrade: "AAA") == -15)
    #expect(PricingGrid.example.adjustment(forGrade: "ZZZ") == nil)
  }
}
