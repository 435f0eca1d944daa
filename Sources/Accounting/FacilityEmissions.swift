/// One facility's share of a ``CarbonAccount``, tCO2e, each an exact sum of the facility's
/// lines rounded to the gram (GHG Protocol Corporate Standard, ch. 4: scope 2 reported both
/// location- and market-based).
public struct FacilityEmissions: Hashable, Sendable {
  /// Scope 1, tCO2e.
  public var scope1: Double
  /// Scope 2, location-based, tCO2e.
  public var scope2Location: Double
  /// Scope 2, market-based, tCO2e.
  public var scope2Market: Double
  /// Scope 3, tCO2e.
  public var scope3: Double

  /// A facility's emissions by scope, tCO2e.
  public init(scope1: Double, scope2Location: Double, scope2Market: Double, scope3: Double) {
    (self.scope1, self.scope2Location, self.scope2Market, self.scope3) = (scope1, scope2Location, scope2Market, scope3)
  }
}
