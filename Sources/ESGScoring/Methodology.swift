internal import FoundationEssentials
internal import Quantities
internal import Tabular

/// A versioned ESG scoring methodology: pillars, indicators, sector-group weights, the
/// missing-data rule, deductions and grade cut-offs. It is data (JSON), so that a change of
/// method is a reviewed, versioned file change — and every score names the version it used.
public struct ScoringMethodology: Hashable, Sendable, Codable {
  /// The methodology's identifier (`greenledger-esg` for the bundled one).
  public var id: String
  /// The methodology's version; scores name it as `id@version`.
  public var version: String
  /// What the methodology is, for people.
  public var description: String
  /// Sector groups by GB/T 4754 code prefix (longest prefix wins); an entity outside every
  /// group belongs to `default`.
  public var sectorGroups: [SectorGroup]
  /// Pillar keys `E`, `S`, `G` and their weights per sector group (each group's sum is 1).
  public var pillars: [Pillar]
  /// The scored indicators, each in one pillar.
  public var indicators: [Indicator]
  /// Peer groups with fewer entities than this fall back to all entities of the year.
  public var minimumPeers: Int
  /// Points taken off the total, e.g. for controversies.
  public var deductions: [Deduction]
  /// Grades from best to worst, each with its lowest total (the last has 0).
  public var grades: [Grade]
  /// Why each choice was made, with the practice it follows.
  public var rationale: [String]
  /// What a missing indicator does (`nil` in a file that states none: ``MissingDataPolicy/lowestScore``).
  public var missingDataPolicy: MissingDataPolicy?
  /// The rules the methodology states about itself, checked whenever it is read.
  public var constraints: [MethodologyConstraint]?

  /// The missing-data policy in force.
  public var missingData: MissingDataPolicy { missingDataPolicy ?? .lowestScore }

  /// The grade of an entity-year whose reported weight is below the policy's minimum coverage.
  public static let insufficientData = "insufficient_data"

  /// A named group of sectors, by GB/T 4754 code prefix.
  public struct SectorGroup: Hashable, Sendable, Codable {
    /// The group's key, as used in weight tables.
    public var key: String
    /// The GB/T 4754 code prefixes that belong to the group.
    public var prefixes: [String]
  }

  /// A pillar and its weight per sector group.
  public struct Pillar: Hashable, Sendable, Codable {
    /// The pillar key: `E`, `S` or `G`.
    public var key: String
    /// Weight per sector group key; `default` is required.
    public var weights: [String: Double]
  }

  /// Where an indicator's raw value comes from.
  public enum Source: String, Hashable, Sendable, Codable {
    /// From the carbon account (accounts.csv) or the entity's record (borrowers.csv).
    case account
    /// From esg.csv.
    case esg
  }

  /// Whether a higher or a lower raw value is better.
  public enum Direction: String, Hashable, Sendable, Codable {
    case higherIsBetter = "higher_is_better", lowerIsBetter = "lower_is_better"
  }

  /// How a raw value becomes a score 0–100.
  public struct Normalisation: Hashable, Sendable, Codable {
    /// `peer_percentile`: share of sector peers the entity does better than (ties count
    /// half); `linear`: `worst` → 0, `best` → 100, clamped; `map`: listed values → scores.
    public var kind: String
    /// For `linear`: the raw value that scores 0.
    public var worst: Double?
    /// For `linear`: the raw value that scores 100.
    public var best: Double?
    /// For `map`: the score of each listed raw value, keyed by its shortest decimal text.
    public var map: [String: Double]?
  }

  /// One scored indicator: its pillar, source, direction, unit, normalisation and weights.
  public struct Indicator: Hashable, Sendable, Codable {
    /// The indicator's key (an esg.csv indicator or one of ``ScoringMethodology/accountIndicators``).
    public var key: String
    /// The key of the pillar the indicator belongs to.
    public var pillar: String
    /// Where the raw value comes from.
    public var source: Source
    /// Whether a higher or a lower raw value is better.
    public var direction: Direction
    /// The unit esg.csv must give (`count`, `ratio`, `boolean`, `tCO2e/10^4 CNY`, …).
    public var unit: String
    /// How the raw value becomes a score 0–100.
    public var normalisation: Normalisation
    /// Weight within its pillar per sector group; each group's weights in a pillar sum to 1.
    public var weights: [String: Double]
    /// The values that mean something for this indicator (a ratio lies in 0–1, a count is
    /// ≥ 0); esg.csv values outside it are rejected, never scored. `nil`: any value.
    public var validRange: ValidRange?
  }

  /// The closed range of meaningful values of an indicator; an absent bound is open.
  public struct ValidRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The lowest meaningful value; `nil` for no lower bound.
    public var minimum: Double?
    /// The highest meaningful value; `nil` for no upper bound.
    public var maximum: Double?

    /// Whether `value` lies in the range.
    public func contains(_ value: Double) -> Bool {
      value >= (minimum ?? -.infinity) && value <= (maximum ?? .infinity)
    }

    /// `0–1`, `≥ 0`, `≤ 5`.
    public var description: String {
      switch (minimum, maximum) {
      case let (lo?, hi?): "\(DecimalFormat.shortest(lo))–\(DecimalFormat.shortest(hi))"
      case let (lo?, nil): "≥ \(DecimalFormat.shortest(lo))"
      case let (nil, hi?): "≤ \(DecimalFormat.shortest(hi))"
      case (nil, nil): "any value"
      }
    }
  }

  /// Points taken off the total in proportion to an esg.csv value, up to a cap.
  public struct Deduction: Hashable, Sendable, Codable {
    /// esg.csv indicator whose value (e.g. controversy severity 0–5) is deducted.
    public var indicator: String
    /// The unit esg.csv must give for the value.
    public var unit: String
    /// Points taken off per unit of the value.
    public var pointsPerUnit: Double
    /// The most points the deduction takes off.
    public var cap: Double
    /// The values that mean something (a severity level 0–5); others are rejected.
    public var validRange: ValidRange?
  }

  /// A grade and the lowest total that earns it.
  public struct Grade: Hashable, Sendable, Codable {
    /// The grade's name (`AAA`, `BBB`, …).
    public var grade: String
    /// The lowest total, 0–100, that earns the grade.
    public var minimum: Double
  }

  enum CodingKeys: String, CodingKey {
    case id, version, description, sectorGroups = "sector_groups", pillars, indicators
    case minimumPeers = "minimum_peers", deductions, grades, rationale, missingDataPolicy = "missing_data", constraints
  }
}

extension ScoringMethodology.Normalisation {
  enum CodingKeys: String, CodingKey { case kind, worst, best, map }
}

extension ScoringMethodology.Indicator {
  enum CodingKeys: String, CodingKey {
    case key, pillar, source, direction, unit, normalisation, weights, validRange = "valid_range"
  }
}

extension ScoringMethodology.Deduction {
  enum CodingKeys: String, CodingKey { case indicator, unit, pointsPerUnit = "points_per_unit", cap, validRange = "valid_range" }
}

/// A methodology file that cannot be used: what is wrong and where.
public struct MethodologyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file at fault.
  public let file: String
  /// What is wrong with it.
  public let message: String
  /// Creates an error for `file` with its message.
  public init(file: String, _ message: String) {
    self.file = file
    self.message = message
  }
  /// `file: message`.
  public var description: String { "\(file): \(message)" }
}

extension ScoringMethodology {
  /// Account-sourced indicator keys the scorer knows how to fill.
  public static let accountIndicators: Set<String> = [
    "carbon_grade", "carbon_intensity_revenue", "emissions_change_vs_base_year", "scope3_reported",
    "emissions_verified",
  ]

  /// Decodes and validates a methodology.
  ///
  /// - Throws: ``MethodologyError`` for invalid JSON, a duplicate key, an unknown pillar,
  ///   source indicator or normalisation, weights that do not sum to 1, bad grades, a minimum
  ///   coverage outside 0–1, or a broken constraint (with the rationale it states).
  public static func decode(_ bytes: [UInt8], file: String) throws(MethodologyError) -> ScoringMethodology {
    let m: ScoringMethodology
    if let syntax = JSONSyntax.firstError(in: bytes) {
      throw MethodologyError(file: file, "not a valid methodology: JSON syntax error at line \(syntax.line), "
        + "column \(syntax.column): \(syntax.message)")
    }
    do {
      m = try JSONDecoder().decode(ScoringMethodology.self, from: Data(bytes))
    } catch let DecodingError.keyNotFound(key, context) {
      throw MethodologyError(file: file, "not a valid methodology: \(Self.path(context.codingPath + [key])) is missing")
    } catch let DecodingError.typeMismatch(type, context) {
      throw MethodologyError(file: file, "not a valid methodology: \(Self.path(context.codingPath)) must be \(type)")
    } catch let DecodingError.valueNotFound(type, context) {
      throw MethodologyError(file: file, "not a valid methodology: \(Self.path(context.codingPath)) must be \(type), found null")
    } catch let DecodingError.dataCorrupted(context) {
      throw MethodologyError(file: file, "not a valid methodology: \(Self.path(context.codingPath)): \(context.debugDescription)")
    } catch {
      throw MethodologyError(file: file, "not a valid methodology: \(error)")
    }
    try m.validate(file: file)
    return m
  }

  /// `indicators[3].weights`: where in the file a decoding error is.
  static func path(_ keys: [any CodingKey]) -> String {
    var text = ""
    for k in keys {
      if let i = k.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + k.stringValue }
    }
    return text.isEmpty ? "the document" : text
  }

  /// Checks the rules ``decode(_:file:)`` lists.
  public func validate(file: String) throws(MethodologyError) {
    func fail(_ message: String) -> MethodologyError { MethodologyError(file: file, message) }
    var seen: Set<String> = []
    for i in indicators {
      guard seen.insert(i.key).inserted else { throw fail("duplicate indicator key \"\(i.key)\"") }
      guard pillars.contains(where: { $0.key == i.pillar }) else {
        throw fail("indicator \(i.key): unknown pillar \"\(i.pillar)\"; pillars are \(pillars.map(\.key).joined(separator: ", "))")
      }
      if i.source == .account, !Self.accountIndicators.contains(i.key) {
        throw fail("indicator \(i.key): unknown account indicator; known: \(Self.accountIndicators.sorted().joined(separator: ", "))")
      }
      switch i.normalisation.kind {
      case "peer_percentile": break
      case "linear":
        guard let w = i.normalisation.worst, let b = i.normalisation.best, w != b else {
          throw fail("indicator \(i.key): linear normalisation needs distinct worst and best")
        }
      case "map":
        guard let map = i.normalisation.map, !map.isEmpty, map.values.allSatisfy({ (0...100).contains($0) }) else {
          throw fail("indicator \(i.key): map normalisation needs values mapped to scores 0–100")
        }
      default:
        throw fail("indicator \(i.key): unknown normalisation \"\(i.normalisation.kind)\"; use peer_percentile, linear or map")
      }
      guard i.weights["default"] != nil else { throw fail("indicator \(i.key): weights need a \"default\" group") }
      for (group, w) in i.weights.sorted(by: { $0.key < $1.key }) where !(w >= 0) {
        throw fail("indicator \(i.key): weight \(DecimalFormat.shortest(w)) of group \(group) is negative; weights are ≥ 0 "
          + "(a negative weight turns a better value into a lower score)")
      }
      if let r = i.validRange, let lo = r.minimum, let hi = r.maximum, !(lo <= hi) {
        throw fail("indicator \(i.key): valid_range minimum \(lo) is above its maximum \(hi)")
      }
    }
    for p in pillars {
      for (group, w) in p.weights.sorted(by: { $0.key < $1.key }) where !(w >= 0) {
        throw fail("pillar \(p.key): weight \(DecimalFormat.shortest(w)) of group \(group) is negative; weights are ≥ 0")
      }
    }
    var pillarKeys: Set<String> = []
    for p in pillars where !pillarKeys.insert(p.key).inserted { throw fail("duplicate pillar key \"\(p.key)\"") }
    var groupKeys: Set<String> = ["default"]
    for g in sectorGroups where !groupKeys.insert(g.key).inserted { throw fail("duplicate sector group \"\(g.key)\"") }
    for group in groupKeys.sorted() {
      let pillarSum = pillars.reduce(0) { $0 + ($1.weights[group] ?? $1.weights["default"] ?? 0) }
      guard abs(pillarSum - 1) < 1e-9 else {
        throw fail("pillar weights of group \(group) sum to \(pillarSum), not 1")
      }
      for p in pillars {
        let members = indicators.filter { $0.pillar == p.key }
        guard !members.isEmpty else { throw fail("pillar \(p.key) has no indicators") }
        let sum = members.reduce(0) { $0 + ($1.weights[group] ?? $1.weights["default"]!) }
        guard abs(sum - 1) < 1e-9 else {
          throw fail("indicator weights of pillar \(p.key) in group \(group) sum to \(sum), not 1")
        }
      }
    }
    guard let last = grades.last, last.minimum == 0,
          zip(grades, grades.dropFirst()).allSatisfy({ $0.minimum > $1.minimum }) else {
      throw fail("grades must run from best to worst with strictly falling minimums, the last at 0")
    }
    guard minimumPeers >= 1 else { throw fail("minimum_peers must be at least 1") }
    guard (0...1).contains(missingData.minimumCoverage) else { throw fail("missing_data.minimum_coverage must lie in 0–1") }
    guard !grades.contains(where: { $0.grade == Self.insufficientData }) else {
      throw fail("\(Self.insufficientData) is the outcome below minimum coverage, not a grade to list")
    }
    for (k, rule) in (constraints ?? []).enumerated() {
      if let broken = rule.violation(in: self) { throw fail("constraints[\(k)] broken: \(broken) (\(rule.because))") }
    }
    for d in deductions where d.pointsPerUnit < 0 || d.cap < 0 {
      throw fail("deduction \(d.indicator): points_per_unit and cap must be ≥ 0")
    }
  }

  /// The sector group of a GB/T 4754 code: the group with the longest matching prefix.
  public func group(of sector: String) -> String {
    var best: (String, Int)?
    for g in sectorGroups {
      for p in g.prefixes where sector.hasPrefix(p) && p.count > (best?.1 ?? -1) { best = (g.key, p.count) }
    }
    return best?.0 ?? "default"
  }

  /// An indicator with its weight in a sector group: within its pillar, and overall (pillar
  /// weight × weight within the pillar).
  public struct WeightedIndicator: Sendable {
    /// The indicator.
    public let indicator: Indicator
    /// Its weight within its pillar.
    public let withinPillar: Double
    /// Pillar weight × ``withinPillar``.
    public let weight: Double
  }

  /// The indicators with their weights in sector group `group`, pillar by pillar in the
  /// methodology's order (a group without its own weight takes `default`'s).
  public func weightedIndicators(in group: String) -> [WeightedIndicator] {
    pillars.flatMap { pillar in
      let pw = pillar.weights[group] ?? pillar.weights["default"] ?? 0
      return indicators.filter { $0.pillar == pillar.key }.map { i in
        let w = i.weights[group] ?? i.weights["default"]!
        return WeightedIndicator(indicator: i, withinPillar: w, weight: pw * w)
      }
    }
  }

  /// The grade of a total.
  public func grade(of total: Double) -> String {
    grades.first { total >= $0.minimum }?.grade ?? grades.last!.grade
  }

  /// The grade of a total whose reported share of the weight is `coverage`:
  /// ``insufficientData`` below the policy's minimum coverage.
  public func grade(of total: Double, coverage: Double) -> String {
    coverage < missingData.minimumCoverage ? Self.insufficientData : grade(of: total)
  }

  /// The valid range of each esg.csv indicator or deduction key that states one.
  public var esgRanges: [String: ValidRange] {
    var ranges: [String: ValidRange] = [:]
    for i in indicators where i.source == .esg { ranges[i.key] = i.validRange }
    for d in deductions { ranges[d.indicator] = d.validRange }
    return ranges
  }

  /// Units esg.csv rows must carry for each indicator or deduction key.
  public var esgUnits: [String: String] {
    var units: [String: String] = [:]
    for i in indicators where i.source == .esg { units[i.key] = i.unit }
    for d in deductions { units[d.indicator] = d.unit }
    return units
  }

  /// The JSON text of this methodology, keys sorted (deterministic).
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
  }
}
