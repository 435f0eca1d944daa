package import Accounting
import Quantities
package import Tabular

/// The carbon accounts of a run summed by reporting year, exactly (each account's figures
/// as accounts.csv prints them, to 6 decimal places), for the run's summary.json.
///
/// Years are never summed together: an enterprise reports each year once, so the sum of one
/// year is the book's enterprises' emissions in that year (GHG Protocol Corporate Standard
/// ch. 9, "reporting period").
package struct AccountTotals: Sendable {
  /// One reporting year's sums.
  struct Year: Sendable {
    var accounts = 0
    var scope1 = ExactSum(decimalPlaces: 6)
    var scope2Location = ExactSum(decimalPlaces: 6)
    var scope2Market = ExactSum(decimalPlaces: 6)
    var scope3 = ExactSum(decimalPlaces: 6)
    var biogenicCO2 = ExactSum(decimalPlaces: 6)
  }

  private var years: [Int: Year] = [:]

  /// The sums of `accounts`.
  package init(_ accounts: [CarbonAccount]) {
    for a in accounts {
      var y = years[a.year] ?? Year()
      y.accounts += 1
      // Finite by construction (the accounting rejects non-finite lines); a failed add leaves the sum as it was.
      try? y.scope1.add(a.scope1)
      try? y.scope2Location.add(a.scope2Location)
      try? y.scope2Market.add(a.scope2Market)
      try? y.scope3.add(a.scope3)
      try? y.biogenicCO2.add(a.biogenicCO2)
      years[a.year] = y
    }
  }

  /// `{"2024": {"accounts": …, "scope1_tco2e": …, …}}`, years in order; total = scope 1 +
  /// scope 2 (location-based) + scope 3, as accounts.csv's `total_tco2e`.
  package var json: JSONValue {
    .object(years.keys.sorted().map { (String($0), figures(of: $0)) })
  }

  /// The latest year's figures with the year itself first (`{"year": 2024, "accounts": …}`);
  /// `nil` without accounts.
  package var latestYear: JSONValue? {
    guard let year = years.keys.max() else { return nil }
    return .object([("year", .int(year))] + figures(of: year).members)
  }

  private func figures(of year: Int) -> JSONValue {
    let y = years[year]!
    var total = y.scope1
    try? total.merge(y.scope2Location)
    try? total.merge(y.scope3)
    return .object([
      ("accounts", .int(y.accounts)),
      ("scope1_tco2e", .number(y.scope1.decimalString)),
      ("scope2_location_tco2e", .number(y.scope2Location.decimalString)),
      ("scope2_market_tco2e", .number(y.scope2Market.decimalString)),
      ("scope3_tco2e", .number(y.scope3.decimalString)),
      ("total_tco2e", .number(total.decimalString)),
      ("biogenic_co2_t", .number(y.biogenicCO2.decimalString)),
    ])
  }
}
