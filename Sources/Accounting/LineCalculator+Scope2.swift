import FactorTables
import Quantities

/// Purchased electricity (location- and market-based, GHG Protocol Scope 2 Guidance) and heat.
extension LineCalculator {
  mutating func electricity(_ r: ActivityRecord, region: String) throws(AccountingError) -> Contribution {
    // Grid losses of the electricity bought: scope 3 category 3 (fuel- and energy-related
    // activities, GHG Protocol Scope 3 Standard ch.5), per kWh consumed.
    if r.activity == "electricity.td_losses" {
      return Contribution(lines: try simple(r, region: region, scope: .scope3, category: String(r.scope3Category ?? 3)))
    }
    guard r.activity == "electricity.grid" else {
      throw AccountingError(column: "activity", "\(r.activity) is not a scope 2 activity; "
        + "electricity.footprint.* factors are life-cycle values, not for inventories")
    }
    var c = Contribution()
    let location = try lookup(r.activity, region, r.period)
    let f = location.primary
    let amount = try convert(r.quantity, to: f.unit.perUnit, column: "unit")
    let tonnes = amount * f.unit.tonnes(of: f.value)
    c.lines.append(line(r, scope: .scope2, category: "electricity", method2: .location, gas: f.gas.rawValue,
                        tonnes: tonnes, co2e: tonnes, factorID: f.id, version: location.version,
                        method: "location-based grid average " + location.origin,
                        formula: location.formula(amount, tonnes: tonnes)))
    c.lines += try otherGases(r, location, method2: .location, method: "location-based grid average " + location.origin)
    let mwh = try convert(r.quantity, to: .megawattHours, column: "unit")
    if let instrument = r.instrument {
      c.lines.append(line(r, scope: .scope2, category: "electricity", method2: .market, gas: "CO2e", tonnes: 0, co2e: 0,
                          factorID: "instrument:\(instrument.rawValue)", version: "",
                          method: "market-based: consumed under a contractual instrument (\(instrument.rawValue))",
                          formula: "\(Self.number(mwh)) MWh × 0 = 0 tCO2e"))
    } else if let sf = r.supplierFactor {
      let t = r.quantity.value * sf / 1_000
      c.lines.append(line(r, scope: .scope2, category: "electricity", method2: .market, gas: "CO2e", tonnes: t, co2e: t,
                          factorID: "supplier", version: "", method: "market-based: supplier-specific factor",
                          formula: "\(Self.number(r.quantity.value)) \(r.quantity.unit.symbol) × \(Self.number(sf)) kgCO2e/\(r.quantity.unit.symbol) = \(Self.result(t)) tCO2e"))
    } else {
      // The national factor excluding market-traded non-fossil electricity; where none exists,
      // the grid average (GHG Protocol Scope 2 Guidance, 2015, Table 6.3 hierarchy).
      let residual = try? lookup(r.activity, region, r.period, series: "mee-nbs.excluding-market-nonfossil")
      let market = residual ?? location
      let rf = market.primary
      let rAmount = try convert(r.quantity, to: rf.unit.perUnit, column: "unit")
      let t = rAmount * rf.unit.tonnes(of: rf.value)
      c.lines.append(line(r, scope: .scope2, category: "electricity", method2: .market, gas: rf.gas.rawValue,
                          tonnes: t, co2e: t, factorID: rf.id, version: market.version,
                          method: residual == nil ? "market-based: no residual-mix factor, grid average used"
                            : "market-based: national factor excluding market-traded non-fossil electricity",
                          formula: market.formula(rAmount, tonnes: t)))
      let gases = try otherGases(r, market, method2: .market, method: "market-based: no residual-mix factor, grid average used")
      c.lines += gases
      let total = gases.reduce(t) { $0 + $1.tonnesCO2e }
      c.residualMWh = mwh
      c.residualFactor = (rf.id, mwh > 0 ? total / mwh : rf.unit.tonnes(of: rf.value) / (rf.unit.perUnit.sizeInBaseUnit / UnitOfMeasure.megawattHours.sizeInBaseUnit))
    }
    return c
  }

  /// The heat of a `heat.*` row: as given for `heat.purchased`; for steam and hot water in
  /// tonnes, the guidelines' enthalpy method (``SteamHeat``) with the row's enthalpy or temperature.
  func heatSupplied(_ r: ActivityRecord) throws(AccountingError) -> (Quantity, text: String?) {
    // heat.purchased in tonnes is steam, as Chinese energy statistics count it.
    let steam = r.activity == "heat.steam" || (r.activity == "heat.purchased" && r.quantity.dimension == .mass)
    switch r.activity {
    case "heat.purchased" where !steam:
      guard r.enthalpy == nil, r.pressure == nil, r.temperature == nil else {
        throw AccountingError(column: "unit", "enthalpy, pressure and temperature describe steam in tonnes; this row gives \(r.quantity.unit.symbol)")
      }
      return (r.quantity, nil)
    case "heat.purchased", "heat.steam", "heat.hot_water":
      let tonnes = try convert(r.quantity, to: .tonnes, column: "unit")
      let heat: (gigajoules: Double, text: String)
      if steam, let h = r.enthalpy {
        heat = SteamHeat.steam(tonnes: tonnes, enthalpy: h)
      } else if steam, r.pressure != nil || r.temperature != nil {
        do { heat = try SteamHeat.steam(tonnes: tonnes, megapascals: r.pressure, celsius: r.temperature) } catch {
          throw AccountingError(column: r.temperature != nil ? "temperature" : "pressure", error.description)
        }
      } else if !steam, r.enthalpy != nil || r.pressure != nil {
        throw AccountingError(column: r.enthalpy != nil ? "enthalpy" : "pressure", "hot water is counted from its temperature alone")
      } else if !steam, let t = r.temperature {
        guard t > SteamHeat.referenceTemperature, t <= 200 else {
          throw AccountingError(column: "temperature", "hot water at \(DecimalFormat.shortest(t)) °C: the method counts heat above 20 °C, for water up to 200 °C")
        }
        heat = SteamHeat.hotWater(tonnes: tonnes, celsius: t)
      } else {
        throw AccountingError(column: steam ? "enthalpy" : "temperature", steam
          ? "steam in \(r.quantity.unit.symbol) needs its enthalpy (kJ/kg) or its absolute pressure (MPa) and temperature (°C) in the enthalpy, pressure and temperature columns: heat = t × (enthalpy − 83.74) × 10⁻³ GJ; no default is cited, or give the heat in GJ"
          : "heat.hot_water needs the supply temperature (°C) in the temperature column: heat = t × (T − 20) × 4.1868 × 10⁻³ GJ; or give heat.purchased in GJ")
      }
      return (Quantity(heat.gigajoules, .gigajoules), heat.text)
    default:
      throw AccountingError(column: "activity", "unknown heat activity \(r.activity); expected heat.purchased, heat.steam or heat.hot_water")
    }
  }

  /// The CH4 and N2O lines of a factor that gives them beside CO2 (eGRID's subregion rates,
  /// the EPA's steam and heat), weighted by the GWP set; none for CO2-only factors.
  mutating func otherGases(_ r: ActivityRecord, _ resolved: ResolvedFactor, quantity: Quantity? = nil,
                           category: String = "electricity", method2: Scope2Method, method: String)
    throws(AccountingError) -> [EmissionLine]
  {
    let primary = resolved.primary
    var lines: [EmissionLine] = []
    for f in resolved.resolution.factors where f.id != primary.id && f.gas != primary.gas
      && f.unit.perUnit.dimension == primary.unit.perUnit.dimension
    {
      let amount = try convert(quantity ?? r.quantity, to: f.unit.perUnit, column: "unit")
      let tonnes = amount * f.unit.tonnes(of: f.value)
      let g = try gwp(f.gas.rawValue)
      lines.append(line(r, scope: .scope2, category: category, method2: method2, gas: f.gas.rawValue, tonnes: tonnes,
                        co2e: tonnes * g, factorID: f.id, version: version(f.datasetID), gwp: options.gwpSet, method: method,
                        formula: "\(Self.number(amount)) \(f.unit.perUnit.symbol) × \(Self.number(f.value)) \(f.unit) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e"))
    }
    return lines
  }

  mutating func heat(_ r: ActivityRecord, region: String) throws(AccountingError) -> [EmissionLine] {
    let (supplied, enthalpyText) = try heatSupplied(r)
    var asHeat = r
    (asHeat.activity, asHeat.quantity) = ("heat.purchased", supplied)
    let (resolved, proxyNote) = try lookupOrProxy(asHeat, region: region)
    let f = resolved.primary
    let amount = try convert(supplied, to: f.unit.perUnit, column: "unit")
    let tonnes = amount * f.unit.tonnes(of: f.value)
    // Steam and hot water: the enthalpy step to GJ first.
    let formula = (enthalpyText.map { "\($0) = \(Self.number(supplied.value)) GJ; " } ?? "") + resolved.formula(amount, tonnes: tonnes)
    var lines = [line(r, scope: .scope2, category: "heat", method2: .location, gas: f.gas.rawValue, tonnes: tonnes,
                      co2e: tonnes, factorID: f.id, version: resolved.version,
                      method: "purchased heat factor " + resolved.origin + (proxyNote.map { " (\($0))" } ?? ""),
                      formula: formula)]
    lines += try otherGases(r, resolved, quantity: supplied, category: "heat", method2: .location, method: lines[0].method)
    if let sf = r.supplierFactor {
      let t = r.quantity.value * sf / 1_000
      lines.append(line(r, scope: .scope2, category: "heat", method2: .market, gas: "CO2e", tonnes: t, co2e: t,
                        factorID: "supplier", version: "", method: "market-based: supplier-specific factor",
                        formula: "\(Self.number(r.quantity.value)) \(r.quantity.unit.symbol) × \(Self.number(sf)) kgCO2e/\(r.quantity.unit.symbol) = \(Self.result(t)) tCO2e"))
    } else {
      lines.append(line(r, scope: .scope2, category: "heat", method2: .market, gas: f.gas.rawValue, tonnes: tonnes,
                        co2e: tonnes, factorID: f.id, version: resolved.version,
                        method: "market-based: no supplier factor, purchased heat factor", formula: formula))
      lines += try otherGases(r, resolved, quantity: supplied, category: "heat", method2: .market,
                              method: "market-based: no supplier factor, purchased heat factor")
    }
    return lines
  }
}
