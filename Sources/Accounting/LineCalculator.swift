import LoanBook
import FactorTables
import Quantities

/// Turns one activity record into emission lines, by the record's activity family:
/// combustion (GB/T 32151 / GHG Protocol / EPA), purchased electricity and heat (location-
/// and market-based), process, fugitive and scope 3. Factor look-ups are cached per
/// (activity, region, date, series), so a file of millions of rows costs a few hundred
/// look-ups.
///
/// Not thread-safe: give each thread its own calculator (they are cheap).
struct LineCalculator {
  let factors: FactorSet
  let options: AccountingOptions
  var lookups: [LookupKey: Result<ResolvedFactor, FactorLookupError>] = [:]
  var parameters: [ParameterKey: Result<FuelParameters, FactorLookupError>] = [:]
  /// Combustion factors from default parameters only (no measured value on the row).
  var defaultCombustion: [ParameterKey: DefaultCombustion] = [:]
  var versions: [String: String] = [:]
  var gasKeys: [String: String?] = [:]
  /// Each region's combustion method.
  var methods: [String: RegionMethod] = [:]
  /// Default densities by fuel, region, day and volume kind (`nil`: none).
  var densities: [DensityKey: FuelDensity?] = [:]

  struct LookupKey: Hashable {
    let activity: String
    let region: String
    let date: Day
    let series: String?
  }

  /// A factor look-up's result with the texts of its primary factor, built once per look-up
  /// key instead of once per line. A class, so that taking it from the cache costs one
  /// reference count (the calculator's own: no other thread touches it), not one per string.
  final class ResolvedFactor: Sendable {
    let resolution: FactorResolution
    let primary: EmissionFactor
    /// `dataset@version` of the primary factor.
    let version: String
    /// The primary factor's part of `amount unit × value unit = result tGAS`: from the space
    /// after the amount to the space before the result, and from the result on.
    let formulaMiddle: String
    let formulaEnd: String

    /// `(series, region)` of the primary factor, with `; GLOBAL fallback: …` when a region's
    /// look-up ended at GLOBAL: the part of a line's method naming the factor.
    let origin: String

    init(_ resolution: FactorResolution, version: String, region: String) {
      let f = resolution.primary
      (self.resolution, primary, self.version) = (resolution, f, version)
      formulaMiddle = " \(f.unit.perUnit.symbol) × \(LineCalculator.number(f.value)) \(f.unit) = "
      formulaEnd = " t\(f.gas.rawValue)"
      let fallback = f.region == "GLOBAL" && region != "GLOBAL" ? "; GLOBAL fallback: no factor for \(region)" : ""
      origin = "(\(f.series), \(f.region)\(fallback))"
    }

    /// `50 MWh × 0.5703 tCO2/MWh = 28.515 tCO2` for `amount` in the factor's unit.
    func formula(_ amount: Double, tonnes: Double) -> String {
      LineCalculator.number(amount) + formulaMiddle + LineCalculator.result(tonnes) + formulaEnd
    }
  }

  /// The combustion factor of a fuel's default parameters in a region on a day, with the
  /// constant texts of its lines, built once per key (a class: one reference count per use).
  final class DefaultCombustion: Sendable {
    let factor: CombustionFactor
    let parameters: FuelParameters
    let factorID: String
    let version: String
    /// ` × NCV GJ/t × CC tC/TJ × OF × 44/12 = `
    let parametersText: String

    init(factor: CombustionFactor, parameters: FuelParameters, version: String) {
      (self.factor, self.parameters, self.version) = (factor, parameters, version)
      factorID = "derived:\(parameters.id)"
      parametersText = LineCalculator.parametersText(factor)
    }
  }

  /// The part of a GB/T 32151 formula after the amount: ` × NCV GJ/t × CC tC/TJ × OF × 44/12 = `.
  static func parametersText(_ cf: CombustionFactor) -> String {
    " × \(number(cf.ncvGigajoules)) GJ/\(cf.perUnit.symbol) × \(number(cf.carbonContent)) tC/TJ × "
      + "\(number(cf.oxidationRate)) × 44/12 = "
  }

  struct ParameterKey: Hashable {
    let fuel: String
    let region: String
    let date: Day
  }

  init(factors: FactorSet, options: AccountingOptions) {
    self.factors = factors
    self.options = options
  }

  /// What a record contributes to its entity-year beyond its lines.
  struct Contribution {
    var lines: [EmissionLine] = []
    /// Grid electricity priced at a residual (or proxy) factor: MWh and the factor (tCO2/MWh).
    var residualMWh: Double = 0
    var residualFactor: (id: String, tonnesPerMWh: Double)?
    /// Unbundled certificates retired, MWh.
    var certificateMWh: Double = 0
  }

  mutating func contribution(of record: ActivityRecord, entity: Enterprise) throws(AccountingError) -> Contribution {
    if record.period.firstDay > options.asOf {
      throw AccountingError(column: "period",
        "period \(record.period) starts after the as-of date \(options.asOf): activity data cannot be in the future")
    }
    if record.scope3Category != nil, Self.scope3Categories[String(record.family)] == nil {
      throw AccountingError(column: "scope3_category",
        "given on a \(record.family) row; scope 3 categories apply to spend, freight, travel, waste and water rows")
    }
    if record.instrument != nil, record.activity != "electricity.grid" {
      throw AccountingError(column: "instrument", "contractual instruments apply to electricity.grid rows only")
    }
    if record.enthalpy != nil || record.pressure != nil || record.temperature != nil, record.family != "heat" {
      throw AccountingError(column: record.enthalpy != nil ? "enthalpy" : record.pressure != nil ? "pressure" : "temperature",
                            "enthalpy, pressure and temperature describe purchased steam or hot water (heat rows); this row is \(record.activity)")
    }
    let region = record.region ?? entity.defaultRegion
    switch record.family {
    case "stationary", "mobile": return Contribution(lines: try combustion(record, entity: entity, region: region))
    case "electricity": return try electricity(record, region: region)
    case "heat": return Contribution(lines: try heat(record, region: region))
    case "fugitive": return Contribution(lines: [try fugitive(record)])
    case "process": return Contribution(lines: try simple(record, region: region, scope: .scope1, category: "process"))
    case "spend", "freight", "travel", "waste", "water": return Contribution(lines: try scope3(record, region: region))
    case "certificate":
      guard ["certificate.gec", "certificate.irec"].contains(record.activity) else {
        throw AccountingError(column: "activity", "unknown certificate type \(record.activity); expected certificate.gec or certificate.irec")
      }
      var c = Contribution()
      c.certificateMWh = try convert(record.quantity, to: .megawattHours, column: "unit")
      return c
    default:
      throw AccountingError(column: "activity", "unknown activity family in \(record.activity)")
    }
  }

  // MARK: Look-ups

  mutating func lookup(_ activity: String, _ region: String, _ period: Period, series: String? = nil)
    throws(AccountingError) -> ResolvedFactor
  {
    let key = LookupKey(activity: activity, region: region, date: period.firstDay, series: series)
    let result: Result<ResolvedFactor, FactorLookupError>
    if let cached = lookups[key] {
      result = cached
    } else {
      do {
        let resolution = try factors.lookup(activity, in: region, on: period.firstDay, series: series)
        result = .success(ResolvedFactor(resolution, version: version(resolution.primary.datasetID), region: region))
      } catch {
        result = .failure(error)
      }
      lookups[key] = result
    }
    switch result {
    case .success(let r):
      try checkAge(r.primary.validity, period)
      return r
    case .failure(let e): throw AccountingError(column: "activity", e.message)
    }
  }

  func checkAge(_ validity: Validity, _ period: Period) throws(AccountingError) {
    if let to = validity.to, to.year + options.maximumFactorAgeYears < period.year {
      throw AccountingError(column: "period",
        "period \(period) is beyond the factor tables: the latest factor is valid to \(to), more than "
        + "\(options.maximumFactorAgeYears) years earlier; add newer factors or correct the period")
    }
    if let from = validity.from, from.year - options.maximumFactorAgeYears > period.year {
      throw AccountingError(column: "period",
        "period \(period) is before the factor tables: the earliest factor is valid from \(from), more than "
        + "\(options.maximumFactorAgeYears) years later; add older factors or correct the period")
    }
  }

  mutating func defaults(_ fuel: String, _ region: String, _ period: Period) throws(AccountingError) -> FuelParameters {
    let key = ParameterKey(fuel: fuel, region: region, date: period.firstDay)
    let result: Result<FuelParameters, FactorLookupError>
    if let cached = parameters[key] {
      result = cached
    } else {
      do { result = .success(try factors.fuelParameters(fuel, in: region, on: period.firstDay)) }
      catch { result = .failure(error) }
      parameters[key] = result
    }
    switch result {
    case .success(let p): return p
    case .failure(let e): throw AccountingError(column: "activity", e.message)
    }
  }

  mutating func version(_ datasetID: String) -> String {
    if let v = versions[datasetID] { return v }
    let v = "\(datasetID)@\(factors.datasets[datasetID]?.version ?? "?")"
    versions[datasetID] = v
    return v
  }

  func convert(_ q: Quantity, to unit: UnitOfMeasure, column: String) throws(AccountingError) -> Double {
    do { return try q.value(in: unit) } catch {
      throw AccountingError(column: column, "\(q.unit.symbol) (\(q.unit.dimension)) cannot be used here: "
        + "the factor is per \(unit.symbol) (\(unit.dimension)); \(error.kind == .currencyMismatch ? "no exchange rate is applied in accounting" : "give the quantity in a \(unit.dimension) unit")")
    }
  }

  func line(_ r: ActivityRecord, scope: Scope, category: String, method2: Scope2Method? = nil,
                    gas: String, tonnes: Double, co2e: Double, factorID: String, version: String,
                    gwp: GWPSet? = nil, method: String, tier: ParameterTier? = nil, formula: String) -> EmissionLine
  {
    EmissionLine(entity: r.entity, period: r.period, facility: r.facility, activity: r.activity,
                 scope: scope, category: category, scope2Method: method2, gas: gas, tonnes: tonnes,
                 tonnesCO2e: co2e, factorID: factorID, factorVersion: version, gwpSet: gwp,
                 method: method, tier: tier, formula: formula, origin: r.origin)
  }

  static func number(_ x: Double) -> String { DecimalFormat.shortest(x) }
  static func result(_ x: Double) -> String { DecimalFormat.trimmed(x, places: 6) }

  func gwp(_ gas: String) throws(AccountingError) -> Double {
    do { return try factors.gwp(of: gas, in: options.gwpSet) } catch {
      throw AccountingError(column: "activity", error.message)
    }
  }

  /// The category of fugitive lines of Montreal-Protocol gases (HCFC-22), kept out of every total.
  static let nonKyotoCategory = "fugitive_non_kyoto"

  // MARK: Scope 1 process and fugitive, scope 3

  /// The GWP table key of a fugitive activity: `fugitive.hfc134a` → `HFC-134a`,
  /// `fugitive.r404a` → `R-404A`, `fugitive.r32` → `HFC-32`, `fugitive.r22` → `HCFC-22`,
  /// `fugitive.sf6` → `SF6` (case, `-` and `_` ignored).
  func gasKey(_ subject: Substring) -> String? {
    func normal(_ s: some StringProtocol) -> String { s.lowercased().filter { $0 != "-" && $0 != "_" } }
    let wanted = normal(subject)
    // ASHRAE numbers of pure refrigerants: R-32 is HFC-32, R-134a HFC-134a, R-22 HCFC-22.
    var names = [wanted]
    if wanted.hasPrefix("r"), wanted.dropFirst().first?.isNumber == true {
      names += ["hfc", "hcfc", "pfc"].map { $0 + wanted.dropFirst() }
    }
    let keys = Set(factors.gwp[options.gwpSet]?.keys.map { $0 } ?? []).union(factors.blends.keys)
    for name in names {
      if let key = keys.sorted().first(where: { normal($0) == name }) { return key }
    }
    return nil
  }

  mutating func fugitive(_ r: ActivityRecord) throws(AccountingError) -> EmissionLine {
    let gasKey: String?
    if let cached = gasKeys[r.activity] { gasKey = cached } else {
      gasKey = self.gasKey(r.subject)
      gasKeys[r.activity] = .some(gasKey)
    }
    guard let gas = gasKey else {
      let known = Set(factors.gwp[options.gwpSet]?.keys.map { $0 } ?? []).union(factors.blends.keys)
      throw AccountingError(column: "activity", "no \(options.gwpSet.rawValue) GWP for the gas of \(r.activity); "
        + "fugitive.<gas> takes one of \(known.sorted().joined(separator: ", ")) (case, - and _ ignored)")
    }
    let tonnes = try convert(r.quantity, to: .tonnes, column: "unit")
    let g = try gwp(gas)
    let gwpSource = factors.gwp[options.gwpSet]?[gas]?.datasetID ?? "gwp"
    if factors.nonKyotoGases.contains(gas) {
      // HCFCs are controlled by the Montreal Protocol, not the Kyoto basket: reported on the line
      // with their CO2e, outside the scopes and the totals (GHG Protocol Corporate Standard, ch. 4).
      return line(r, scope: .outside, category: Self.nonKyotoCategory, gas: gas, tonnes: tonnes, co2e: tonnes * g,
                  factorID: "GWP-\(options.gwpSet.rawValue)-\(gas)", version: version(gwpSource),
                  gwp: options.gwpSet, method: "mass released × GWP-100; Montreal-Protocol gas, reported apart (not in scope 1)",
                  formula: "\(Self.number(tonnes)) t \(gas) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e")
    }
    return line(r, scope: .scope1, category: "fugitive", gas: gas, tonnes: tonnes, co2e: tonnes * g,
                factorID: "GWP-\(options.gwpSet.rawValue)-\(gas)", version: version(gwpSource),
                gwp: options.gwpSet, method: "mass released × GWP-100",
                formula: "\(Self.number(tonnes)) t \(gas) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e")
  }

  /// One line per gas of the activity's factors (a process may emit CF4 and C2F6 at once),
  /// non-CO2 gases weighted by the GWP set.
  mutating func simple(_ r: ActivityRecord, region: String, scope: Scope, category: String) throws(AccountingError)
    -> [EmissionLine]
  {
    let (resolution, proxyNote) = try lookupOrProxy(r, region: region)
    let primary = resolution.primary
    var lines: [EmissionLine] = []
    for f in resolution.resolution.factors where f.unit.perUnit.dimension == primary.unit.perUnit.dimension {
      let amount = try convert(r.quantity, to: f.unit.perUnit, column: "unit")
      let tonnes = amount * f.unit.tonnes(of: f.value)
      let weighted = f.gas == .co2 || f.gas == .co2e
      let g = weighted ? 1 : try gwp(f.gas.rawValue)
      let method = "activity × \(f.series) factor" + (proxyNote.map { " (\($0))" } ?? "")
      let formula = f.id == primary.id ? resolution.formula(amount, tonnes: tonnes)
        : "\(Self.number(amount)) \(f.unit.perUnit.symbol) × \(Self.number(f.value)) \(f.unit) × GWP \(Self.number(g)) = \(Self.result(tonnes * g)) tCO2e"
      lines.append(line(r, scope: scope, category: category, gas: f.gas.rawValue, tonnes: tonnes, co2e: tonnes * g,
                        factorID: f.id, version: version(f.datasetID), gwp: weighted ? nil : options.gwpSet,
                        method: method, formula: formula))
    }
    return lines
  }

  /// The factor of `r` in `region`, else in its family's proxy region (`--scope3-proxy-region`
  /// for scope 3, else the factor set's `region_proxies`), with the note the line must carry.
  mutating func lookupOrProxy(_ r: ActivityRecord, region: String) throws(AccountingError)
    -> (ResolvedFactor, proxyNote: String?)
  {
    do { return (try lookup(r.activity, region, r.period), nil) } catch {
      let family = String(r.family)
      let chosen = family != "spend" && Self.scope3Categories[family] != nil ? options.scope3ProxyRegion : nil
      guard let proxy = chosen ?? factors.proxy(for: family, in: region)?.proxyRegion, proxy != region else { throw error }
      let resolved = try lookup(r.activity, proxy, r.period)
      return (resolved, "proxy region \(resolved.primary.region): none for \(region)")
    }
  }

  /// Default scope 3 category of each family (GHG Protocol Corporate Value Chain (Scope 3)
  /// Standard, Table 5.4): purchased goods and services (1: spend, water supply), upstream
  /// transportation (4), waste generated in operations (5, with wastewater treatment), business
  /// travel (6, hotel stays included).
  static let scope3Categories: [String: Int] = ["spend": 1, "freight": 4, "waste": 5, "travel": 6, "water": 1]
  static let scope3ActivityCategories: [String: Int] = ["water.treatment": 5]

  mutating func scope3(_ r: ActivityRecord, region: String) throws(AccountingError) -> [EmissionLine] {
    let defaultCategory = Self.scope3ActivityCategories[r.activity] ?? Self.scope3Categories[String(r.family)]!
    let category = String(r.scope3Category ?? defaultCategory)
    if r.family == "spend" { return [try spend(r, region: region, category: category)] }
    return try simple(r, region: region, scope: .scope3, category: category)
  }
}
