import FactorTables
import Quantities

/// Spend-based scope 3 (GHG Protocol Scope 3 Standard, category 1, spend-based method):
/// money spent × a factor per money of a price year, with the spend converted to the
/// factor's currency at the year's average exchange rate and deflated to its price year.
extension LineCalculator {
  mutating func spend(_ r: ActivityRecord, region: String, category: String) throws(AccountingError) -> EmissionLine {
    let (resolved, proxyNote) = try lookupOrProxy(r, region: region)
    let f = resolved.primary
    let q = r.quantity
    guard let spent = q.unit.currency, let factorCurrency = f.unit.perUnit.currency else {
      throw AccountingError(column: "unit", "\(q.unit.symbol) is not money; spend rows give the amount spent in a currency such as CNY or 万元")
    }
    // Units of the spend's currency (万元 → yuan).
    let amount = q.value * q.unit.sizeInBaseUnit
    var steps: [String] = []
    var inFactorCurrency = amount
    var text = "\(Self.number(amount)) \(spent.code)"
    if spent != factorCurrency {
      guard let rate = factors.exchangeRate(spent, per: factorCurrency, year: r.period.year) else {
        throw AccountingError(column: "unit", "no \(spent.code)/\(factorCurrency.code) exchange rate for \(r.period.year) "
          + "or earlier in the factor set, needed for the \(f.series) factor per \(factorCurrency.code)")
      }
      inFactorCurrency = amount / rate.value
      text += " ÷ \(Self.number(rate.value)) \(spent.code)/\(factorCurrency.code)"
      steps.append("\(rate.year) average rate \(rate.id)" + (rate.year == r.period.year ? "" : " (latest before \(r.period.year))"))
    }
    if let priceYear = factors.datasets[f.datasetID]?.priceYear, priceYear != r.period.year {
      guard let then = factors.priceIndex(factorCurrency, year: priceYear),
            let now = factors.priceIndex(factorCurrency, year: r.period.year)
      else {
        throw AccountingError(column: "period", "no \(factorCurrency.code) price index for \(priceYear) and \(r.period.year) "
          + "in the factor set, needed to deflate the spend to the factor's \(priceYear) prices")
      }
      inFactorCurrency *= then.value / now.value
      text += " × \(Self.number(then.value))/\(Self.number(now.value))"
      steps.append("deflated to \(priceYear) prices by \(now.id) / \(then.id)")
    }
    let tonnes = inFactorCurrency * f.unit.tonnes(of: f.value)
    let method = "spend-based: \(f.series) factor per \(factorCurrency.code) (estimate)"
      + ([proxyNote].compactMap { $0 } + steps).map { "; \($0)" }.joined()
    return line(r, scope: .scope3, category: category, gas: f.gas.rawValue, tonnes: tonnes, co2e: tonnes,
                factorID: f.id, version: resolved.version, method: method,
                formula: text + " × \(Self.number(f.value)) \(f.unit) = \(Self.result(tonnes)) t\(f.gas.rawValue)")
  }
}
