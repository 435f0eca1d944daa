import Quantities
import Tabular

/// A loaded, verified and validated set of emission-factor tables: the datasets of
/// EmissionFactors/, indexed for look-up.
///
/// ```swift
/// let factors = try FactorSet.bundled()                 // the copy compiled into the library
/// let zj = try factors.lookup("electricity.grid", in: "CN-ZJ",
///                             on: Day(year: 2022, month: 6, day: 30)!)
/// zj.primary.value      // 0.5153 (kgCO2/kWh, MEE/NBS 2022, Zhejiang)
/// ```
///
/// A factor set is an immutable value: share it freely across threads.
public struct FactorSet: Sendable {
  /// Metadata of each dataset, by id.
  public let datasets: [String: DatasetInfo]
  /// The verified manifest (digests).
  public let manifest: FactorManifest
  /// Every emission factor, in dataset then file order.
  public let emissionFactors: [EmissionFactor]
  /// Every set of fuel parameters.
  public let fuelParameters: [FuelParameters]
  /// GWP-100 values by set and gas key.
  public let gwp: [GWPSet: [String: GWPValue]]
  /// Refrigerant blend compositions by blend name.
  public let blends: [String: [BlendComponent]]
  /// Conversion coefficients (standard coal).
  public let coefficients: [ConversionCoefficient]
  /// Sector intensities (PCAF option 3; `official: false` datasets).
  public let sectorIntensities: [SectorIntensity]
  /// The region hierarchy, by region code.
  public let regions: [String: RegionLink]
  /// Default series per activity and region.
  public let seriesDefaults: [SeriesDefault]
  /// Each region's own combustion method.
  public let regionMethods: [RegionMethod]
  /// Regions whose factors stand in where a region has none, per activity family.
  public let regionProxies: [RegionProxy]
  /// Default fuel densities, for volumes of fuels whose parameters are per mass.
  public let fuelDensities: [FuelDensity]
  /// Exchange rates and price indices for spend-based factors.
  public let moneyConversions: [MoneyConversion]
  /// Grading schemes (Zhejiang/Huzhou carbon efficiency), by scheme id.
  public let gradeBands: [String: [GradeBand]]
  /// Where it was loaded from.
  public let sourceName: String
  /// Fuel keys whose combustion CO2 is biogenic, from the datasets' metadata.
  public let biogenicFuels: Set<String>
  /// Gases reported apart from the scopes (HCFC-22), from the datasets' metadata.
  public let nonKyotoGases: Set<String>

  let factorsByActivity: [String: [EmissionFactor]]

  /// The digest of the whole factor set (`sha256:…`), recorded in every output.
  public var digest: String { manifest.factorSetDigest }

  /// The factor set compiled into the library from EmissionFactors/.
  ///
  /// - Throws: ``FactorSetError`` if the compiled copy fails verification (a build from
  ///   edited tables without a regenerated manifest).
  public static func bundled() throws(FactorSetError) -> FactorSet {
    try load(from: .files(BundledFactors.files))
  }

  /// Loads the factor set in `directory` (laid out as EmissionFactors/).
  public static func load(directory: String) throws(FactorSetError) -> FactorSet {
    try load(from: .directory(directory))
  }

  /// Loads, verifies (manifest digests) and validates a factor set.
  ///
  /// - Parameters:
  ///   - source: the directory or the compiled-in files to read.
  ///   - verifyingDigests: `false` only to regenerate a manifest.
  /// - Throws: ``FactorSetError`` listing every problem found.
  public static func load(from source: FactorFileSource, verifyingDigests: Bool = true)
    throws(FactorSetError) -> FactorSet
  {
    var loader = FactorSetLoader(source: source)
    return try loader.load(verifyingDigests: verifyingDigests)
  }

  init(datasets: [String: DatasetInfo], manifest: FactorManifest, emissionFactors: [EmissionFactor],
       fuelParameters: [FuelParameters], gwp: [GWPSet: [String: GWPValue]],
       blends: [String: [BlendComponent]], coefficients: [ConversionCoefficient],
       sectorIntensities: [SectorIntensity], regions: [String: RegionLink],
       seriesDefaults: [SeriesDefault], regionMethods: [RegionMethod], regionProxies: [RegionProxy],
       fuelDensities: [FuelDensity], moneyConversions: [MoneyConversion], gradeBands: [String: [GradeBand]],
       sourceName: String)
  {
    self.moneyConversions = moneyConversions
    self.regionMethods = regionMethods
    self.regionProxies = regionProxies
    self.fuelDensities = fuelDensities
    self.gradeBands = gradeBands
    self.biogenicFuels = Set(datasets.values.flatMap { $0.biogenicFuels ?? [] })
    self.nonKyotoGases = Set(datasets.values.flatMap { $0.nonKyotoGases ?? [] })
    self.datasets = datasets
    self.manifest = manifest
    self.emissionFactors = emissionFactors
    self.fuelParameters = fuelParameters
    self.gwp = gwp
    self.blends = blends
    self.coefficients = coefficients
    self.sectorIntensities = sectorIntensities
    self.regions = regions
    self.seriesDefaults = seriesDefaults
    self.sourceName = sourceName
    self.factorsByActivity = Dictionary(grouping: emissionFactors, by: \.activity)
  }

  /// The GWP-100 of `gas` (`CH4`, `CH4_fossil`, `N2O`, `SF6`, `HFC-134a`, a blend such as
  /// `R-404A`) in `set`. Blends are the mass-weighted sum of their components' GWPs
  /// (IPCC AR6 WG1 Ch.7 §7.6.1.4 practice; composition from ASHRAE 34).
  ///
  /// - Throws: ``FactorLookupError`` when the set has no value for the gas or a component.
  public func gwp(of gas: String, in set: GWPSet) throws(FactorLookupError) -> Double {
    if let value = gwp[set]?[gas] { return value.value }
    if let components = blends[gas] {
      var total = 0.0
      for c in components {
        guard let v = gwp[set]?[c.component] else {
          throw FactorLookupError("no \(set.rawValue) GWP for \(c.component), a component of \(gas)")
        }
        total += c.massFraction * v.value
      }
      return total
    }
    throw FactorLookupError("no \(set.rawValue) GWP for gas \"\(gas)\"; known: "
      + (gwp[set]?.keys.sorted().joined(separator: ", ") ?? "none"))
  }

  /// The fallback chain of a region: itself, its parents (province → grid region →
  /// country), the country of an ISO 3166-2 code, then `GLOBAL`.
  public func regionChain(_ region: String) -> [String] {
    var chain: [String] = []
    var current: String? = region
    while let r = current, !chain.contains(r) {
      chain.append(r)
      current = regions[r]?.parent
    }
    if region.count > 2, let dash = region.firstIndex(of: "-") {
      let country = String(region[..<dash])
      if !chain.contains(country) { chain.append(country) }
    }
    if !chain.contains("GLOBAL") { chain.append("GLOBAL") }
    return chain
  }
}

extension FactorSet {
  /// The band of `scheme` that `value` falls in.
  ///
  /// - Throws: ``FactorLookupError`` when the scheme is unknown or no band holds the value.
  public func grade(_ value: Double, scheme: String) throws(FactorLookupError) -> GradeBand {
    guard let bands = gradeBands[scheme] else {
      throw FactorLookupError("no grading scheme \"\(scheme)\" in the factor set")
    }
    guard let band = bands.first(where: { $0.contains(value) }) else {
      throw FactorLookupError("\(value) falls in no band of \(scheme)")
    }
    return band
  }
}
