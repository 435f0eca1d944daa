import LoanBook
import FactorTables
import Quantities

/// Combustion under the entity's region's method (or `--method`): GB/T 32151 or IPCC 2006
/// parameters (NCV × CC × OF × 44/12, with CH4 and N2O under the GHG Protocol), or the
/// per-unit factors of the EPA hub and DESNZ.
extension LineCalculator {
  /// The method for activities in `region`: `--method`, else the factor set's region table.
  mutating func method(for region: String) -> RegionMethod {
    if let chosen = options.methodology {
      return RegionMethod(region: region, method: chosen, fallback: nil, reason: "chosen for the run (--method)")
    }
    if let cached = methods[region] { return cached }
    let m = factors.method(for: region)
      ?? RegionMethod(region: "GLOBAL", method: .ghgProtocol, fallback: nil, reason: "the factor set has no region_methods row")
    methods[region] = m
    return m
  }

  mutating func combustion(_ r: ActivityRecord, entity: Enterprise, region: String) throws(AccountingError) -> [EmissionLine] {
    let category = r.family == "stationary" ? "stationary_combustion" : "mobile_combustion"
    let choice = method(for: region)
    guard choice.method.perUnitSeriesPrefix != nil else {
      return try parameterCombustionOrProxy(r, entity: entity, region: region, category: category, method: choice.method)
    }
    do { return try perUnitCombustion(r, region: region, category: category, method: choice.method) } catch {
      guard let fallback = choice.fallback else { throw error }
      return try parameterCombustionOrProxy(r, entity: entity, region: region, category: category, method: fallback,
                                            note: "\(choice.method.title) has no factor here: \(error.message)")
    }
  }

  /// Parameter combustion with the region's defaults, else with its family's proxy region's
  /// (`region_proxies`: China's defaults for 原煤, 洗精煤 and gases per Nm³, which IPCC 2006 does
  /// not define), the line saying so. A row the proxy cannot compute either keeps its own error.
  mutating func parameterCombustionOrProxy(_ r: ActivityRecord, entity: Enterprise, region: String, category: String,
                                           method: Methodology, note: String? = nil) throws(AccountingError)
    -> [EmissionLine]
  {
    do { return try parameterCombustion(r, entity: entity, region: region, category: category, method: method, note: note) }
    catch {
      guard let proxy = factors.proxy(for: String(r.family), in: region)?.proxyRegion,
        !factors.regionChain(region).contains(proxy)
      else { throw error }
      let why = "proxy region \(proxy): no \(region) parameters for \(r.subject) in \(r.quantity.unit.symbol)"
      do {
        return try parameterCombustion(r, entity: entity, region: proxy, category: category, method: method,
                                       note: [note, why].compactMap { $0 }.joined(separator: "; "))
      } catch _ { throw error }
    }
  }

  /// NCV × CC × OF × 44/12 from measured or default parameters; CH4 and N2O on top under
  /// the GHG Protocol (and for biomass, whose CO2 is outside the scopes).
  mutating func parameterCombustion(_ r: ActivityRecord, entity: Enterprise, region: String, category: String,
                                    method: Methodology, note: String? = nil) throws(AccountingError) -> [EmissionLine]
  {
    let fuel = String(r.subject)
    let measuredFully = r.measured.ncv != nil && r.measured.carbonContent != nil && r.measured.oxidationRate != nil
    let cf: CombustionFactor
    let defaults: FuelParameters?
    let parametersText, factorID, factorVersion: String
    if r.measured.hasNoCombustionParameters {
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
    let burnt = try physicalAmount(r, fuel: fuel, region: region, perUnit: cf.perUnit, parameters: defaults)
    let gigajoules = burnt.amount * cf.ncvGigajoules
    let co2 = burnt.amount * cf.tonnesCO2PerUnit
    let formula = burnt.text + parametersText + Self.result(co2) + " tCO2"
    let biogenic = factors.biogenicFuels.contains(fuel)
    var extra: [EmissionLine] = []
    var leftOut: String?
    if method == .ghgProtocol || biogenic {
      let gases = try nonCO2(r, entity: entity, region: region, gigajoules: gigajoules, category: category)
      extra = gases.lines
      if method == .ghgProtocol { leftOut = gases.leftOut }
    }
    // Most lines need no note: the method's name is then a constant (no text built per row).
    var name = biogenic ? "biogenic CO2 (outside scopes), NCV×CC×OF×44/12" : method.parameterLineName
    if burnt.note != nil || note != nil || leftOut != nil {
      name += " (" + [burnt.note, note, leftOut].compactMap { $0 }.joined(separator: "; ") + ")"
    }
    let co2Line = line(r, scope: biogenic ? .outside : .scope1, category: category, gas: "CO2", tonnes: co2,
                       co2e: co2, factorID: factorID, version: factorVersion, method: name,
                       tier: cf.tier, formula: formula)
    return extra.isEmpty ? [co2Line] : [co2Line] + extra
  }

  func combustionFactor(_ fuel: String, _ region: String, _ r: ActivityRecord) throws(AccountingError)
    -> CombustionFactor
  {
    do { return try factors.combustionFactor(fuel, in: region, on: r.period.firstDay, measured: r.measured) } catch {
      throw AccountingError(column: "ncv_unit", error.message)
    }
  }

  /// CH4 and N2O from IPCC 2006 Tier 1 factors per energy (Vol.2 Tables 2.2–2.3, 3.2.1–3.2.2),
  /// and what was left out for want of a default.
  mutating func nonCO2(_ r: ActivityRecord, entity: Enterprise, region: String, gigajoules: Double,
                       category: String) throws(AccountingError) -> (lines: [EmissionLine], leftOut: String?)
  {
    // Table 2.2 (energy industries) or Table 2.3 (manufacturing and construction).
    let energyIndustry = IndustryClassification.isEnergyIndustry(entity.sector)
    let series: String? = r.family == "stationary"
      ? (energyIndustry ? "ipcc2006.energy-industries" : "ipcc2006.manufacturing") : nil
    let table = series ?? "road"
    let resolution: FactorResolution
    do { resolution = try lookup(r.activity, region, r.period, series: series).resolution } catch {
      return ([], "CH4 and N2O left out: no IPCC 2006 \(table) default for \(r.activity)")
    }
    var lines: [EmissionLine] = []
    var missing: [String] = []
    for gas in [Gas.ch4, .n2o] {
      guard let f = resolution.factors.first(where: { $0.gas == gas && $0.unit.perUnit.dimension == .energy }) else {
        missing.append(gas.rawValue)
        continue
      }
      let perGJ = f.unit.tonnes(of: f.value) / (f.unit.perUnit.sizeInBaseUnit / UnitOfMeasure.gigajoules.sizeInBaseUnit)
      let tonnes = gigajoules * perGJ
      let g = try gwp(gas.rawValue)
      lines.append(line(r, scope: .scope1, category: category, gas: gas.rawValue, tonnes: tonnes,
                        co2e: tonnes * g, factorID: f.id, version: version(f.datasetID),
                        gwp: options.gwpSet, method: "IPCC 2006 Tier 1 \(gas.rawValue) per energy",
                        formula: "\(Self.number(gigajoules)) GJ × \(Self.number(f.value)) \(f.unit) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e"))
    }
    let leftOut = missing.isEmpty ? nil
      : "\(missing.joined(separator: " and ")) left out: no IPCC 2006 \(table) default per energy for \(r.activity)"
    return (lines, leftOut)
  }

  /// Per-unit factors (EPA hub: CO2, CH4 and N2O per physical unit or mmBtu, as the EPA
  /// Simplified GHG Emissions Calculator; DESNZ: CO2e per litre, m³ or tonne).
  mutating func perUnitCombustion(_ r: ActivityRecord, region: String, category: String,
                                  method: Methodology) throws(AccountingError) -> [EmissionLine]
  {
    let prefix = method.perUnitSeriesPrefix ?? ""
    let rows = try lookup(r.activity, region, r.period).resolution.factors.filter { $0.series.hasPrefix(prefix) }
    guard !rows.isEmpty else {
      throw AccountingError(column: "activity", "no \(method.title) factor for \(r.activity) in \(region)")
    }
    let gases = [Gas.co2e, .co2, .ch4, .n2o].filter { g in rows.contains { $0.gas == g } }
    // Biomass (EPA's wood, landfill gas): CO2 is biogenic, outside the scopes; CH4 and N2O in scope 1.
    let biogenic = factors.biogenicFuels.contains(String(r.subject))
    var lines: [EmissionLine] = []
    var restated: String?
    // The EPA hub's mobile CH4 and N2O are per vehicle-mile by vehicle type and model year
    // (Tables 3–5), which a fuel row does not state: the line says they are left out.
    let leftOut = method == .epa && r.family == "mobile" && !gases.contains(.ch4)
      ? " (CH4 and N2O left out: the EPA hub gives them per vehicle-mile by vehicle type)" : ""
    for gas in gases {
      let ofGas = rows.filter { $0.gas == gas }
      let candidates = ofGas.filter { $0.unit.perUnit.dimension == r.quantity.dimension }
      // A gas volume at another reference state (Nm³ against the EPA's scf) by the ideal-gas law.
      let otherState = ofGas.filter {
        GasReferenceState.of($0.unit.perUnit.dimension) != nil && GasReferenceState.of(r.quantity.dimension) != nil
      }
      guard let f = candidates.first(where: { $0.unit.perUnit == r.quantity.unit }) ?? candidates.first ?? otherState.first else {
        throw AccountingError(column: "unit", "no \(method.title) \(gas.rawValue) factor for \(r.activity) per "
          + "\(r.quantity.unit.dimension) (\(r.quantity.unit.symbol)); it has \(Set(rows.map { $0.unit.perUnit.symbol }).sorted().joined(separator: ", "))")
      }
      let amount: Double
      if f.unit.perUnit.dimension == r.quantity.dimension {
        amount = try convert(r.quantity, to: f.unit.perUnit, column: "unit")
      } else {
        do { amount = try r.quantity.gasVolume(in: f.unit.perUnit) } catch {
          throw AccountingError(column: "unit", error.description)
        }
        let from = GasReferenceState.of(r.quantity.dimension)?.label ?? "", to = GasReferenceState.of(f.unit.perUnit.dimension)?.label ?? ""
        restated = "\(r.quantity.unit.symbol) at \(from) restated as \(f.unit.perUnit.symbol) at \(to), ideal gas"
      }
      let tonnes = amount * f.unit.tonnes(of: f.value)
      let weighted = gas == .co2 || gas == .co2e
      let g = weighted ? 1 : try gwp(gas.rawValue)
      let outside = biogenic && gas == .co2
      lines.append(line(r, scope: outside ? .outside : .scope1, category: category, gas: gas.rawValue, tonnes: tonnes,
                        co2e: tonnes * g, factorID: f.id, version: version(f.datasetID),
                        gwp: weighted ? nil : options.gwpSet,
                        method: (outside ? method.title + ", biogenic CO2 (outside scopes)" : method.title)
                          + (restated.map { " (\($0))" } ?? "") + leftOut,
                        formula: (restated == nil ? "" : "\(Self.number(r.quantity.value)) \(r.quantity.unit.symbol) = ")
                          + "\(Self.number(amount)) \(f.unit.perUnit.symbol) × \(Self.number(f.value)) \(f.unit)"
                          + (weighted ? "" : " × GWP \(Self.number(g))") + " = \(Self.result(tonnes * g)) t\(weighted ? gas.rawValue : "CO2e")"))
    }
    return lines
  }
}
