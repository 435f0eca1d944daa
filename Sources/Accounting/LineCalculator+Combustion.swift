import FactorTables
import Quantities

/// Combustion: GB/T 32151 (CO2 from NCV × carbon content × oxidation), the GHG Protocol's
/// CH4 and N2O on top, and the EPA hub's per-unit factors.
extension LineCalculator {
  mutating func combustion(_ r: ActivityRecord, entity: Entity, region: String) throws(AccountingError) -> [EmissionLine] {
    let fuel = String(r.subject)
    let category = r.family == "stationary" ? "stationary_combustion" : "mobile_combustion"
    if options.methodology == .epa { return try epaCombustion(r, region: region, category: category) }

    let measuredFully = r.measured.ncv != nil && r.measured.carbonContent != nil && r.measured.oxidationRate != nil
    let unmeasured = r.measured.ncv == nil && r.measured.carbonContent == nil && r.measured.oxidationRate == nil
    let cf: CombustionFactor
    let defaults: FuelParameters?
    let parametersText, factorID, factorVersion: String
    if unmeasured {
      // Default parameters only: the factor and its texts are the same for every row of the key.
      let key = ParameterKey(fuel: fuel, region: region, date: r.period.firstDay)
      let d: DefaultCombustion
      if let cached = defaultCombustion[key] {
        d = cached
      } else {
        let p = try self.defaults(fuel, region, r.period)
        d = DefaultCombustion(factor: try combustionFactor(fuel, region, r), parameters: p, version: version(p.datasetID))
        defaultCombustion[key] = d
      }
      (cf, defaults, parametersText, factorID, factorVersion) = (d.factor, d.parameters, d.parametersText, d.factorID, d.version)
    } else {
      defaults = measuredFully ? nil : try self.defaults(fuel, region, r.period)
      cf = try combustionFactor(fuel, region, r)
      parametersText = Self.parametersText(cf)
      factorID = defaults.map { "derived:\($0.id)" } ?? "measured"
      factorVersion = defaults.map { version($0.datasetID) } ?? ""
    }
    // The physical amount burnt, in the parameters' unit, and the formula's activity part.
    let q = r.quantity
    if q.dimension == .energy {
      // NCV × CC needs the physical amount: an energy quantity does not say whether it is on
      // a net or gross calorific basis, and guessing would shift CO2 by up to 10 %.
      throw AccountingError(column: "unit", "\(q.unit.symbol) is an energy unit; the \(fuel) method "
        + "(NCV × CC × OF × 44/12) needs the physical amount in \(cf.perUnit.symbol) or another "
        + "\(cf.perUnit.dimension) unit")
    }
    let amount: Double
    let adText: String
    if q.dimension == .volume, cf.perUnit.dimension == .mass {
      guard let density = defaults?.density else {
        throw AccountingError(column: "unit", "\(q.unit.symbol) is a volume but the \(fuel) parameters are per "
          + "\(cf.perUnit.symbol) and the factor set has no density for \(fuel); give the quantity in \(cf.perUnit.symbol)")
      }
      let litres = try convert(q, to: .litres, column: "unit")
      amount = try convert(Quantity(litres * density, .kilograms), to: cf.perUnit, column: "unit")
      adText = "\(Self.number(q.value)) \(q.unit.symbol) × \(Self.number(density)) kg/L"
    } else {
      amount = try convert(q, to: cf.perUnit, column: "unit")
      adText = "\(Self.number(amount)) \(cf.perUnit.symbol)"
    }
    let gigajoules = amount * cf.ncvGigajoules
    let co2 = amount * cf.tonnesCO2PerUnit
    let formula = adText + parametersText + Self.result(co2) + " tCO2"
    let biogenic = factors.biogenicFuels.contains(fuel)
    var lines = [line(r, scope: biogenic ? .outside : .scope1, category: category, gas: "CO2", tonnes: co2,
                      co2e: co2, factorID: factorID, version: factorVersion,
                      method: biogenic ? "biogenic CO2 (outside scopes), NCV×CC×OF×44/12" : "GB/T 32151 NCV×CC×OF×44/12",
                      tier: cf.tier.rawValue, formula: formula)]
    if options.methodology == .ghgProtocol || biogenic {
      lines += try nonCO2(r, entity: entity, region: region, gigajoules: gigajoules, category: category,
                          required: options.methodology == .ghgProtocol)
    }
    return lines
  }

  func combustionFactor(_ fuel: String, _ region: String, _ r: ActivityRecord) throws(AccountingError)
    -> CombustionFactor
  {
    do { return try factors.combustionFactor(fuel, in: region, on: r.period.firstDay, measured: r.measured) } catch {
      throw AccountingError(column: "ncv_unit", error.message)
    }
  }

  /// CH4 and N2O from IPCC 2006 Tier 1 factors per energy (Vol.2 Tables 2.2–2.3, 3.2.2).
  mutating func nonCO2(_ r: ActivityRecord, entity: Entity, region: String, gigajoules: Double,
                               category: String, required: Bool) throws(AccountingError) -> [EmissionLine]
  {
    // Table 2.2 (energy industries) for power, heat, refining and coal mining; Table 2.3
    // (manufacturing and construction) otherwise.
    let energyIndustry = ["D44", "D45", "B06", "C25"].contains { entity.sector.hasPrefix($0) }
    let series: String? = r.family == "stationary"
      ? (energyIndustry ? "ipcc2006.energy-industries" : "ipcc2006.manufacturing") : nil
    let resolution: FactorResolution
    do { resolution = try lookup(r.activity, region, r.period, series: series).resolution } catch {
      if !required { return [] }
      throw AccountingError(column: "activity", "no CH4/N2O factor for \(r.activity) (\(series ?? "road")): \(error.message)")
    }
    var lines: [EmissionLine] = []
    for gas in [Gas.ch4, .n2o] {
      guard let f = resolution.factors.first(where: { $0.gas == gas && $0.unit.perUnit.dimension == .energy }) else {
        if required { throw AccountingError(column: "activity", "no \(gas.rawValue) factor per energy for \(r.activity)") }
        continue
      }
      let perGJ = f.unit.tonnes(of: f.value) / (f.unit.perUnit.sizeInBaseUnit / UnitOfMeasure.gigajoules.sizeInBaseUnit)
      let tonnes = gigajoules * perGJ
      let g = try gwp(gas.rawValue)
      lines.append(line(r, scope: .scope1, category: category, gas: gas.rawValue, tonnes: tonnes,
                        co2e: tonnes * g, factorID: f.id, version: version(f.datasetID),
                        gwp: options.gwpSet.rawValue, method: "IPCC 2006 Tier 1 \(gas.rawValue) per energy",
                        formula: "\(Self.number(gigajoules)) GJ × \(Self.number(f.value)) \(f.unit) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e"))
    }
    return lines
  }

  /// EPA Hub factors per physical unit or mmBtu, the EPA Simplified GHG Emissions Calculator's
  /// method: CO2 + CH4 × GWP + N2O × GWP.
  mutating func epaCombustion(_ r: ActivityRecord, region: String, category: String) throws(AccountingError) -> [EmissionLine] {
    let resolution = try lookup(r.activity, region, r.period, series: "epa.hub").resolution
    var lines: [EmissionLine] = []
    for gas in [Gas.co2, .ch4, .n2o] {
      let candidates = resolution.factors.filter { $0.gas == gas && $0.unit.perUnit.dimension == r.quantity.dimension }
      guard let f = candidates.first(where: { $0.unit.perUnit == r.quantity.unit }) ?? candidates.first else {
        throw AccountingError(column: "unit", "no EPA \(gas.rawValue) factor for \(r.activity) per \(r.quantity.unit.dimension) (\(r.quantity.unit.symbol))")
      }
      let amount = try convert(r.quantity, to: f.unit.perUnit, column: "unit")
      let tonnes = amount * f.unit.tonnes(of: f.value)
      let g = gas == .co2 ? 1 : try gwp(gas.rawValue)
      lines.append(line(r, scope: .scope1, category: category, gas: gas.rawValue, tonnes: tonnes, co2e: tonnes * g,
                        factorID: f.id, version: version(f.datasetID), gwp: gas == .co2 ? "" : options.gwpSet.rawValue,
                        method: "EPA GHG Emission Factors Hub",
                        formula: "\(Self.number(amount)) \(f.unit.perUnit.symbol) × \(Self.number(f.value)) \(f.unit)"
                          + (gas == .co2 ? "" : " × GWP \(Self.number(g))") + " = \(Self.result(tonnes * g)) tCO2e"))
    }
    return lines
  }
}
