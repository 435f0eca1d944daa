import FinancedEmissions
import LoanBook
import Quantities
import Testing

/// The period-to-period change of financed emissions and its drivers (PCAF Part A 3rd ed.,
/// Box 6.1-3 fluctuation analysis), on four loans computed by hand.
@Suite struct EmissionsChangeTests {
  @Test func changeSplitsIntoEnteringLeavingAndTheThreeEffects() {
    // A: O 100 → 150, V 1,000 → 1,200 (A 0.1 → 0.125), E 800 → 1,000: F 80 → 125.
    // B enters with 10 t; C leaves with 30 t; D is unscored in both periods.
    let previous = [
      FinancedPosition(loanID: "A", outstanding: 100, attribution: 0.1, financed: 80),
      FinancedPosition(loanID: "C", outstanding: 50, attribution: 0.05, financed: 30),
      FinancedPosition(loanID: "D", outstanding: 70, attribution: nil, financed: nil),
    ]
    let current = [
      FinancedPosition(loanID: "A", outstanding: 150, attribution: 0.125, financed: 125),
      FinancedPosition(loanID: "B", outstanding: 20, attribution: 0.01, financed: 10),
      FinancedPosition(loanID: "D", outstanding: 60, attribution: nil, financed: nil),
    ]
    let change = EmissionsChange(previous: previous, current: current)
    #expect(change.loans.map(\.loanID) == ["A", "B", "C"])
    #expect(change.loans.map(\.status) == [.continuing, .entering, .leaving])
    let a = change.loans[0]
    // Outstanding effect (150 / 100 − 1) × 80 = 40; value effect (0.125 − 0.1 × 1.5) × 800 = −20;
    // emissions effect 0.125 × (1,000 − 800) = 25; together the change 125 − 80 = 45.
    #expect(a.outstandingEffect == 40)
    #expect(a.valueEffect == -20)
    #expect(a.emissionsEffect == 25)
    #expect(a.change == 45)
    let t = change.totals
    #expect(t.previous == 110 && t.current == 135 && t.change == 25)
    #expect(t.entering == 10 && t.leaving == -30)
    // The parts add up to the change exactly: 10 − 30 + 40 − 20 + 25 = 25.
    #expect(t.entering + t.leaving + t.outstandingEffect + t.valueEffect + t.emissionsEffect == t.change)
  }
}
