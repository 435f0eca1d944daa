import FinancedEmissions
package import Quantities
import Tabular

/// Totals of finance-basic in the reference jobs' JSON layout.
package struct FinanceBasicTotals: Sendable {
  package var loans = 0
  package var scored = 0
  package var reasons = [Int](repeating: 0, count: FinanceBasic.Reason.allCases.count)
  package var outstanding = ExactSum(decimalPlaces: 4)
  package var outstandingScored = ExactSum(decimalPlaces: 4)
  package var financed = ExactSum(decimalPlaces: 6)

  package mutating func merge(_ o: FinanceBasicTotals) {
    loans += o.loans
    scored += o.scored
    for i in reasons.indices { reasons[i] += o.reasons[i] }
    try? outstanding.merge(o.outstanding)
    try? outstandingScored.merge(o.outstandingScored)
    try? financed.merge(o.financed)
  }

  package func rendered() -> String {
    JSONValue.object([
      ("job", .string("finance-basic")), ("version", .int(1)), ("tool", .string("greenledger")),
      ("loans", .int(loans)), ("scored", .int(scored)), ("unscored", .int(loans - scored)),
      ("unscored_by_reason", .object(FinanceBasic.Reason.allCases.enumerated().map { ($1.rawValue, .int(reasons[$0])) })),
      ("outstanding_cny", .number(outstanding.decimalString)),
      ("outstanding_scored_cny", .number(outstandingScored.decimalString)),
      ("financed_tco2e", .number(financed.decimalString)),
    ]).rendered()
  }
}
