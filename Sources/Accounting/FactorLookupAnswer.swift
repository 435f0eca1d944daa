public import FactorTables
public import Quantities
public import Tabular

/// What `greenledger factors lookup` answers: the factor rows of an activity, region and day
/// with their resolution trace, or the combustion factor derived from default fuel parameters
/// (NCV × CC × OF × 44/12, GB/T 32151 and IPCC 2006 Vol. 2 eq. 2.1) when those sit nearer on
/// the region chain — and, when asked, the lines ``CarbonAccounting`` computes for a quantity.
public struct FactorLookupAnswer: Sendable {
  /// The factor rows found and their resolution trace, when factor rows answer.
  public var resolution: FactorResolution?
  /// The combustion factor derived from default fuel parameters, when those answer.
  public var combustion: CombustionFactor?
  /// The activity key looked up.
  public var activity: String
  /// The region looked up.
  public var region: String
  /// The activity day looked up.
  public var date: Day
  /// The region whose fuel parameters stand in (`region_proxies`), when `region` has none.
  public var proxyRegion: String?
  /// The lines `account` computes for `--quantity`, when asked.
  public var accountLines: [EmissionLine] = []

  /// Looks the activity up in `set`.
  ///
  /// - Parameters:
  ///   - set: the factor set.
  ///   - activity: the activity key (e.g. `electricity.grid`), read as account reads it
  ///     (``ActivityKeySpelling``: `Electricity.Grid`, `stationary.柴油`).
  ///   - region: an ISO 3166 code, e.g. `CN-ZJ`.
  ///   - date: the activity day.
  ///   - series: a series (e.g. `ets.national-grid`) instead of the series-defaults table's.
  ///   - pin: only this dataset version, never falling back.
  /// - Throws: `FactorLookupError` when no factor or fuel parameter applies.
  public init(_ set: FactorSet, activity: String, region: String, date: Day,
              series: String? = nil, pin: DatasetPin? = nil) throws
  {
    let activity = ActivityKeySpelling.canonical(activity) ?? activity
    (self.activity, self.region, self.date) = (activity, region, date)
    let family = activity.prefix { $0 != "." }
    let fuel = String(activity.drop { $0 != "." }.dropFirst())
    if series == nil, pin == nil, family == "stationary" || family == "mobile",
      let parameters = try? set.fuelParameters(fuel, in: region, on: date)
    {
      // Fuel parameters win when they sit nearer on the region chain than any factor row.
      let chain = set.regionChain(region)
      let factorLevel = chain.firstIndex { level in
        set.emissionFactors.contains { $0.activity == activity && $0.region == level }
      } ?? chain.count
      if chain.firstIndex(of: parameters.region) ?? chain.count <= factorLevel {
        combustion = try set.combustionFactor(fuel, in: region, on: date)
        return
      }
    }
    do { resolution = try set.lookup(activity, in: region, on: date, series: series, pin: pin) } catch {
      // What the region has no factor or parameters for takes its family's proxy region's, as
      // `account` does (scope 3, heat, the fuels IPCC 2006 does not define).
      guard series == nil, pin == nil, let proxy = set.proxy(for: String(family), in: region)?.proxyRegion else { throw error }
      if family == "stationary" || family == "mobile", let c = try? set.combustionFactor(fuel, in: proxy, on: date) {
        combustion = c
      } else {
        guard let r = try? set.lookup(activity, in: proxy, on: date) else { throw error }
        resolution = r
      }
      proxyRegion = proxy
    }
  }

  /// The answer as `factors lookup --format json` prints it.
  public func json(set: FactorSet) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("activity", .string(activity)), ("region", .string(region)), ("date", .string(date.description)),
    ]
    if let c = combustion, let p = c.parameters {
      members += [
        ("value", .number("\(c.tonnesCO2PerUnit)")), ("unit", .string("tCO2/\(c.perUnit.symbol)")),
        ("gas", .string("CO2")), ("factor_id", .string("derived:\(p.id)")),
        ("dataset", .string(p.datasetID)), ("version", .string(set.datasets[p.datasetID]?.version ?? "")),
        ("method", .string("NCV × CC × OF × 44/12")), ("formula", .string(c.formula)),
        ("tier", .string(c.tier.rawValue)),
        ("source", citation(p.citation)),
        ("trace", .array([.string("matched: derived from \(p.id) (\(p.region)) in \(p.datasetID)" + proxyText)])),
      ]
    } else if let r = resolution {
      let f = r.primary
      members += [
        ("value", .number("\(f.value)")), ("unit", .string(f.unit.description)), ("gas", .string(f.gas.rawValue)),
        ("factor_id", .string(f.id)), ("dataset", .string(f.datasetID)),
        ("version", .string(set.datasets[f.datasetID]?.version ?? "")), ("series", .string(f.series)),
        ("factor_region", .string(f.region)),
        ("valid_from", .string(f.validity.from?.description ?? "")),
        ("valid_to", .string(f.validity.to?.description ?? "")),
        ("source", citation(f.citation)),
        ("factors", .array(r.factors.map { g in
          .object([("factor_id", .string(g.id)), ("gas", .string(g.gas.rawValue)),
                   ("value", .number("\(g.value)")), ("unit", .string(g.unit.description))])
        })),
        ("trace", .array(r.trace.map { .string($0.description) } + (proxyRegion.map { [.string("proxy region \($0): no factor for \(region)")] } ?? []))),
      ]
    }
    if !accountLines.isEmpty {
      members.append(("account_lines", .array(accountLines.map { l in
        .object([("scope", .string(l.scope.rawValue)), ("gas", .string(l.gas)), ("tonnes_co2e", .number("\(l.tonnesCO2e)")),
                 ("factor_id", .string(l.factorID)), ("method", .string(l.method)), ("formula", .string(l.formula))])
      })))
    }
    members.append(("factor_set_digest", .string(set.digest)))
    return .object(members)
  }

  private var proxyText: String {
    proxyRegion.map { "; proxy region \($0): no parameters for \(region)" } ?? ""
  }

  private func citation(_ c: Citation) -> JSONValue {
    .object([("publisher", .string(c.publisher)), ("document", .string(c.source)),
             ("year", .string(c.year)), ("url", .string(c.url))])
  }

  /// The answer as `factors lookup` prints it: values, formula, source and trace.
  public var text: String {
    let account = accountLines.map { "  account: \($0.method) — \($0.formula) [\($0.factorID)]" }
    if let c = combustion, let p = c.parameters {
      return ([
        "\(activity) in \(region) on \(date): \(c.tonnesCO2PerUnit) tCO2/\(c.perUnit.symbol) (\(c.tier.rawValue) tier)\(proxyText)",
        "  = \(c.formula)",
        "  parameters \(p.id) from \(p.datasetID): \(p.citation.source)",
      ] + account).joined(separator: "\n")
    }
    guard let r = resolution else { return account.joined(separator: "\n") }
    var lines = ["\(activity) in \(region) on \(date):"]
    for f in r.factors { lines.append("  \(f.value) \(f.unit)  [\(f.id), \(f.datasetID), \(f.series), \(f.validity)]") }
    lines.append("  source: \(r.primary.citation.publisher) — \(r.primary.citation.source)")
    if let p = proxyRegion { lines.append("  proxy region \(p): no factor for \(region) (region_proxies)") }
    for step in r.trace { lines.append("  \(step)") }
    return (lines + account).joined(separator: "\n")
  }
}
