public import LoanBook
public import Accounting
public import FinancedEmissions
public import Quantities

extension AccountEmissions {
  /// Each entity's latest year of `accounts` as borrower emissions for financed emissions:
  /// scope 1, scope 2 (location-based) and scope 3 (`nil` when zero), rounded to the 10⁻⁶ t
  /// that accounts.csv carries, so that in-memory and file runs give the same bytes.
  ///
  /// The calculator uses them as emissions computed from the company's primary physical
  /// activity data — PCAF Part A (2nd ed. 2022) Table 5-3/5-7 option 2a, data-quality score 2
  /// — and says `carbon account <year>` as their source: never "reported" (option 1), which
  /// is what the borrower itself discloses (`reported_scope1`, …).
  ///
  /// - Complexity: O(accounts).
  public static func latest(of accounts: [CarbonAccount]) -> [EntityID: AccountEmissions] {
    func rounded(_ x: Double) -> Double { Double(DecimalFormat.fixed(x, places: 6)) ?? x }
    var latest: [EntityID: AccountEmissions] = [:]
    for a in accounts where (latest[a.entity]?.year ?? Int.min) < a.year {
      let s3 = rounded(a.scope3)
      latest[a.entity] = AccountEmissions(year: a.year, scope1: rounded(a.scope1),
                                                   scope2: rounded(a.scope2Location), scope3: s3 == 0 ? nil : s3)
    }
    return latest
  }
}
