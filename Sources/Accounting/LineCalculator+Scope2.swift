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

  /// The CH4 and N2O lines of a grid factor that gives them beside CO2 (eGRID's subregion
  /// rates), weighted by the GWP set; none for the CO2-only factors of most grids.
  mutating func otherGases(_ r: ActivityRecord, _ resolved: ResolvedFactor, method2: Scope2Method, method: String)
    throws(AccountingError) -> [EmissionLine]
  {
    let primary = resolved.primary
    var lines: [EmissionLine] = []
    for f in resolved.resolution.factors where f.id != primary.id && f.gas != primary.gas
      && f.unit.perUnit.dimension == primary.unit.perUnit.dimension
    {
      let amount = try convert(r.quantity, to: f.unit.perUnit, column: "unit")
      let tonnes = amount * f.unit.tonnes(of: f.value)
      let g = try gwp(f.gas.rawValue)
      lines.append(line(r, scope: .scope2, category: "electricity", method2: method2, gas: f.gas.rawValue, tonnes: tonnes,
                        co2e: tonnes * g, factorID: f.id, version: version(f.datasetID), gwp: options.gwpSet, method: method,
                        formula: "\(Self.number(amount)) \(f.unit.perUnit.symbol) × \(Self.number(f.value)) \(f.unit) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e"))
    }
    return lines
  }

  mutating func heat(_ r: ActivityRecord, region: String) throws(AccountingError) -> [EmissionLine] {
    let (resolved, proxyNote) = try lookupOrProxy(r, region: region)
    let f = resolved.primary
    let amount = try convert(r.quantity, to: f.unit.perUnit, column: "unit")
    let tonnes = amount * f.unit.tonnes(of: f.value)
    let formula = resolved.formula(amount, tonnes: tonnes)
    var lines = [line(r, scope: .scope2, category: "heat", method2: .location, gas: f.gas.rawValue, tonnes: tonnes,
                      co2e: tonnes, factorID: f.id, version: resolved.version,
                      method: "purchased heat factor " + resolved.origin + (proxyNote.map { " (\($0))" } ?? ""),
                      formula: formula)]
    if let sf = r.supplierFactor {
      let t = r.quantity.value * sf / 1_000
      lines.append(line(r, scope: .scope2, category: "heat", method2: .market, gas: "CO2e", tonnes: t, co2e: t,
                        factorID: "supplier", version: "", method: "market-based: supplier-specific factor",
                        formula: "\(Self.number(r.quantity.value)) \(r.quantity.unit.symbol) × \(Self.number(sf)) kgCO2e/\(r.quantity.unit.symbol) = \(Self.result(t)) tCO2e"))
    } else {
      lines.append(line(r, scope: .scope2, category: "heat", method2: .market, gas: f.gas.rawValue, tonnes: tonnes,
                        co2e: tonnes, factorID: f.id, version: resolved.version,
                        method: "market-based: no supplier factor, purchased heat factor", formula: formula))
    }
    return lines
  }
}
