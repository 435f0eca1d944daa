import Quantities

/// One entity-year's raw inputs: its sector and the raw value of each indicator it has.
public struct ESGProfile: Hashable, Sendable {
  /// The entity's identifier.
  public var entityID: String
  /// The reporting year.
  public var year: Int
  /// GB/T 4754-2017 code.
  public var sector: String
  /// Raw values by indicator key (indicators and deductions); absent = missing.
  public var values: [String: Double]
  /// How a raw value was obtained, by indicator key, added to its line of the explanation
  /// (the base-year comparison behind `emissions_change_vs_base_year`).
  public var provenance: [String: String]

  /// Creates a profile from an entity-year's sector and raw indicator values.
  public init(entityID: String, year: Int, sector: String, values: [String: Double] = [:],
              provenance: [String: String] = [:]) {
    self.entityID = entityID
    self.year = year
    self.sector = sector
    self.values = values
    self.provenance = provenance
  }
}

/// One line of a score's explanation: an indicator (or deduction) and what it added.
public struct ScoreContribution: Hashable, Sendable {
  /// The indicator or deduction key (`floor_at_zero` for the floor line).
  public let key: String
  /// `E`, `S`, `G`, or `deduction`.
  public let pillar: String
  /// The raw value, `nil` when missing.
  public let raw: Double?
  /// The normalised score 0–100 (0 when missing); for a deduction, the points taken off.
  public let score: Double
  /// Pillar weight × indicator weight (1 for a deduction).
  public let weight: Double
  /// Points added to the total, to 10^-4 (negative for a deduction). The contributions of
  /// a score sum exactly to its total.
  public let contribution: Double
  /// How the score was obtained (`peer percentile among 7 of C30 2024`, `missing`, …).
  public let note: String
}

/// An entity-year's ESG score under one methodology, with its explanation.
public struct ESGScore: Hashable, Sendable {
  /// The scored entity's identifier.
  public let entityID: String
  /// The scored year.
  public let year: Int
  /// The methodology's sector group of the entity (`default` when no group matches).
  public let sectorGroup: String
  /// Pillar scores 0–100 (Σ indicator weight × score within the pillar).
  public let environmental: Double
  /// Social pillar score, 0–100.
  public let social: Double
  /// Governance pillar score, 0–100.
  public let governance: Double
  /// 0–100: the exact sum of ``contributions``.
  public let total: Double
  /// The methodology's grade of ``total``.
  public let grade: String
  /// Share of indicator weight with data, 0–1.
  public let coverage: Double
  /// The methodology that produced the score, as `id@version`.
  public let methodologyVersion: String
  /// One line per indicator and deduction; they sum exactly to ``total``.
  public let contributions: [ScoreContribution]
}

/// Scores entity-years under a ``ScoringMethodology``: normalisation within sector peers, missing
/// indicators at their lowest score, weighted pillars, deductions, grades.
///
/// The result does not depend on the order of the profiles. Improving one of an entity's
/// indicators never lowers that entity's total (property-tested).
public struct ESGScorer: Sendable {
  /// The methodology scores are computed under.
  public let methodology: ScoringMethodology

  /// Creates a scorer for `methodology`, the bundled one by default.
  public init(methodology: ScoringMethodology = .bundled) { self.methodology = methodology }

  /// Contributions are kept to 10^-4 points.
  static let quantum = 10_000.0

  /// Scores every profile, sorted by entity id and year.
  public func score(_ profiles: [ESGProfile]) -> [ESGScore] {
    let sorted = profiles.sorted { ($0.entityID, $0.year) < ($1.entityID, $1.year) }
    // Peer values per (indicator, year, GB/T 4754 code at each level) and per (indicator, year).
    var codeValues: [String: [Double]] = [:]
    var yearValues: [String: [Double]] = [:]
    for p in sorted {
      for i in methodology.indicators where i.normalisation.kind == "peer_percentile" {
        guard let v = p.values[i.key] else { continue }
        for code in Self.peerCodes(p.sector) { codeValues["\(i.key)|\(p.year)|\(code)", default: []].append(v) }
        yearValues["\(i.key)|\(p.year)", default: []].append(v)
      }
    }
    let byCode = codeValues.mapValues(PeerGroup.init)
    let byYear = yearValues.mapValues(PeerGroup.init)
    var weightsByGroup: [String: [ScoringMethodology.WeightedIndicator]] = [:]
    for g in ["default"] + methodology.sectorGroups.map(\.key) { weightsByGroup[g] = methodology.weightedIndicators(in: g) }
    return sorted.map { p in
      let group = methodology.group(of: p.sector)
      let weighted = weightsByGroup[group] ?? methodology.weightedIndicators(in: group)
      var lines: [ScoreContribution] = []
      var pillarTotals: [String: Double] = [:]
      var quanta = 0
      // The share of the weight the entity reports; re-weighting scales the reported lines to it.
      let possible = weighted.reduce(0) { $0 + $1.weight }
      let covered = weighted.reduce(0) { p.values[$1.indicator.key] == nil ? $0 : $0 + $1.weight }
      let reweight = methodology.missingData.treatment == .reweight
      let scale = reweight && covered > 0 ? possible / covered : 1
      // Per pillar: Σ indicator weight × score and Σ indicator weight of the indicators that count.
      var pillarSums: [String: (score: Double, weight: Double)] = [:]
      for item in weighted {
        let (i, w) = (item.indicator, item.withinPillar)
        let (s, note): (Double, String)
        var weight = item.weight * scale
        if let raw = p.values[i.key] {
          let (score, how) = normalise(i, raw, profile: p, byCode: byCode, byYear: byYear)
          (s, note) = (score, p.provenance[i.key].map { how + "; " + $0 } ?? how)
          pillarSums[i.pillar, default: (0, 0)].weight += w
        } else if reweight {
          (s, note, weight) = (0, "missing: left out, the reported indicators re-weighted", 0)
        } else {
          (s, note) = (0, "missing: lowest score")
          pillarSums[i.pillar, default: (0, 0)].weight += w
        }
        pillarSums[i.pillar, default: (0, 0)].score += w * s
        let q = Int((weight * s * Self.quantum).rounded())
        quanta += q
        lines.append(ScoreContribution(key: i.key, pillar: i.pillar, raw: p.values[i.key], score: s, weight: weight,
                                       contribution: Double(q) / Self.quantum, note: note))
      }
      // A pillar's score is of the indicators that count in it (all of them under lowest_score).
      for pillar in methodology.pillars {
        let sums = pillarSums[pillar.key] ?? (0, 0)
        pillarTotals[pillar.key] = sums.weight > 0 ? sums.score / sums.weight : 0
      }
      for d in methodology.deductions {
        guard let raw = p.values[d.indicator] else { continue }
        let points = min(max(raw, 0) * d.pointsPerUnit, d.cap)
        let q = -Int((points * Self.quantum).rounded())
        quanta += q
        lines.append(ScoreContribution(key: d.indicator, pillar: "deduction", raw: raw, score: points, weight: 1,
                                       contribution: Double(q) / Self.quantum,
                                       note: "\(DecimalFormat.shortest(d.pointsPerUnit)) points per unit, cap \(DecimalFormat.shortest(d.cap))"))
      }
      if quanta < 0 {
        // Deductions cannot take the total below 0: the floor is a line of its own, so the
        // contributions still sum to the total.
        lines.append(ScoreContribution(key: "floor_at_zero", pillar: "deduction", raw: nil, score: 0, weight: 1,
                                       contribution: Double(-quanta) / Self.quantum, note: "total floored at 0"))
        quanta = 0
      }
      let total = Double(quanta) / Self.quantum
      return ESGScore(entityID: p.entityID, year: p.year, sectorGroup: group,
                      environmental: pillarTotals["E"] ?? 0, social: pillarTotals["S"] ?? 0,
                      governance: pillarTotals["G"] ?? 0, total: total,
                      grade: methodology.grade(of: total, coverage: possible > 0 ? covered / possible : 0),
                      coverage: possible > 0 ? covered / possible : 0, methodologyVersion: "\(methodology.id)@\(methodology.version)",
                      contributions: lines)
    }
  }

  /// The codes of `sector`'s peer groups from the finest up: its GB/T 4754 class (`C3011`),
  /// group (`C301`), division (`C30`) and section (`C`), as far as the code goes.
  static func peerCodes(_ sector: String) -> [String] {
    [5, 4, 3, 1].filter { sector.count >= $0 }.map { String(sector.prefix($0)) }
  }

  /// The values of one peer group, sorted once, so that an entity's rank is two binary
  /// searches instead of a pass over the group (which made scoring quadratic in its size).
  struct PeerGroup {
    /// The values that are not NaN, ascending.
    let sorted: [Double]
    let nanCount: Int
    var count: Int { sorted.count + nanCount }

    init(_ values: [Double]) {
      sorted = values.filter { !$0.isNaN }.sorted()
      nanCount = values.count - sorted.count
    }

    /// Peers that rank below `raw` and peers equal to it (itself included), exactly as a
    /// pass comparing each value `v` would count them: `v == raw` ties, `(v < raw) == better`
    /// ranks below (a NaN compares false both ways).
    func rank(of raw: Double, higherIsBetter better: Bool) -> (worse: Int, equal: Int) {
      if raw.isNaN { return (better ? 0 : count, 0) }
      let lower = firstIndex { $0 >= raw }
      let upper = firstIndex { $0 > raw }
      return (better ? lower : sorted.count - upper + nanCount, upper - lower)
    }

    private func firstIndex(where belongs: (Double) -> Bool) -> Int {
      var (low, high) = (0, sorted.count)
      while low < high {
        let mid = (low + high) / 2
        if belongs(sorted[mid]) { high = mid } else { low = mid + 1 }
      }
      return low
    }
  }

  private func normalise(_ i: ScoringMethodology.Indicator, _ raw: Double, profile p: ESGProfile,
                         byCode: [String: PeerGroup], byYear: [String: PeerGroup]) -> (Double, String)
  {
    let better = i.direction == .higherIsBetter
    switch i.normalisation.kind {
    case "linear":
      let (worst, best) = (i.normalisation.worst!, i.normalisation.best!)
      let s = min(max((raw - worst) / (best - worst), 0), 1) * 100
      return (s, "linear: \(DecimalFormat.shortest(worst)) → 0, \(DecimalFormat.shortest(best)) → 100")
    case "map":
      let key = DecimalFormat.shortest(raw)
      guard let s = i.normalisation.map?[key] else { return (0, "value \(key) not in the map: lowest score") }
      return (s, "map: \(key) → \(DecimalFormat.shortest(s))")
    default:
      // The finest GB/T 4754 level with enough peers (class → group → division → section), else
      // every entity of the year; the note says which.
      let codes = Self.peerCodes(p.sector)
      var peers = PeerGroup([])
      var scope = ""
      var smaller: [String] = []
      for code in codes {
        let group = byCode["\(i.key)|\(p.year)|\(code)"] ?? PeerGroup([])
        if group.count >= methodology.minimumPeers {
          (peers, scope) = (group, "\(group.count) peers of \(code) \(p.year)")
          break
        }
        smaller.append(code)
      }
      if scope.isEmpty {
        peers = byYear["\(i.key)|\(p.year)"] ?? PeerGroup([])
        scope = "all \(peers.count) entities of \(p.year)"
      }
      if !smaller.isEmpty {
        let names = smaller.count == 1 ? smaller[0] : smaller.dropLast().joined(separator: ", ") + " and " + smaller.last!
        scope = "fallback: \(names) \(smaller.count == 1 ? "has" : "have") fewer than \(methodology.minimumPeers) peers; " + scope
      }
      guard peers.count > 1 else { return (50, "peer percentile: no peers to compare, middle score; " + scope) }
      let rank = peers.rank(of: raw, higherIsBetter: better)
      let worse = Double(rank.worse)
      let ties = Double(rank.equal - 1)  // less the entity itself
      let s = (worse + ties / 2) / Double(peers.count - 1) * 100
      return (s, (scope.hasPrefix("fallback") ? "peer percentile; " : "peer percentile among ") + scope)
    }
  }
}
