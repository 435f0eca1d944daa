public import Quantities

/// Exchange rates into one reporting currency (`--fx`): units of the reporting currency
/// per unit of each currency, with the date and source of each rate.
///
/// A currency without a rate cannot be converted: callers reject the row rather than guess.
public struct ExchangeRates: Hashable, Sendable {
  /// One rate.
  public struct Rate: Hashable, Sendable {
    /// The currency the rate converts from.
    public let currency: Currency
    /// Units of the reporting currency per unit of ``currency``.
    public let value: Double
    /// The date of the rate, when given.
    public let date: Day?
    /// Where the rate comes from, when given.
    public let source: String?

    /// Creates a rate of `value` units of the reporting currency per unit of `currency`.
    public init(currency: Currency, value: Double, date: Day? = nil, source: String? = nil) {
      self.currency = currency
      self.value = value
      self.date = date
      self.source = source
    }
  }

  /// The currency every amount is converted into.
  public let reportingCurrency: Currency
  /// The rates as given; of repeats the last applies, and one for the reporting currency is ignored.
  public let rates: [Rate]
  /// A handful of currencies: a linear scan beats hashing.
  private let currencies: [Currency]
  private let values: [Double]

  /// Rates into `reportingCurrency`; the reporting currency itself is always 1 (a rate given
  /// for it is ignored here; ``read(file:reportingCurrency:)`` refuses one that is not 1).
  public init(reportingCurrency: Currency = .cny, rates: [Rate] = []) {
    self.reportingCurrency = reportingCurrency
    self.rates = rates
    var currencies = [reportingCurrency]
    var values = [1.0]
    for r in rates where r.currency != reportingCurrency {
      if let i = currencies.firstIndex(of: r.currency) { values[i] = r.value } else {
        currencies.append(r.currency)
        values.append(r.value)
      }
    }
    self.currencies = currencies
    self.values = values
  }

  /// Units of the reporting currency per unit of `currency`, or `nil` without a rate.
  @inline(__always)
  public func rate(_ currency: Currency) -> Double? {
    for i in currencies.indices where currencies[i] == currency { return values[i] }
    return nil
  }

  /// `amount` of `currency` in the reporting currency, or `nil` without a rate.
  @inline(__always)
  public func converted(_ amount: Double, from currency: Currency) -> Double? {
    rate(currency).map { amount * $0 }
  }
}

/// A sector emission intensity for PCAF option 3 estimates: tCO2e per million of a
/// currency of revenue (option 3a) or of assets (option 3b).
public struct EconomicIntensity: Hashable, Sendable {
  /// What an intensity is per million of: revenue (option 3a) or assets (option 3b).
  public enum Basis: String, Hashable, Sendable { case revenue, assets }

  /// The intensity's id, named in ``FinancedEmission/emissionsSource``.
  public let id: String
  /// A GB/T 4754 code prefix: `D`, `D44`, `D4411`. The longest matching prefix applies.
  public let sectorPrefix: String
  /// Whether the intensity is per revenue or per assets.
  public let basis: Basis
  /// tCO2e per million of ``currency``.
  public let tonnesPerMillion: Double
  /// The currency of the million in ``tonnesPerMillion``.
  public let currency: Currency
  /// The year of the intensity, when known.
  public let year: Int?
  /// Where the intensity comes from.
  public let source: String

  /// Creates an intensity of `tonnesPerMillion` tCO2e per million `currency` of `basis` for codes starting with `sectorPrefix`.
  public init(id: String, sectorPrefix: String, basis: Basis, tonnesPerMillion: Double, currency: Currency,
              year: Int?, source: String)
  {
    self.id = id
    self.sectorPrefix = sectorPrefix
    self.basis = basis
    self.tonnesPerMillion = tonnesPerMillion
    self.currency = currency
    self.year = year
    self.source = source
  }
}

/// Sector intensities, matched by the longest prefix of a borrower's sector code.
public struct SectorIntensityTable: Hashable, Sendable {
  /// The intensities, as given.
  public let intensities: [EconomicIntensity]
  /// (basis, packed prefix) keys in ascending order, with the intensity's index: a binary
  /// search per prefix length, no hashing or allocation per look-up.
  private let keys: [UInt64]
  private let positions: [Int]

  /// A table of `intensities`; a prefix longer than 7 ASCII bytes never matches.
  public init(_ intensities: [EconomicIntensity]) {
    self.intensities = intensities
    var keyed: [(UInt64, Int)] = []
    for (i, s) in intensities.enumerated() {
      if let key = Self.key(Substring(s.sectorPrefix), s.basis) { keyed.append((key, i)) }
    }
    keyed.sort { $0.0 < $1.0 }
    keys = keyed.map(\.0)
    positions = keyed.map(\.1)
  }

  /// A sector code of up to 7 ASCII bytes and the basis, packed into one integer.
  private static func key(_ code: Substring, _ basis: EconomicIntensity.Basis) -> UInt64? {
    guard code.utf8.count <= 7 else { return nil }
    var key: UInt64 = basis == .revenue ? 1 : 2
    for b in code.utf8 { key = key << 8 | UInt64(b) }
    return key << (8 * UInt64(7 - code.utf8.count))
  }

  /// The intensity of the longest prefix of `sector` for `basis`, or `nil`.
  public func match(sector: String, basis: EconomicIntensity.Basis) -> EconomicIntensity? {
    var prefix = Substring(sector)
    while !prefix.isEmpty {
      if let key = Self.key(prefix, basis) {
        var low = 0
        var high = keys.count
        while low < high {
          let mid = (low + high) / 2
          if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        if low < keys.count, keys[low] == key { return intensities[positions[low]] }
      }
      prefix = prefix.dropLast()
    }
    return nil
  }
}

/// A country's PPP-adjusted GDP and production emissions, for sovereign debt (PCAF §5.7).
public struct CountryData: Hashable, Sendable {
  /// ISO 3166-1 alpha-2 code of the country.
  public let country: String
  /// The year of the GDP and emissions figures.
  public let year: Int
  /// GDP, PPP, current international dollars.
  public let gdpPPP: Double
  /// tCO2e, excluding and including LULUCF.
  public let emissionsExcludingLULUCF: Double
  /// Emissions including LULUCF, tCO2e; `nil` when not given.
  public let emissionsIncludingLULUCF: Double?
  /// Whether the emissions are a verified (UNFCCC-reviewed) inventory: data-quality 1, else 2.
  public let isVerified: Bool
  /// Where the figures come from.
  public let source: String

  /// Creates a country's figures: GDP in current international dollars, emissions in tCO2e.
  public init(country: String, year: Int, gdpPPP: Double, emissionsExcludingLULUCF: Double,
              emissionsIncludingLULUCF: Double?, isVerified: Bool, source: String)
  {
    self.country = country
    self.year = year
    self.gdpPPP = gdpPPP
    self.emissionsExcludingLULUCF = emissionsExcludingLULUCF
    self.emissionsIncludingLULUCF = emissionsIncludingLULUCF
    self.isVerified = isVerified
    self.source = source
  }
}

/// A borrower's emissions computed by the carbon account (option 2a, data quality 2).
public struct AccountEmissions: Hashable, Sendable {
  /// The year of the account.
  public let year: Int
  /// Scope 1 emissions, tCO2e.
  public let scope1: Double
  /// Scope 2 (location-based) emissions, tCO2e.
  public let scope2: Double
  /// `nil` when the account has no scope 3 lines.
  public let scope3: Double?

  /// Creates an account's emissions for `year`, in tCO2e.
  public init(year: Int, scope1: Double, scope2: Double, scope3: Double?) {
    self.year = year
    self.scope1 = scope1
    self.scope2 = scope2
    self.scope3 = scope3
  }
}
