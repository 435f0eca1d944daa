public import LoanBook
public import Quantities

/// The change of financed emissions (scope 1 + 2) between two reporting dates and its drivers,
/// loan by loan: loans entering and leaving the scored book, and for a loan in both, the effect
/// of its outstanding amount, of the borrower's value (EVIC or equity + debt) and of the
/// borrower's emissions — the fluctuation analysis PCAF recommends (Part A 3rd ed., Box 6.1-3).
///
/// With financed emissions F = (O / V) · E, attribution A = O / V and E = F / A, a loan in both
/// periods (0 before, 1 now) splits F₁ − F₀ in this order:
/// - outstanding effect (O₁ − O₀) / V₀ · E₀ = (O₁ / O₀ − 1) · F₀;
/// - value effect O₁ · (1 / V₁ − 1 / V₀) · E₀ = (A₁ − A₀ · O₁ / O₀) · E₀;
/// - emissions effect A₁ · (E₁ − E₀), taken as the remainder so that the three sum exactly
///   (in micro-tonnes) to the change.
public struct EmissionsChange: Sendable, Hashable {
  /// How a loan moves between the two books.
  public enum Status: String, Sendable, Hashable {
    /// Scored in both periods: its change is split into the three effects.
    case continuing
    /// Scored now only (new, or newly scored).
    case entering
    /// Scored before only (repaid, sold, or no longer scored).
    case leaving
  }

  /// One loan's change, tCO2e (each to 6 decimal places).
  public struct LoanChange: Sendable, Hashable {
    /// The loan.
    public var loanID: LoanID
    /// How it moves between the books.
    public var status: Status
    /// Financed scope 1 + 2 before and now (0 where unscored).
    public var previous, current: Double
    /// The drivers of a continuing loan's change (0 for the others).
    public var outstandingEffect, valueEffect, emissionsEffect: Double
    /// The change, now − before.
    public var change: Double { Self.tonnes(Self.micro(current) - Self.micro(previous)) }

    static func micro(_ t: Double) -> Int64 { Int64((t * 1_000_000).rounded()) }
    static func tonnes(_ q: Int64) -> Double { Double(q) / 1_000_000 }
  }

  /// The loans scored in either period, in loan-id order.
  public let loans: [LoanChange]

  /// Compares the positions of the previous reporting date with the current ones.
  public init(previous: [FinancedPosition], current: [FinancedPosition]) {
    let before = Dictionary(previous.filter(\.isScored).map { ($0.loanID, $0) }, uniquingKeysWith: { a, _ in a })
    let now = Dictionary(current.filter(\.isScored).map { ($0.loanID, $0) }, uniquingKeysWith: { a, _ in a })
    var loans: [LoanChange] = []
    for id in Set(before.keys).union(now.keys).sorted() {
      switch (before[id], now[id]) {
      case let (p?, c?): loans.append(Self.continuing(p, c))
      case let (nil, c?):
        loans.append(LoanChange(loanID: id, status: .entering, previous: 0, current: c.financed!, outstandingEffect: 0,
                          valueEffect: 0, emissionsEffect: 0))
      case let (p?, nil):
        loans.append(LoanChange(loanID: id, status: .leaving, previous: p.financed!, current: 0, outstandingEffect: 0,
                          valueEffect: 0, emissionsEffect: 0))
      case (nil, nil): break
      }
    }
    self.loans = loans
  }

  private static func continuing(_ p: FinancedPosition, _ c: FinancedPosition) -> LoanChange {
    let (f0, f1, a0, a1) = (p.financed!, c.financed!, p.attribution!, c.attribution!)
    let e0 = f0 / a0
    let ratio = p.outstanding > 0 ? c.outstanding / p.outstanding : 1
    let outstanding = LoanChange.micro((ratio - 1) * f0)
    let value = LoanChange.micro((a1 - a0 * ratio) * e0)
    let emissions = LoanChange.micro(f1) - LoanChange.micro(f0) - outstanding - value
    return LoanChange(loanID: p.loanID, status: .continuing, previous: f0, current: f1,
                outstandingEffect: LoanChange.tonnes(outstanding), valueEffect: LoanChange.tonnes(value),
                emissionsEffect: LoanChange.tonnes(emissions))
  }

  /// The book's totals, tCO2e: entering + leaving + the three effects = change, exactly.
  public struct Totals: Sendable, Hashable {
    /// Financed scope 1 + 2 before and now.
    public var previous = 0.0, current = 0.0
    /// Loans entering (positive) and leaving (negative).
    public var entering = 0.0, leaving = 0.0
    /// The continuing loans' effects.
    public var outstandingEffect = 0.0, valueEffect = 0.0, emissionsEffect = 0.0
    /// Now − before.
    public var change: Double { LoanChange.tonnes(LoanChange.micro(current) - LoanChange.micro(previous)) }
  }

  /// The book's totals, summed in micro-tonnes so that the parts add up to the change exactly.
  public var totals: Totals {
    func sum(_ part: (LoanChange) -> Double) -> Double { LoanChange.tonnes(loans.reduce(0) { $0 + LoanChange.micro(part($1)) }) }
    return Totals(previous: sum(\.previous), current: sum(\.current),
                  entering: sum { $0.status == .entering ? $0.current : 0 },
                  leaving: sum { $0.status == .leaving ? -$0.previous : 0 },
                  outstandingEffect: sum(\.outstandingEffect), valueEffect: sum(\.valueEffect),
                  emissionsEffect: sum(\.emissionsEffect))
  }
}
