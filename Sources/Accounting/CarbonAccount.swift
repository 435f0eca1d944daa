public import LoanBook
public import FactorTables
public import Quantities

/// An enterprise carbon account (企业碳账户) for one calendar year: totals by scope, gas,
/// scope 3 category and facility, intensities, and the Zhejiang/Huzhou carbon-efficiency
/// grade. Every total is an exact sum of its lines, rounded to the gram.
public struct CarbonAccount: Hashable, Sendable {
  /// The enterprise accounted.
  public let entity: EntityID
  /// The enterprise's name (borrowers.csv `name`), when known.
  public let entityName: String?
  /// The calendar year accounted.
  public let year: Int
  /// tCO2e.
  public let scope1: Double
  /// Scope 2, location-based, tCO2e.
  public let scope2Location: Double
  /// Scope 2, market-based, tCO2e.
  public let scope2Market: Double
  /// Scope 3, tCO2e.
  public let scope3: Double
  /// Biogenic CO2, tonnes, outside the scopes.
  public let biogenicCO2: Double
  /// scope 1 + scope 2 (location-based) + scope 3.
  public var total: Double { Self.sum([scope1, scope2Location, scope3]) }
  /// scope 1 + scope 2 (market-based) + scope 3.
  public var totalMarket: Double { Self.sum([scope1, scope2Market, scope3]) }
  /// tCO2e by gas (`CO2`, `CH4`, `N2O`, `SF6`, …), scopes 1–3, location-based.
  public let byGas: [String: Double]
  /// tCO2e by scope 3 category.
  public let byScope3Category: [Int: Double]
  /// Per facility id (`""` for rows without one).
  public let byFacility: [String: FacilityEmissions]
  /// Unbundled certificates applied to market-based scope 2, MWh.
  public let certificatesMWh: Double
  /// The entity's reporting currency.
  public let currency: Currency
  /// tCO2e per 10^4 of ``currency`` of revenue.
  public let intensityRevenue: Double?
  /// tCO2e per 10^4 of ``currency`` of value added.
  public let intensityValueAdded: Double?
  /// tCO2e per unit of output, with the unit.
  public let intensityOutput: (value: Double, unit: String)?
  /// Carbon efficiency (Zhejiang/Huzhou), when value added in CNY is known.
  public let carbonEfficiency: CarbonEfficiency?
  /// The base year and the change of ``total`` against it, when the run has several years.
  public let baseYear: Int?
  /// The change against the base year, like for like (``baseYearComparison``): the same scopes
  /// and boundary on both sides; `nil` without a base year or when its compared total is 0.
  public let changeVersusBaseYear: Double?
  /// The like-for-like comparison with the base year behind ``changeVersusBaseYear``: the
  /// scopes compared and every adjustment (`nil` in the base year itself).
  public let baseYearComparison: BaseYearComparison?
  /// Scope 1 + 2 (location-based) per 10^4 of revenue: an intensity that compares entities
  /// whether or not they report scope 3.
  public let intensityRevenueScope12: Double?
  /// The methodology and GWP set of the lines.
  public let methodology: Methodology
  /// The GWP set of the lines.
  public let gwpSet: GWPSet
  /// Number of emission lines summed.
  public let lineCount: Int

  /// The exact sum of `xs` at the gram (6 decimals of a tonne), as a `Double`.
  public static func sum(_ xs: [Double]) -> Double {
    var s = ExactSum(decimalPlaces: 6)
    for x in xs { try? s.add(x) }
    return s.value
  }

  /// Compares entity, year, scope totals, biogenic CO2 and carbon efficiency.
  public static func == (a: CarbonAccount, b: CarbonAccount) -> Bool {
    a.entity == b.entity && a.year == b.year && a.scope1 == b.scope1 && a.scope2Location == b.scope2Location
      && a.scope2Market == b.scope2Market && a.scope3 == b.scope3 && a.biogenicCO2 == b.biogenicCO2
      && a.carbonEfficiency == b.carbonEfficiency
  }

  /// Hashes entity, year and scope 1.
  public func hash(into h: inout Hasher) {
    h.combine(entity)
    h.combine(year)
    h.combine(scope1)
  }
}

/// The Zhejiang/Huzhou carbon-efficiency evaluation of one enterprise-year
/// (《规上工业企业碳效等级评价方法》): L = energy-related emissions / value added, its level,
/// K = L / sector-average L, and the grade 1–5.
public struct CarbonEfficiency: Hashable, Sendable {
  /// tCO2 per 10^4 CNY of value added.
  public let l: Double
  /// `低碳`, `中碳` or `高碳` (scheme `zj-l`).
  public let level: GradeBand?
  /// The sector average L used.
  public let sectorAverage: Double?
  /// L / sector average.
  public let k: Double?
  /// Grade 1 (best) … 5 (scheme `zj-huzhou-k`).
  public let grade: GradeBand?
  /// Where the sector average came from: `benchmarks: <source>` or
  /// `run: <n> entities of <sector> <year>`.
  public let benchmarkSource: String?
}
