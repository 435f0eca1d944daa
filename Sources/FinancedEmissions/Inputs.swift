public import Quantities

/// The asset classes of PCAF Part A that loans.csv names (`asset_class`).
public enum AssetClass: String, CaseIterable, Hashable, Sendable, Comparable {
  case businessLoan = "business_loan"
  case listedEquity = "listed_equity"
  case corporateBond = "corporate_bond"
  case projectFinance = "project_finance"
  case commercialRealEstate = "commercial_real_estate"
  case mortgage
  case motorVehicleLoan = "motor_vehicle_loan"
  case sovereignDebt = "sovereign_debt"

  /// Classes whose emissions are the borrower's company emissions (PCAF §5.1–5.3).
  public var isCorporate: Bool {
    switch self {
    case .businessLoan, .listedEquity, .corporateBond, .projectFinance: true
    default: false
    }
  }

  /// Whether a loan of this class must name a borrower.
  public var needsBorrower: Bool { isCorporate || self == .sovereignDebt }

  public static func < (a: AssetClass, b: AssetClass) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A borrower (enterprise or sovereign) of borrowers.csv, with the money columns in its
/// ``currency``.
public struct Borrower: Hashable, Sendable {
  public var id: String
  /// GB/T 4754-2017 industry code (`D4411`; sovereigns `S9221`).
  public var sector: String
  /// ISO 3166-1 alpha-2.
  public var country: String
  public var region: String?
  /// `true` if listed; `nil` when the file leaves it empty (treated as not listed).
  public var isListed: Bool?
  public var currency: Currency
  public var revenue: Double?
  /// Enterprise value including cash.
  public var evic: Double?
  public var totalEquity: Double?
  public var totalDebt: Double?
  public var totalAssets: Double?
  /// Reported emissions, tCO2e.
  public var reportedScope1: Double?
  public var reportedScope2: Double?
  public var reportedScope3: Double?
  public var emissionsYear: Int?
  public var emissionsVerified: Bool?

  public init(id: String, sector: String, country: String, currency: Currency) {
    self.id = id
    self.sector = sector
    self.country = country
    self.currency = currency
  }
}

/// A loan or investment of loans.csv: the columns financed emissions use.
public struct Loan: Hashable, Sendable {
  public var id: String
  public var borrowerID: String?
  public var assetClass: AssetClass
  public var currency: Currency
  /// Outstanding amount at the reporting date, in ``currency``.
  public var outstanding: Double
  public var originationDate: Day?
  public var projectType: String?
  public var projectRegion: String?
  /// Total equity + debt of the project (project finance), in ``currency``.
  public var projectValue: Double?
  /// Property or vehicle value at origination (CRE, mortgage, motor vehicle), in ``currency``.
  public var propertyValue: Double?
  public var floorAreaM2: Double?
  /// The building's annual energy use, kWh (taken as grid electricity).
  public var energyKWh: Double?
  public var epcLabel: String?
  public var vehicleGCO2PerKm: Double?
  public var annualKm: Double?

  public init(id: String, borrowerID: String?, assetClass: AssetClass, currency: Currency, outstanding: Double) {
    self.id = id
    self.borrowerID = borrowerID
    self.assetClass = assetClass
    self.currency = currency
    self.outstanding = outstanding
  }
}

/// Exchange rates into one reporting currency (`--fx`): units of the reporting currency
/// per unit of each currency, with the date and source of each rate.
///
/// A currency without a rate cannot be converted: callers reject the row rather than guess.
public struct ExchangeRates: Hashable, Sendable {
  /// One rate.
  public struct Rate: Hashable, Sendable {
    public let currency: Currency
    /// Units of the reporting currency per unit of ``currency``.
    public let value: Double
    public let date: Day?
    public let source: String?

    public init(currency: Currency, value: Double, date: Day? = nil, source: String? = nil) {
      self.currency = currency
      self.value = value
      self.date = date
      self.source = source
    }
  }

  public let reportingCurrency: Currency
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
  public enum Basis: String, Hashable, Sendable { case revenue, assets }

  public let id: String
  /// A GB/T 4754 code prefix: `D`, `D44`, `D4411`. The longest matching prefix applies.
  public let sectorPrefix: String
  public let basis: Basis
  /// tCO2e per million of ``currency``.
  public let tonnesPerMillion: Double
  public let currency: Currency
  public let year: Int?
  public let source: String

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
  public let intensities: [EconomicIntensity]
  /// (basis, packed prefix) keys in ascending order, with the intensity's index: a binary
  /// search per prefix length, no hashing or allocation per look-up.
  private let keys: [UInt64]
  private let positions: [Int]

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
  public let country: String
  public let year: Int
  /// GDP, PPP, current international dollars.
  public let gdpPPP: Double
  /// tCO2e, excluding and including LULUCF.
  public let emissionsExcludingLULUCF: Double
  public let emissionsIncludingLULUCF: Double?
  /// Whether the emissions are a verified (UNFCCC-reviewed) inventory: data-quality 1, else 2.
  public let isVerified: Bool
  public let source: String

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
  public let year: Int
  public let scope1: Double
  public let scope2: Double
  /// `nil` when the account has no scope 3 lines.
  public let scope3: Double?

  public init(year: Int, scope1: Double, scope2: Double, scope3: Double?) {
    self.year = year
    self.scope1 = scope1
    self.scope2 = scope2
    self.scope3 = scope3
  }
}
