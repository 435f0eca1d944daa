/// The combustion method a region's enterprises report under, and the method to fall back
/// on for a fuel the first one has no factor for (EmissionFactors `region_methods` table).
public struct RegionMethod: Hashable, Sendable {
  /// Region code (`CN`, `US`, `GB`, `GLOBAL`).
  public let region: String
  /// The combustion method the region reports under.
  public let method: Methodology
  /// Used for a fuel or unit ``method`` has no factor for; `nil` for none.
  public let fallback: Methodology?
  /// The document that makes this the region's method.
  public let reason: String

  /// Creates a row of the `region_methods` table.
  public init(region: String, method: Methodology, fallback: Methodology?, reason: String) {
    (self.region, self.method, self.fallback, self.reason) = (region, method, fallback, reason)
  }
}

extension FactorSet {
  /// The method of `region`: its own row of `region_methods`, else its parents' (a province
  /// takes its country's), else `GLOBAL`'s; `nil` when the table has none.
  public func method(for region: String) -> RegionMethod? {
    for level in regionChain(region) {
      if let m = regionMethods.first(where: { $0.region == level }) { return m }
    }
    return nil
  }
}
