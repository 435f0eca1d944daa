public import FactorTables
public import Quantities

extension FinancedEmissionsCalculator {
  /// The grid factor of each region in `factors` on `day` (`electricity.grid`, the primary
  /// factor the accounting would use), in tCO2 per kWh: what scores buildings' energy use
  /// (PCAF Part A, 2nd ed. 2022, 5.5–5.6 commercial real estate and mortgages, option 2).
  ///
  /// Give it as `gridFactor:` so that a linking app's mortgages are scored as the CLI's are;
  /// the initialiser's default has no grid factor and leaves them unscored.
  public static func gridFactors(from factors: FactorSet, on day: Day)
    -> @Sendable (_ region: String) -> (tonnesPerKWh: Double, factorID: String)?
  {
    { region in
      guard let f = try? factors.lookup("electricity.grid", in: region, on: day).primary,
            let perKWh = try? UnitOfMeasure.kilowattHours.conversionFactor(to: f.unit.perUnit)
      else { return nil }
      return (f.unit.tonnes(of: f.value) * perKWh, f.id)
    }
  }
}
