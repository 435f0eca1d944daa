public import Quantities

/// The asset classes of PCAF Part A that loans.csv names (`asset_class`).
public enum AssetClass: String, CaseIterable, Hashable, Sendable, Comparable {
  /// A business loan.
  case businessLoan = "business_loan"
  /// Listed equity.
  case listedEquity = "listed_equity"
  /// A corporate bond.
  case corporateBond = "corporate_bond"
  /// Project finance.
  case projectFinance = "project_finance"
  /// A commercial real estate loan.
  case commercialRealEstate = "commercial_real_estate"
  /// A mortgage.
  case mortgage
  /// A motor vehicle loan.
  case motorVehicleLoan = "motor_vehicle_loan"
  /// Sovereign debt.
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

  /// Declaration order, business loans first.
  public static func < (a: AssetClass, b: AssetClass) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A borrower (enterprise or sovereign) of borrowers.csv, with the money columns in its
/// ``currency``.
public struct Borrower: Hashable, Sendable {
  /// The `borrower_id`, unique in the file: the enterprise's ``EntityID``, as in activities.csv.
  public var id: EntityID
  /// GB/T 4754-2017 industry code (`D4411`; sovereigns `S9221`).
  public var sector: String
  /// ISO 3166-1 alpha-2.
  public var country: String
  /// The `region` code; the grid factor's region when a loan gives no `project_region`.
  public var region: String?
  /// `true` if listed; `nil` when the file leaves it empty (treated as not listed).
  public var isListed: Bool?
  /// The currency of the money columns.
  public var currency: Currency
  /// Revenue, in ``currency``.
  public var revenue: Double?
  /// Enterprise value including cash.
  public var evic: Double?
  /// Total equity, in ``currency``; a negative value counts as 0 in attribution.
  public var totalEquity: Double?
  /// Total debt, in ``currency``.
  public var totalDebt: Double?
  /// Total assets, in ``currency``; the denominator when equity + debt is not available.
  public var totalAssets: Double?
  /// Reported emissions, tCO2e.
  public var reportedScope1: Double?
  /// Reported scope 2 emissions, tCO2e.
  public var reportedScope2: Double?
  /// Reported scope 3 emissions, tCO2e.
  public var reportedScope3: Double?
  /// The year the reported emissions are for.
  public var emissionsYear: Int?
  /// Whether the reported emissions are verified (data-quality score 1, else 2); `nil` when empty.
  public var emissionsVerified: Bool?

  /// Creates a borrower from its required columns; the optional ones start `nil`.
  public init(id: EntityID, sector: String, country: String, currency: Currency) {
    self.id = id
    self.sector = sector
    self.country = country
    self.currency = currency
  }
}

/// A loan or investment of loans.csv: the columns financed emissions use.
public struct Loan: Hashable, Sendable {
  /// The `loan_id`.
  public var id: LoanID
  /// The `borrower_id`; `nil` when empty (allowed only for classes that need no borrower).
  public var borrowerID: EntityID?
  /// The PCAF asset class (`asset_class`).
  public var assetClass: AssetClass
  /// The currency of the loan's money columns.
  public var currency: Currency
  /// Outstanding amount at the reporting date, in ``currency``.
  public var outstanding: Double
  /// The `origination_date`; read only for project finance, CRE, mortgages and motor vehicle loans.
  public var originationDate: Day?
  /// The `project_type`; read only for the same classes as ``originationDate``.
  public var projectType: String?
  /// The `project_region` code: the grid factor's region for a financed building, before ``Borrower/region``.
  public var projectRegion: String?
  /// Total equity + debt of the project (project finance), in ``currency``.
  public var projectValue: Double?
  /// Property or vehicle value at origination (CRE, mortgage, motor vehicle), in ``currency``.
  public var propertyValue: Double?
  /// The building's floor area, m².
  public var floorAreaM2: Double?
  /// The building's annual energy use, kWh (taken as grid electricity).
  public var energyKWh: Double?
  /// The building's energy performance certificate label (`epc_label`).
  public var epcLabel: String?
  /// The vehicle's emission rate, gCO2 per km.
  public var vehicleGCO2PerKm: Double?
  /// The distance the vehicle travels a year, km.
  public var annualKm: Double?

  /// Creates a loan from its required columns; `outstanding` is in `currency`.
  public init(id: LoanID, borrowerID: EntityID?, assetClass: AssetClass, currency: Currency, outstanding: Double) {
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
