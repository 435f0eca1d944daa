/// A region whose factors stand in for an activity family where a region has none (scope 3
/// freight, travel and waste, purchased heat), from the `region_proxies` table; lines say so.
public struct RegionProxy: Hashable, Sendable {
  /// Activity family (`freight`, `travel`, `waste`, `water`, `heat`, `spend`, `stationary`, `mobile`).
  public let family: String
  /// The region (or `GLOBAL`: any region) without its own factors.
  public let region: String
  /// The region whose factors are used.
  public let proxyRegion: String
  /// Why this proxy: the source's scope and the absence of a citable local one.
  public let reason: String
}

extension FactorSet {
  /// The proxy region for `family` in `region` along the region chain, `nil` for none.
  public func proxy(for family: String, in region: String) -> RegionProxy? {
    for level in regionChain(region) {
      if let p = regionProxies.first(where: { $0.family == family && $0.region == level }) { return p }
    }
    return nil
  }
}
