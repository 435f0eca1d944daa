import ESGScoring
import Foundation
import PropertyBased
import Testing

@Suite struct ESGScorerTests {
  let scorer = ESGScorer()

  /// The bundled methodology with missing indicators at their lowest score and every entity
  /// graded (version 1.0.0's rule), to test that treatment.
  func lowestScoreScorer() throws -> ESGScorer {
    let policy = #""missing_data": { "treatment": "reweight", "minimum_coverage": 0.5 }"#
    #expect(ScoringMethodology.defaultJSON.contains(policy))
    let json = ScoringMethodology.defaultJSON.replacingOccurrences(
      of: policy, with: #""missing_data": { "treatment": "lowest_score", "minimum_coverage": 0 }"#)
    return ESGScorer(methodology: try ScoringMethodology.decode(Array(json.utf8), file: "m.json"))
  }

  /// Seven C30 peers with varied data, plus others.
  func sample() -> [ESGProfile] {
    var profiles: [ESGProfile] = []
    for k in 0..<7 {
      profiles.append(ESGProfile(entityID: "C\(k)", year: 2024, sector: "C3011", values: [
        "carbon_grade": Double(1 + k % 5), "carbon_intensity_revenue": 1.5 + Double(k) * 0.3,
        "emissions_change_vs_base_year": -0.05 * Double(k % 3), "scope3_reported": Double(k % 2),
        "emissions_verified": 1, "safety_incidents": Double(k % 4), "labour_disputes": Double(k % 2),
        "board_independence": 0.3 + 0.03 * Double(k), "environmental_penalties": Double(k % 3),
        "sustainability_report_published": 1, "green_revenue_share": 0.1 * Double(k),
      ]))
    }
    profiles.append(ESGProfile(entityID: "I1", year: 2024, sector: "I6513", values: ["board_independence": 0.4]))
    return profiles
  }

  @Test func bundledMethodologyIsValid() throws {
    let m = ScoringMethodology.bundled
    #expect(m.version == "1.1.0")
    #expect(m.missingData == MissingDataPolicy(treatment: .reweight, minimumCoverage: 0.5))
    #expect(m.grades.map(\.grade) == ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"])
    try m.validate(file: "bundled")
    #expect(m.group(of: "C3011") == "high_emitting")
    #expect(m.group(of: "I6513") == "default")
    // The national carbon market's paper sector (造纸, C22) is high-emitting; rail (G53) is not.
    #expect(m.group(of: "C2221") == "high_emitting")
    #expect(m.group(of: "G5320") == "default")
    // "Governance weighs at least one third" (the methodology's rationale), in every group.
    #expect(m.pillars.first { $0.key == "G" }!.weights.values.allSatisfy { $0 >= 1.0 / 3 })
  }

  @Test func contributionsSumToTheTotal() {
    for s in scorer.score(sample()) {
      let sum = s.contributions.reduce(0) { $0 + Int(($1.contribution * 10_000).rounded()) }
      #expect(sum == Int((s.total * 10_000).rounded()), "\(s.entityID)")
      #expect((0...100).contains(s.total))
    }
  }

  /// Hand computation for an entity with only board independence 0.4 (default group), missing
  /// indicators at their lowest score: G pillar 0.35 × board weight 0.40 × linear score
  /// 0.4 / 0.5 × 100 = 11.2; coverage 0.14.
  @Test func missingIndicatorsScoreLowestAndLowerCoverage() throws {
    let s = try #require(try lowestScoreScorer().score(sample()).first { $0.entityID == "I1" })
    #expect(s.total == 11.2)
    #expect(abs(s.coverage - 0.35 * 0.40) < 1e-12)
    #expect(s.grade == "C")
    let missing = s.contributions.filter { $0.note.hasPrefix("missing") }
    #expect(missing.count == 10)
    #expect(missing.allSatisfy { $0.score == 0 && $0.contribution == 0 })
  }

  /// The bundled policy (rationale "Missing data (since 1.1.0)"): the same entity reports 14 %
  /// of the weight, below the 50 % floor: no grade; its score is of what it reports, 80.
  @Test func belowTheCoverageFloorNoGradeIsGiven() throws {
    let s = try #require(scorer.score(sample()).first { $0.entityID == "I1" })
    #expect(s.grade == ScoringMethodology.insufficientData)
    #expect(abs(s.coverage - 0.14) < 1e-12)
    #expect(s.total == 80)  // board 0.4 → 0.4 / 0.5 × 100, re-weighted to weight 1
  }

  /// Re-weighting by hand (default group; E 0.30, S 0.35, G 0.35): reported carbon grade 2
  /// (75, weight 0.25 in E), change −5 % (linear 0.10 → 0, −0.20 → 100: 50; 0.15), scope 3
  /// reported (100; 0.10), not verified (0; 0.10), green share 0.3 (30; 0.15); safety
  /// incidents 0 alone in its peer group (middle score 50; 0.60 in S); board 0.25 (50; 0.40 in
  /// G), report published (100; 0.25). Weighted sum 0.30 × 40.75 + 0.35 × 30 + 0.35 × 45 =
  /// 38.475 over coverage 0.225 + 0.21 + 0.2275 = 0.6625: total 58.0755, grade BB.
  @Test func reportedIndicatorsAreReweightedToSumToOne() throws {
    let profile = ESGProfile(entityID: "R", year: 2024, sector: "I6513", values: [
      "carbon_grade": 2, "emissions_change_vs_base_year": -0.05, "scope3_reported": 1, "emissions_verified": 0,
      "green_revenue_share": 0.3, "safety_incidents": 0, "board_independence": 0.25, "sustainability_report_published": 1,
    ])
    let s = try #require(scorer.score([profile]).first)
    #expect(abs(s.coverage - 0.6625) < 1e-12)
    #expect(abs(s.total - 38.475 / 0.6625) < 5e-4)
    #expect(s.grade == "BB")
    #expect(abs(s.environmental - 40.75 / 0.75) < 1e-9 && s.social == 50 && abs(s.governance - 45 / 0.65) < 1e-9)
    let missing = s.contributions.filter { $0.note.hasPrefix("missing") }
    #expect(missing.map(\.key).sorted() == ["carbon_intensity_revenue", "environmental_penalties", "labour_disputes"])
    #expect(missing.allSatisfy { $0.weight == 0 && $0.contribution == 0 })
    #expect(abs(s.contributions.reduce(0) { $0 + $1.weight } - 1) < 1e-12)  // the weights shown sum to 1
  }

  /// The base-year comparison behind a change (accounts.csv base_year_comparison) stands in
  /// the indicator's explanation line.
  @Test func aValuesProvenanceIsInItsExplanation() throws {
    let profile = ESGProfile(entityID: "P", year: 2024, sector: "I6513", values: ["emissions_change_vs_base_year": -0.05],
                             provenance: ["emissions_change_vs_base_year": "like for like: scope 1 + 2 (location-based)"])
    let s = try #require(scorer.score([profile]).first)
    let line = try #require(s.contributions.first { $0.key == "emissions_change_vs_base_year" })
    #expect(line.note == "linear: 0.1 → 0, -0.2 → 100; like for like: scope 1 + 2 (location-based)")
  }

  /// A methodology's stated rules are checked when it is read, with the rationale in the error.
  @Test func aBrokenConstraintIsRefusedWithItsRationale() {
    let json = ScoringMethodology.defaultJSON.replacingOccurrences(
      of: #"{ "key": "G", "weights": { "default": 0.35, "high_emitting": 0.34 } }"#,
      with: #"{ "key": "G", "weights": { "default": 0.35, "high_emitting": 0.33 } }"#)
      .replacingOccurrences(of: #""high_emitting": 0.21 }"#, with: #""high_emitting": 0.22 }"#)
    #expect(throws: MethodologyError(file: "m.json", "constraints[0] broken: pillar G weighs 0.33 in group high_emitting, "
      + "below 0.3333333333333333 (rationale: governance weighs at least one third)")) {
      try ScoringMethodology.decode(Array(json.utf8), file: "m.json")
    }
    let withoutPaper = ScoringMethodology.defaultJSON.replacingOccurrences(of: #"["B", "C22", "#, with: #"["B", "#)
    #expect(throws: MethodologyError.self) { try ScoringMethodology.decode(Array(withoutPaper.utf8), file: "m.json") }
  }

  /// A sector with a single entity is compared with all entities of the year, and says so.
  @Test func singleEntitySectorFallsBackToAllEntities() throws {
    var profiles = sample()
    profiles.append(ESGProfile(entityID: "K1", year: 2024, sector: "K7010", values: ["safety_incidents": 0]))
    let s = try #require(scorer.score(profiles).first { $0.entityID == "K1" })
    let line = try #require(s.contributions.first { $0.key == "safety_incidents" })
    #expect(line.note == "peer percentile; fallback: K7010, K701, K70 and K have fewer than 5 peers; all 8 entities of 2024")
    // 0 incidents: better than the C-sector entities with 1, 2, 3 (k % 4 ≠ 0: 5 of them),
    // tied with the two others at 0. Percentile = (5 + 2/2) / 7 × 100.
    #expect(abs(line.score - 6.0 / 7.0 * 100) < 1e-9)
  }

  /// Peer groups at the finest GB/T 4754 level with 5 entities (the methodology's rationale):
  /// three cement makers (C3011) and two lime makers (C3012) are compared within group C301; the
  /// seven C3011 entities of `sample()` within their class.
  @Test func peerGroupsWidenStepByStep() throws {
    let profiles = (0..<5).map { k in
      ESGProfile(entityID: "E\(k)", year: 2024, sector: k < 3 ? "C3011" : "C3012", values: ["safety_incidents": Double(k)])
    }
    let s = try #require(scorer.score(profiles).first { $0.entityID == "E0" })
    let line = try #require(s.contributions.first { $0.key == "safety_incidents" })
    #expect(line.note == "peer percentile; fallback: C3011 has fewer than 5 peers; 5 peers of C301 2024")
    // 0 incidents, fewest of the five (lower is better): better than all 4 others → 100.
    #expect(line.score == 100)
    let c = try #require(scorer.score(sample()).first { $0.entityID == "C0" })
    #expect(c.contributions.first { $0.key == "safety_incidents" }?.note == "peer percentile among 7 peers of C3011 2024")
  }

  /// Peer percentiles (ranked by binary search in each sorted peer group) equal the
  /// definition, computed here by a pass over the group: among the n − 1 other peers,
  /// (worse + ties / 2) / (n − 1) × 100 — for both directions, with repeated values, ±0 and NaN.
  @Test func peerPercentileMatchesTheDefinition() throws {
    let lower = #""key": "safety_incidents", "pillar": "S", "source": "esg", "direction": "lower_is_better""#
    for better in [false, true] {
      var json = ScoringMethodology.defaultJSON
      #expect(json.contains(lower))
      if better { json = json.replacingOccurrences(of: lower, with: lower.replacingOccurrences(of: "lower_is", with: "higher_is")) }
      let scorer = ESGScorer(methodology: try ScoringMethodology.decode(Array(json.utf8), file: "m.json"))
      let pool: [Double] = [0, -0.0, 1, 1, 2, 3.5, .nan, 7, 2]
      let values = (0..<40).map { pool[($0 * 5 + $0 / 3) % pool.count] }
      let profiles = values.enumerated().map { k, v in
        ESGProfile(entityID: "E\(k)", year: 2024, sector: "C3011", values: ["safety_incidents": v])
      }
      for score in scorer.score(profiles) {
        let raw = values[Int(score.entityID.dropFirst())!]
        var worse = 0.0
        var ties = -1.0
        for v in values {
          if v == raw { ties += 1 } else if (v < raw) == better { worse += 1 }
        }
        let expected = (worse + ties / 2) / Double(values.count - 1) * 100
        let line = try #require(score.contributions.first { $0.key == "safety_incidents" })
        #expect(line.score.bitPattern == expected.bitPattern, "\(score.entityID) raw \(raw) better \(better)")
      }
    }
  }

  @Test func resultDoesNotDependOnOrder() {
    let forward = scorer.score(sample())
    let backward = scorer.score(sample().reversed())
    #expect(forward == backward)
  }

  /// Grade boundaries: a total exactly at a cut-off takes the higher grade.
  @Test func gradeBoundaries() {
    let m = ScoringMethodology.bundled
    #expect(m.grade(of: 90) == "AAA")
    #expect(m.grade(of: 89.9999) == "AA")
    #expect(m.grade(of: 60) == "BBB")
    #expect(m.grade(of: 20) == "CC")
    #expect(m.grade(of: 19.9999) == "C")
    #expect(m.grade(of: 0) == "C")
  }

  @Test func controversyIsADeductionAndTheFloorKeepsTheSum() throws {
    var profiles = sample()
    profiles.append(ESGProfile(entityID: "X", year: 2024, sector: "I6513",
                               values: ["board_independence": 0.1, "controversy_severity": 5]))
    let s = try #require(try lowestScoreScorer().score(profiles).first { $0.entityID == "X" })
    // 0.35 × 0.40 × 20 = 2.8 points, minus min(5 × 4, 20) = 20: floored at 0.
    #expect(s.total == 0)
    #expect(s.contributions.contains { $0.key == "controversy_severity" && $0.contribution == -20 })
    #expect(s.contributions.contains { $0.key == "floor_at_zero" && abs($0.contribution - 17.2) < 1e-9 })
  }

  /// Improving any one indicator of an entity never lowers its total.
  @Test func improvingAnIndicatorNeverLowersTheTotal() async {
    let keys = ScoringMethodology.bundled.indicators.map(\.key)
    await propertyCheck(count: 300, input: Gen.int(in: 0...6), Gen.element(of: keys), Gen.double(in: 0...1)) { who, key, step in
      guard let key else { return }
      let profiles = sample()
      let indicator = ScoringMethodology.bundled.indicators.first { $0.key == key }!
      var improved = profiles
      let old = improved[who].values[key] ?? 0
      let delta = indicator.direction == .higherIsBetter ? step : -step
      improved[who].values[key] = indicator.normalisation.kind == "map" ? (indicator.direction == .higherIsBetter ? min(old + 1, 1) : max(old - 1, 1)) : old + delta
      let before = scorer.score(profiles).first { $0.entityID == "C\(who)" }!.total
      let after = scorer.score(improved).first { $0.entityID == "C\(who)" }!.total
      #expect(after >= before, "\(key) \(old) → \(improved[who].values[key]!): \(before) → \(after)")
    }
  }
}
