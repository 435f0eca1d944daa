import LoanBook
public import FactorTables
public import Quantities

extension CarbonAccounting {
  /// The lines `account` computes for one activity of an entity in `region` — the factor
  /// ids, formulas and the method chosen for the region — without accumulating anything:
  /// what `greenledger factors lookup --quantity` shows, so that a look-up explains exactly
  /// what accounting does with the same activity, region and date.
  ///
  /// - Parameters:
  ///   - activity: the activity key (e.g. `stationary.diesel`).
  ///   - quantity: the amount in its unit.
  ///   - period: the period the activity falls in.
  ///   - factors: the factor set.
  ///   - options: the accounting options (method, GWP set, as-of day).
  ///   - region: ISO 3166 code; the entity's country is its first two letters.
  ///   - sector: GB/T 4754 code (it picks IPCC Table 2.2 or 2.3 for CH4/N2O).
  /// - Throws: ``AccountingError`` when `account` would reject such a row.
  public static func explain(_ activity: String, quantity: Quantity, region: String, period: Period,
                             sector: String = "C", factors: FactorSet, options: AccountingOptions)
    throws(AccountingError) -> [EmissionLine]
  {
    let country = String(region.prefix(2))
    let entity = Enterprise(id: EntityID("lookup"), sector: sector, country: country,
                        region: region.count > 2 ? region : nil, currency: .cny)
    let record = ActivityRecord(entity: entity.id, period: period, activity: activity, quantity: quantity)
    var calculator = LineCalculator(factors: factors, options: options)
    return try calculator.contribution(of: record, entity: entity).lines
  }
}
