import Quantities
import Tabular

/// The rules a factor set must satisfy beyond each table's schema: units of the right
/// dimension for the activity family, values in plausible ranges, unique ids, no two factors
/// for the same key valid on the same day, a consistent region tree and GWP sets.
///
/// The ranges are review bounds that catch unit slips (kg for t, Wh for kWh), not standard
/// values: a real factor outside them is possible but must be looked at.
enum FactorSetValidator {
  /// The dimensions an activity family's factors may be expressed per.
  static let dimensions: [String: Set<Dimension>] = [
    "electricity": [.energy], "heat": [.energy],
    "stationary": [.energy, .mass, .volume, .normalVolume, .standardVolume],
    "mobile": [.energy, .mass, .volume, .normalVolume, .standardVolume, .distance],
    "fugitive": [.mass], "process": [.mass], "spend": [.money],
    "freight": [.massDistance], "travel": [.passengerDistance, .distance, .count],
    "waste": [.mass], "water": [.volume], "certificate": [.energy],
  ]

  /// Review bounds in kilograms of gas per base unit of the denominator's dimension
  /// (per joule, gram, litre, Nm³, scf, metre, tkm, pkm, currency unit).
  static func bounds(gas: Gas, dimension: Dimension) -> ClosedRange<Double> {
    let isCarbon = gas == .co2 || gas == .co2e
    switch dimension {
    case .energy: return 0...(isCarbon ? 0.5e-6 : 1e-9)  // ≤ 0.5 kg CO2/MJ, ≤ 1 g CH4/MJ
    case .mass: return 0...(isCarbon ? 4e-3 : 4e-4)  // ≤ 4 kg/kg; N2O of adipic acid ≈ 0.3 kg/kg
    case .volume: return 0...(isCarbon ? 4 : 0.01)  // ≤ 4 kg/L
    case .normalVolume: return 0...(isCarbon ? 5 : 0.01)
    case .standardVolume: return 0...(isCarbon ? 0.2 : 1e-3)
    case .distance: return 0...(isCarbon ? 5e-3 : 1e-5)  // ≤ 5 kg/km
    case .massDistance: return 0...5
    case .passengerDistance: return 0...1
    case .money: return 0...50
    case .area, .count: return 0...1e6
    }
  }

  static func issues(in set: FactorSet) -> [FactorSetIssue] {
    var issues: [FactorSetIssue] = []
    func add(_ datasetID: String, _ message: String) {
      issues.append(FactorSetIssue(file: datasetID, message: message))
    }

    // Unique ids across tables.
    var owners: [String: String] = [:]
    let ids = set.emissionFactors.map { ($0.id, $0.datasetID) }
      + set.fuelParameters.map { ($0.id, $0.datasetID) }
      + set.coefficients.map { ($0.id, $0.datasetID) }
      + set.sectorIntensities.map { ($0.id, $0.datasetID) }
    for (id, dataset) in ids {
      if let other = owners.updateValue(dataset, forKey: id) {
        add(dataset, "duplicate id \(id) (also in \(other)); ids are unique across the factor set")
      }
    }

    // Emission factors: family, unit dimension, sign, range.
    for f in set.emissionFactors {
      let family = String(f.activity.prefix { $0 != "." })
      guard let allowed = dimensions[family], f.activity.contains(".") else {
        add(f.datasetID, "\(f.id): unknown activity family in \"\(f.activity)\"; expected one of "
          + dimensions.keys.sorted().joined(separator: ", "))
        continue
      }
      if !allowed.contains(f.unit.perUnit.dimension) {
        add(f.datasetID, "\(f.id): unit \(f.unit) is per \(f.unit.perUnit.dimension), "
          + "but \(family) factors must be per " + allowed.map(\.rawValue).sorted().joined(separator: " or "))
      }
      if f.value < 0 {
        add(f.datasetID, "\(f.id): negative value \(f.value); emission factors are ≥ 0")
        continue
      }
      let kilogramsPerBase = f.value * f.unit.mass.sizeInBaseUnit / 1_000 / f.unit.perUnit.sizeInBaseUnit
      let range = bounds(gas: f.gas, dimension: f.unit.perUnit.dimension)
      if !range.contains(kilogramsPerBase) {
        add(f.datasetID, "\(f.id): \(f.value) \(f.unit) is outside the review range for \(family) "
          + "\(f.gas.rawValue) factors; check the unit (kg vs t, Wh vs kWh)")
      }
      if let from = f.validity.from, let to = f.validity.to, to < from {
        add(f.datasetID, "\(f.id): valid_to \(to) is before valid_from \(from)")
      }
    }

    // No two factors for one key valid on the same day.
    let keyed = Dictionary(grouping: set.emissionFactors) {
      "\($0.activity)|\($0.region)|\($0.series)|\($0.gas.rawValue)|\($0.unit.perUnit.dimension)"
    }
    for (_, group) in keyed.sorted(by: { $0.key < $1.key }) where group.count > 1 {
      for i in group.indices {
        for j in group.indices where j > i && group[i].validity.overlaps(group[j].validity) {
          add(group[j].datasetID, "\(group[i].id) and \(group[j].id): overlapping validity "
            + "(\(group[i].validity) and \(group[j].validity)) for the same activity, region, series, "
            + "gas and unit dimension; a look-up would be ambiguous")
        }
      }
    }

    // Fuel parameters.
    for p in set.fuelParameters {
      if !FuelParameterBounds.isPlausibleNCV(p.ncv, p.ncvUnit) {
        add(p.datasetID, "\(p.id): NCV \(p.ncv) \(p.ncvUnit) is outside the review range")
      }
      if !FuelParameterBounds.carbonContent.contains(p.carbonContent) {
        add(p.datasetID, "\(p.id): carbon content \(p.carbonContent) tC/TJ is outside 5–120")
      }
      if !FuelParameterBounds.isValidOxidationRate(p.oxidationRate) {
        add(p.datasetID, "\(p.id): oxidation rate \(p.oxidationRate) must be in (0, 1] (98 % is 0.98)")
      }
      if let d = p.density, !FuelParameterBounds.density.contains(d) {
        add(p.datasetID, "\(p.id): density \(d) kg/L is outside 0.3–1.5")
      }
    }
    let fuelKeys = Dictionary(grouping: set.fuelParameters) { "\($0.fuel)|\($0.region)|\($0.ncvUnit.denominator.dimension)" }
    for (_, group) in fuelKeys.sorted(by: { $0.key < $1.key }) where group.count > 1 {
      for i in group.indices {
        for j in group.indices where j > i && group[i].validity.overlaps(group[j].validity) {
          add(group[j].datasetID, "\(group[i].id) and \(group[j].id): overlapping validity for fuel "
            + "\(group[i].fuel) in \(group[i].region)")
        }
      }
    }

    // GWP sets.
    for (gwpSet, values) in set.gwp {
      if let co2 = values["CO2"], co2.value != 1 {
        add(co2.datasetID, "\(gwpSet.rawValue) gives CO2 a GWP of \(co2.value); it is 1 by definition")
      }
      for v in values.values where v.value <= 0 {
        add(v.datasetID, "\(gwpSet.rawValue) \(v.gas): GWP must be > 0")
      }
    }
    for (blend, components) in set.blends {
      let total = components.reduce(0) { $0 + $1.massFraction }
      if abs(total - 1) > 1e-9 {
        add("gwp", "blend \(blend): mass fractions sum to \(total), not 1")
      }
    }

    // Coefficients and intensities.
    for c in set.coefficients where c.value <= 0 {
      add(c.datasetID, "\(c.id): coefficient must be > 0")
    }
    for s in set.sectorIntensities where s.value < 0 {
      add(s.datasetID, "\(s.id): negative intensity")
    }
    for s in set.sectorIntensities where set.datasets[s.datasetID]?.official == true {
      add(s.datasetID, "sector intensities are estimates: their dataset must say \"official\": false")
    }

    // Region tree.
    for link in set.regions.values {
      if let parent = link.parent, set.regions[parent] == nil {
        add("regions", "region \(link.region) has unknown parent \(parent)")
      }
      var seen: Set<String> = []
      var current: String? = link.region
      while let r = current {
        if !seen.insert(r).inserted {
          add("regions", "region \(link.region): the parent chain loops")
          break
        }
        current = set.regions[r]?.parent
      }
    }

    // Grade bands tile the line: sorted by lower bound, each starts where the last ended.
    for (scheme, bands) in set.gradeBands {
      let sorted = bands.sorted { ($0.lowerExclusive ?? -.infinity) < ($1.lowerExclusive ?? -.infinity) }
      for (a, b) in zip(sorted, sorted.dropFirst()) where a.upperInclusive != b.lowerExclusive {
        add(a.datasetID, "grading scheme \(scheme): band \(a.grade) ends at "
          + "\(a.upperInclusive.map { "\($0)" } ?? "∞") but band \(b.grade) starts at "
          + "\(b.lowerExclusive.map { "\($0)" } ?? "-∞"); bands must meet with no gap or overlap")
      }
    }

    // Densities: kg/L of liquids in the liquid bounds, kg/Nm3 of gases in the gas bounds; one
    // per fuel, region and volume kind on any day.
    for d in set.fuelDensities {
      let range = d.unit.denominator.dimension == .volume ? FuelParameterBounds.density : FuelParameterBounds.gasDensity
      if !range.contains(d.kilogramsPerBaseUnit) {
        add(d.datasetID, "\(d.id): density \(d.value) \(d.unit) is outside \(range.lowerBound)–\(range.upperBound)")
      }
    }
    let densityKeys = Dictionary(grouping: set.fuelDensities) { "\($0.fuel)|\($0.region)|\($0.unit.denominator.dimension)" }
    for (_, group) in densityKeys.sorted(by: { $0.key < $1.key }) where group.count > 1 {
      for i in group.indices {
        for j in group.indices where j > i && group[i].validity.overlaps(group[j].validity) {
          add(group[j].datasetID, "\(group[i].id) and \(group[j].id): two densities of \(group[i].fuel) in \(group[i].region) on one day")
        }
      }
    }

    // A proxy names a region that has factors; a method's fallback differs from it.
    let factorRegions = Set(set.emissionFactors.map(\.region))
    for p in set.regionProxies where !factorRegions.contains(p.proxyRegion) {
      add("defaults", "proxy region \(p.proxyRegion) for \(p.family) in \(p.region) has no factors")
    }
    for m in set.regionMethods where m.fallback == m.method {
      add("defaults", "region method of \(m.region): fallback \(m.method.rawValue) is the method itself")
    }

    // Exchange rates and price indices are positive, one per kind, currency pair and year.
    for m in set.moneyConversions where !(m.value > 0) {
      add(m.datasetID, "\(m.id): value must be > 0")
    }
    let moneyKeys = Dictionary(grouping: set.moneyConversions) { "\($0.kind)|\($0.currency.code)|\($0.base?.code ?? "")|\($0.year)" }
    for (_, group) in moneyKeys.sorted(by: { $0.key < $1.key }) where group.count > 1 {
      add(group[1].datasetID, "\(group[0].id) and \(group[1].id): two values for one currency and year")
    }

    // Series defaults must point at real series.
    let series = Set(set.emissionFactors.map { "\($0.activity)|\($0.series)" })
    for d in set.seriesDefaults where !series.contains("\(d.activity)|\(d.series)") {
      add("defaults", "series default \(d.series) for \(d.activity) in \(d.region) names no factor")
    }
    return issues
  }
}
