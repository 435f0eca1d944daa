public import Quantities

/// Exact, mergeable totals of financed emissions over a set of loans.
///
/// Every amount is an integer number of quanta (money to the cent, tonnes to the gram), so
/// partial totals of partitions or shards merge into bit-identical results whatever the
/// order or split.
public struct PortfolioTotals: Hashable, Sendable {
  /// Counted things.
  public enum Count: String, CaseIterable, Sendable {
    /// All loans, the scored ones, and the unscored ones by ``UnscoredReason``.
    case loans, scored, noAttribution = "no_attribution", noEmissions = "no_emissions"
    /// Loans whose attribution factor was capped at 1.
    case attributionCapped = "attribution_capped"
  }

  /// Summed amounts (reporting currency or tCO2e).
  public enum Amount: String, CaseIterable, Sendable {
    /// Outstanding of all loans and of the scored ones, reporting currency.
    case outstanding, outstandingScored = "outstanding_scored"
    /// Financed scope 1 and scope 2, tCO2e.
    case scope1 = "financed_scope1_tco2e", scope2 = "financed_scope2_tco2e"
    /// Financed scope 1 + 2 and scope 3, tCO2e.
    case scope12 = "financed_scope12_tco2e", scope3 = "financed_scope3_tco2e"
    /// Financed scope 1 including LULUCF (sovereign debt), tCO2e.
    case scope1IncludingLULUCF = "financed_scope1_incl_lulucf_tco2e"
    /// Σ outstanding × score and Σ outstanding of the loans with a score (PCAF ch. 6, Box 8).
    case scoreWeighted12 = "dqs12_weighted", scoreOutstanding12 = "dqs12_outstanding"
    /// The same for the scope 3 scores.
    case scoreWeighted3 = "dqs3_weighted", scoreOutstanding3 = "dqs3_outstanding"
    /// Σ outstanding × (borrower tCO2e per million revenue) and Σ outstanding of those loans.
    case intensityWeighted = "waci_weighted", intensityOutstanding = "waci_outstanding"
    /// Outstanding of the loans tagged green, reporting currency.
    case greenOutstanding = "green_outstanding"

    /// Quantum: 10^-places.
    public var decimalPlaces: Int {
      switch self {
      case .scope1, .scope2, .scope12, .scope3, .scope1IncludingLULUCF: 6
      default: 2
      }
    }
  }

  /// The counts, in ``Count`` order.
  public private(set) var counts = [Int](repeating: 0, count: Count.allCases.count)
  /// The amounts in quanta of 10^-``Amount/decimalPlaces``, in ``Amount`` order.
  public private(set) var quanta = [Int128](repeating: 0, count: Amount.allCases.count)

  /// Empty totals.
  public init() {}

  /// How many loans are counted under `count`.
  public subscript(count: Count) -> Int { counts[Count.allCases.firstIndex(of: count)!] }

  /// The amount as a `Double`.
  public subscript(amount: Amount) -> Double {
    let q = quanta[Amount.allCases.firstIndex(of: amount)!]
    var scale = 1.0
    for _ in 0..<amount.decimalPlaces { scale *= 10 }
    return ExactSum.double(q) / scale
  }

  /// The amount as exact decimal text.
  public func text(_ amount: Amount) -> String {
    ExactSum.decimalString(quanta: quanta[Amount.allCases.firstIndex(of: amount)!], decimalPlaces: amount.decimalPlaces)
  }

  mutating func count(_ c: Count) { counts[Count.allCases.firstIndex(of: c)!] += 1 }

  mutating func add(_ a: Amount, _ value: Double) throws(QuantityError) {
    let i = Amount.allCases.firstIndex(of: a)!
    quanta[i] += Int128(try ExactSum.quanta(of: value, decimalPlaces: a.decimalPlaces))
  }

  /// Adds one loan's result. Throws (leaving the totals unchanged) if a value is not finite
  /// or too large to sum.
  public mutating func add(_ e: FinancedEmission, isGreen: Bool = false) throws(QuantityError) {
    var next = self
    next.count(.loans)
    try next.add(.outstanding, e.outstanding)
    if isGreen { try next.add(.greenOutstanding, e.outstanding) }
    if e.flags.contains("attribution_capped") { next.count(.attributionCapped) }
    switch e.unscored {
    case .noAttribution?: next.count(.noAttribution)
    case .noEmissions?: next.count(.noEmissions)
    case nil:
      next.count(.scored)
      try next.add(.outstandingScored, e.outstanding)
      if let v = e.scope1 { try next.add(.scope1, v) }
      if let v = e.scope2 { try next.add(.scope2, v) }
      if let v = e.scope12 { try next.add(.scope12, v) }
      if let v = e.scope3 { try next.add(.scope3, v) }
      if let v = e.scope1IncludingLULUCF { try next.add(.scope1IncludingLULUCF, v) }
      if let s = e.dataQuality {
        try next.add(.scoreWeighted12, e.outstanding * Double(s))
        try next.add(.scoreOutstanding12, e.outstanding)
      }
      if let s = e.dataQualityScope3 {
        try next.add(.scoreWeighted3, e.outstanding * Double(s))
        try next.add(.scoreOutstanding3, e.outstanding)
      }
      if let i = e.revenueIntensity {
        try next.add(.intensityWeighted, e.outstanding * i)
        try next.add(.intensityOutstanding, e.outstanding)
      }
    }
    self = next
  }

  /// Adds another set of totals.
  public mutating func merge(_ other: PortfolioTotals) {
    for i in counts.indices { counts[i] += other.counts[i] }
    for i in quanta.indices { quanta[i] += other.quanta[i] }
  }

  // MARK: Derived metrics

  /// Financed scope 1+2 per million of scored outstanding (PCAF economic emission intensity).
  public var economicEmissionIntensity: Double? {
    self[.outstandingScored] > 0 ? self[.scope12] / (self[.outstandingScored] / 1_000_000) : nil
  }

  /// Σ (outstanding_i / Σ outstanding) × (tCO2e_i / revenue_i in millions) over the loans
  /// whose borrower has scope 1+2 emissions and revenue (TCFD weighted average carbon intensity).
  public var weightedAverageCarbonIntensity: Double? {
    self[.intensityOutstanding] > 0 ? self[.intensityWeighted] / self[.intensityOutstanding] : nil
  }

  /// Outstanding-weighted mean PCAF score of scope 1+2 (PCAF ch. 6, Box 8) and of scope 3.
  public var weightedDataQuality: Double? {
    self[.scoreOutstanding12] > 0 ? self[.scoreWeighted12] / self[.scoreOutstanding12] : nil
  }

  /// Outstanding-weighted mean PCAF score of scope 3; `nil` when no loan has one.
  public var weightedDataQualityScope3: Double? {
    self[.scoreOutstanding3] > 0 ? self[.scoreWeighted3] / self[.scoreOutstanding3] : nil
  }

  /// Share of outstanding that is scored.
  public var coverage: Double? { self[.outstanding] > 0 ? self[.outstandingScored] / self[.outstanding] : nil }

  /// Share of outstanding tagged green.
  public var greenShare: Double? { self[.outstanding] > 0 ? self[.greenOutstanding] / self[.outstanding] : nil }

  // MARK: Exact round trip

  /// The raw counts and quanta, for `greenledger merge`.
  public var partial: [(String, String)] {
    Count.allCases.map { ($0.rawValue, String(self[$0])) }
      + Amount.allCases.enumerated().map { ($1.rawValue, String(quanta[$0])) }
  }

  /// Totals from ``partial``; `nil` if a key is missing or not an integer.
  public init?(partial: [String: String]) {
    for (i, c) in Count.allCases.enumerated() {
      guard let v = partial[c.rawValue].flatMap({ Int($0) }) else { return nil }
      counts[i] = v
    }
    for (i, a) in Amount.allCases.enumerated() {
      guard let v = partial[a.rawValue].flatMap({ Int128($0) }) else { return nil }
      quanta[i] = v
    }
  }
}
