internal import FoundationEssentials

/// A grade → margin adjustment grid (basis points). No public table exists; the bundled
/// one is an example, marked as such, for a bank to replace with its own.
public struct PricingGrid: Hashable, Sendable, Codable {
  /// The grid's identifier.
  public var id: String
  /// `true` for an illustrative grid that must not be used as a price.
  public var isExample: Bool
  /// What the grid is and where it comes from, for people.
  public var note: String
  /// Adjustment in bps per grade (negative = discount).
  public var adjustments: [String: Double]

  enum CodingKeys: String, CodingKey { case id, isExample = "example", note, adjustments }

  /// Creates a grid from its adjustments in bps per grade.
  public init(id: String, isExample: Bool, note: String, adjustments: [String: Double]) {
    self.id = id
    self.isExample = isExample
    self.note = note
    self.adjustments = adjustments
  }

  /// The example grid: −15 bps for AAA to +25 bps for C, 0 at BBB.
  public static let example = PricingGrid(
    id: "greenledger-example-grid-1", isExample: true,
    note: "EXAMPLE ONLY, not a price: no public grade-to-margin table exists (Huzhou 碳效贷 and Quzhou carbon-account loans publish none); replace with the bank's own credit policy.",
    adjustments: ["AAA": -15, "AA": -10, "A": -5, "BBB": 0, "BB": 5, "B": 10, "CCC": 15, "CC": 20, "C": 25])

  /// The adjustment for `grade`, bps; `nil` for a grade the grid does not know. An entity-year
  /// below the methodology's coverage floor (``ScoringMethodology/insufficientData``) never
  /// earns a discount: its adjustment is the grid's for it when that is not negative, else 0.
  public func adjustment(forGrade grade: String) -> Double? {
    if grade == ScoringMethodology.insufficientData { return max(adjustments[grade] ?? 0, 0) }
    return adjustments[grade]
  }

  /// Decodes a grid; every grade of `methodology` must have an adjustment.
  public static func decode(_ bytes: [UInt8], file: String, methodology: ScoringMethodology) throws(MethodologyError) -> PricingGrid {
    let grid: PricingGrid
    do { grid = try JSONDecoder().decode(PricingGrid.self, from: Data(bytes)) } catch {
      throw MethodologyError(file: file, "not a valid pricing grid: \(error)")
    }
    let missing = methodology.grades.map(\.grade).filter { grid.adjustments[$0] == nil }
    guard missing.isEmpty else {
      throw MethodologyError(file: file, "no adjustment for grade\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
    }
    return grid
  }
}

/// A sustainability-linked loan's margin ratchet (LMA/APLMA/LSTA Sustainability-Linked Loan
/// Principles, 2023: KPIs, sustainability performance targets per year, a margin adjustment,
/// annual reporting). The Principles set no sizes: they are the loan's terms.
public struct MarginRatchet: Hashable, Sendable, Codable {
  /// One key performance indicator of the loan, with its targets and margin steps.
  public struct KPI: Hashable, Sendable, Codable {
    /// The indicator key whose observed value is tested against the targets.
    public var key: String
    /// Whether the target is met at or below it (`lowerIsBetter`) or at or above it.
    public var direction: ScoringMethodology.Direction
    /// Target per year (`"2025": 0.50`).
    public var targets: [String: Double]
    /// bps off the margin when the target is met.
    public var discountBps: Double
    /// bps added when missed (two-way ratchets only).
    public var premiumBps: Double

    enum CodingKeys: String, CodingKey { case key, direction, targets, discountBps = "discount_bps", premiumBps = "premium_bps" }

    /// Creates a KPI from its yearly targets and its discount and premium in bps.
    public init(key: String, direction: ScoringMethodology.Direction, targets: [String: Double], discountBps: Double, premiumBps: Double) {
      self.key = key
      self.direction = direction
      self.targets = targets
      self.discountBps = discountBps
      self.premiumBps = premiumBps
    }
  }

  /// The loan's KPIs.
  public var kpis: [KPI]
  /// The largest total adjustment either way, bps.
  public var capBps: Double
  /// One-way ratchets only reward; two-way ones also penalise.
  public var twoWay: Bool

  enum CodingKeys: String, CodingKey { case kpis, capBps = "cap_bps", twoWay = "two_way" }

  /// Creates ratchet terms from the KPIs, the cap in bps and whether the ratchet is two-way.
  public init(kpis: [KPI], capBps: Double, twoWay: Bool) {
    self.kpis = kpis
    self.capBps = capBps
    self.twoWay = twoWay
  }

  /// One KPI's outcome in a year.
  public struct Outcome: Hashable, Sendable {
    /// The KPI's key.
    public let kpi: String
    /// The year's target; `nil` when the KPI has none for the year.
    public let target: Double?
    /// The observed value; `nil` when not reported.
    public let observed: Double?
    /// `met`, `missed`, `not_reported` (counts as missed) or `no_target`.
    public let status: String
    /// This KPI's margin adjustment in bps (negative = discount), before the cap.
    public let adjustmentBps: Double
  }

  /// The adjustment for `year` given the observed KPI values: per KPI, then the total
  /// capped at ±``capBps``. A KPI not reported counts as missed (SLLP: reporting is a
  /// core component).
  public func evaluate(year: Int, observed: [String: Double]) -> (outcomes: [Outcome], totalBps: Double) {
    var outcomes: [Outcome] = []
    var total = 0.0
    for k in kpis {
      guard let target = k.targets[String(year)] else {
        outcomes.append(Outcome(kpi: k.key, target: nil, observed: observed[k.key], status: "no_target", adjustmentBps: 0))
        continue
      }
      let value = observed[k.key]
      let met = value.map { k.direction == .lowerIsBetter ? $0 <= target : $0 >= target } ?? false
      let adjustment = met ? -k.discountBps : (twoWay ? k.premiumBps : 0)
      total += adjustment
      outcomes.append(Outcome(kpi: k.key, target: target, observed: value,
                              status: value == nil ? "not_reported" : (met ? "met" : "missed"), adjustmentBps: adjustment))
    }
    return (outcomes, min(max(total, -capBps), capBps))
  }

  /// Decodes ratchet terms.
  public static func decode(_ bytes: [UInt8], file: String) throws(MethodologyError) -> MarginRatchet {
    let r: MarginRatchet
    do { r = try JSONDecoder().decode(MarginRatchet.self, from: Data(bytes)) } catch {
      throw MethodologyError(file: file, "not valid ratchet terms: \(error)")
    }
    guard r.capBps >= 0, r.kpis.allSatisfy({ $0.discountBps >= 0 && $0.premiumBps >= 0 }) else {
      throw MethodologyError(file: file, "cap_bps, discount_bps and premium_bps must be ≥ 0")
    }
    var keys: Set<String> = []
    for k in r.kpis where !keys.insert(k.key).inserted { throw MethodologyError(file: file, "duplicate KPI \"\(k.key)\"") }
    return r
  }
}
