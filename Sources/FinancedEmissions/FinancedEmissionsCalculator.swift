public import LoanBook
public import Quantities

/// Why a loan row cannot enter the computation at all (it goes to the rejects file).
public struct LoanRejection: Error, Hashable, Sendable {
  /// The loans.csv column at fault.
  public let column: String
  /// What is wrong with the row, for the rejects file.
  public let message: String

  /// Creates a rejection of the row's `column` with `message`.
  public init(column: String, _ message: String) {
    self.column = column
    self.message = message
  }
}

/// PCAF Part A financed emissions of single loans (2nd edition, 2022, chapter 5).
///
/// Attribution factor = outstanding / value of the borrower, project or asset:
/// - listed equity, corporate bonds and business loans: EVIC when the borrower is listed
///   (§5.1–5.2), else total equity + debt (negative equity set to 0, fn 57), else total assets
///   (fn 59);
/// - project finance: project equity + debt (`project_value`, §5.3);
/// - commercial real estate and mortgages: property value at origination (§5.4–5.5);
/// - motor vehicle loans: vehicle value at origination, 100 % when unknown (§5.6);
/// - sovereign debt: exposure in USD / PPP-adjusted GDP (§5.7).
///
/// Borrower emissions, best data first (Tables 5-3, 5-7, 5-10): verified reported (score 1),
/// unverified reported (2), the carbon account computed from activity data (2), revenue ×
/// sector intensity (3a, score 4), outstanding × sector intensity per asset (3b, score 5,
/// no attribution factor). Scope 3 is kept apart with its own score. Nothing is netted.
///
/// An attribution factor above 1 is capped at 1 and flagged `attribution_capped`.
public struct FinancedEmissionsCalculator: Sendable {
  /// Rates that convert loans' and borrowers' amounts into the reporting currency.
  public let exchangeRates: ExchangeRates
  /// Sector intensities for the option 3a and 3b estimates.
  public let sectorIntensities: SectorIntensityTable
  /// PPP-adjusted GDP and emissions for sovereign debt, by country code (latest year of each).
  public let countries: [String: CountryData]
  /// Borrowers' emissions from carbon accounts, by borrower id.
  public let accounts: [EntityID: AccountEmissions]
  /// tCO2 per kWh of grid electricity in a region (`project_region`, else the borrower's,
  /// else `CN`), with its factor id; `nil` when the factor set has none.
  public let gridFactor: @Sendable (_ region: String) -> (tonnesPerKWh: Double, factorID: String)?

  /// Creates a calculator; `countries` keeps each country's latest year, and without `gridFactor` buildings stay unscored.
  public init(exchangeRates: ExchangeRates, sectorIntensities: SectorIntensityTable = SectorIntensityTable([]),
              countries: [CountryData] = [], accounts: [EntityID: AccountEmissions] = [:],
              gridFactor: @escaping @Sendable (_ region: String) -> (tonnesPerKWh: Double, factorID: String)? = { _ in nil })
  {
    self.exchangeRates = exchangeRates
    self.sectorIntensities = sectorIntensities
    self.countries = Dictionary(countries.map { ($0.country, $0) }, uniquingKeysWith: { a, b in a.year >= b.year ? a : b })
    self.accounts = accounts
    self.gridFactor = gridFactor
  }

  /// The financed emissions of `loan`, whose borrower (if any) is `borrower`.
  ///
  /// - Throws: ``LoanRejection`` when the loan cannot be computed at all: its currency (or
  ///   its borrower's) has no exchange rate, or its class needs a borrower and has none.
  public func evaluate(_ loan: Loan, borrower: Enterprise?) throws(LoanRejection) -> FinancedEmission {
    guard let outstanding = exchangeRates.converted(loan.outstanding, from: loan.currency) else {
      throw LoanRejection(column: "currency", "no exchange rate for \(loan.currency) into "
        + "\(exchangeRates.reportingCurrency); add it to the --fx file")
    }
    if loan.assetClass.needsBorrower && borrower == nil {
      throw LoanRejection(column: "borrower_id", "a \(loan.assetClass.rawValue) needs a borrower_id that is in the borrowers file")
    }
    if let borrower, exchangeRates.rate(borrower.currency) == nil {
      throw LoanRejection(column: "borrower_id", "no exchange rate for borrower \(borrower.id)'s currency "
        + "\(borrower.currency); add it to the --fx file")
    }
    var result = FinancedEmission(loanID: loan.id, borrowerID: loan.borrowerID, assetClass: loan.assetClass,
                                  sector: borrower?.sector, outstanding: outstanding)
    switch loan.assetClass {
    case .businessLoan, .listedEquity, .corporateBond, .projectFinance:
      corporate(loan, borrower!, outstanding: outstanding, into: &result)
    case .commercialRealEstate, .mortgage:
      building(loan, borrower, into: &result)
    case .motorVehicleLoan:
      vehicle(loan, into: &result)
    case .sovereignDebt:
      sovereign(loan, borrower!, into: &result)
    }
    return result
  }

  // MARK: Attribution

  /// Sets the attribution factor `numerator / denominator`, capped at 1.
  private func attribute(_ numerator: Double, _ denominator: Double, basis: String, into r: inout FinancedEmission) {
    let factor = numerator / denominator
    r.attributionBasis = basis
    if factor > 1 {
      r.attributionFactor = 1
      r.flags.append("attribution_capped")
    } else {
      r.attributionFactor = factor
    }
  }

  /// The corporate denominator in the reporting currency and its name (PCAF §5.1–5.2, fn 57–59).
  func companyValue(_ b: Enterprise) -> (value: Double, basis: String)? {
    let rate = exchangeRates.rate(b.currency)!
    if b.isListed == true, let evic = b.evic, evic > 0 { return (evic * rate, "evic") }
    if let debt = b.totalDebt, let equity = b.totalEquity {
      let sum = max(equity, 0) + debt  // negative book equity counts as 0 (fn 57)
      if sum > 0 { return (sum * rate, "equity+debt") }
    }
    if let assets = b.totalAssets, assets > 0 { return (assets * rate, "total_assets") }
    return nil
  }

  // MARK: Asset classes

  private func corporate(_ loan: Loan, _ b: Enterprise, outstanding: Double, into r: inout FinancedEmission) {
    if loan.assetClass == .projectFinance {
      if let value = loan.projectValue, value > 0 { attribute(loan.outstanding, value, basis: "project_value", into: &r) }
    } else if let (value, basis) = companyValue(b) {
      attribute(outstanding, value, basis: basis, into: &r)
    }
    let rate = exchangeRates.rate(b.currency)!

    // Scope 1 + 2, best option first.
    var total: (s1: Double?, s2: Double?, s12: Double, score: Int, option: String, source: String)?
    if let s1 = b.reportedScope1, let s2 = b.reportedScope2 {
      let verified = b.emissionsVerified == true
      total = (s1, s2, s1 + s2, verified ? 1 : 2, verified ? "1a" : "1b",
               "reported\(b.emissionsYear.map { " \($0)" } ?? "")\(verified ? ", verified" : ", unverified")")
    } else if let a = accounts[b.id] {
      total = (a.scope1, a.scope2, a.scope1 + a.scope2, 2, "2a", "carbon account \(a.year)")
    } else if let revenue = b.revenue, let s = sectorIntensities.match(sector: b.sector, basis: .revenue),
              let intensityRate = exchangeRates.rate(s.currency)
    {
      let revenueMillions = revenue * rate / intensityRate / 1_000_000
      total = (nil, nil, revenueMillions * s.tonnesPerMillion, 4, "3a", "sector intensity \(s.id)")
    }
    if let (s1, s2, s12, score, option, source) = total, let af = r.attributionFactor {
      r.scope1 = s1.map { af * $0 }
      r.scope2 = s2.map { af * $0 }
      r.scope12 = af * s12
      r.dataQuality = score
      r.emissionsOption = option
      r.emissionsSource = source
      if let revenue = b.revenue, revenue > 0 { r.revenueIntensity = s12 / (revenue * rate / 1_000_000) }
    } else if let s = sectorIntensities.match(sector: b.sector, basis: .assets),
              let intensityRate = exchangeRates.rate(s.currency)
    {
      // Option 3b: outstanding × sector emissions per asset, with no attribution factor.
      r.attributionFactor = nil
      r.scope12 = outstanding / intensityRate / 1_000_000 * s.tonnesPerMillion
      r.dataQuality = 5
      r.emissionsOption = "3b"
      r.emissionsSource = "sector intensity \(s.id)"
    } else {
      let noDenominator = r.attributionFactor == nil
      r.unscored = noDenominator ? .noAttribution : .noEmissions
      r.detail = noDenominator
        ? (loan.assetClass == .projectFinance ? "project finance needs project_value > 0"
          : "no denominator: give evic (listed), total_equity and total_debt, or total_assets")
        : "no reported scope 1 and 2, no carbon account, and no sector intensity for \(b.sector)"
      return
    }
    // Scope 3, apart, with its own score.
    if let s3 = b.reportedScope3 {
      r.scope3 = (r.attributionFactor ?? 0) * s3
      r.dataQualityScope3 = b.emissionsVerified == true ? 1 : 2
    } else if let s3 = accounts[b.id]?.scope3 {
      r.scope3 = (r.attributionFactor ?? 0) * s3
      r.dataQualityScope3 = 2
    }
    if r.attributionFactor == nil { r.scope3 = nil; r.dataQualityScope3 = nil }
  }

  private func building(_ loan: Loan, _ b: Enterprise?, into r: inout FinancedEmission) {
    guard let value = loan.propertyValue, value > 0 else {
      r.unscored = .noAttribution
      r.detail = "property_value (value at origination) is missing"
      return
    }
    attribute(loan.outstanding, value, basis: "property_value", into: &r)
    let region = loan.projectRegion ?? b?.region ?? "CN"
    guard let kwh = loan.energyKWh else {
      r.unscored = .noEmissions
      r.detail = "energy_kwh is missing; floor area and EPC label alone need a building-intensity table, none is bundled"
      return
    }
    guard let grid = gridFactor(region) else {
      r.unscored = .noEmissions
      r.detail = "no grid electricity factor for \(region)"
      return
    }
    let af = r.attributionFactor!
    // PCAF CRE/mortgage option 1b: energy use × average (location-based) factor, score 2.
    r.scope1 = 0
    r.scope2 = af * kwh * grid.tonnesPerKWh
    r.scope12 = r.scope2
    r.dataQuality = 2
    r.emissionsOption = "1b"
    r.emissionsSource = "energy_kwh × \(grid.factorID)"
  }

  private func vehicle(_ loan: Loan, into r: inout FinancedEmission) {
    if let value = loan.propertyValue, value > 0 {
      attribute(loan.outstanding, value, basis: "vehicle_value", into: &r)
    } else {
      // PCAF §5.6: when the vehicle value is unknown, attribute 100 %.
      r.attributionFactor = 1
      r.attributionBasis = "vehicle_value_unknown"
    }
    guard let g = loan.vehicleGCO2PerKm, let km = loan.annualKm else {
      r.unscored = .noEmissions
      r.detail = "vehicle_gco2_per_km and annual_km are needed"
      return
    }
    // Make/model efficiency × distance not known to be odometer-read: option 2a, score 2.
    r.scope1 = r.attributionFactor! * g * km / 1_000_000
    r.scope2 = 0
    r.scope12 = r.scope1
    r.dataQuality = 2
    r.emissionsOption = "2a"
    r.emissionsSource = "vehicle_gco2_per_km × annual_km"
  }

  private func sovereign(_ loan: Loan, _ b: Enterprise, into r: inout FinancedEmission) {
    guard let c = countries[b.country] else {
      r.unscored = .noEmissions
      r.detail = "no GDP (PPP) and emissions for country \(b.country); add it to the countries table"
      return
    }
    guard let usd = exchangeRates.rate(.usd) else {
      r.unscored = .noAttribution
      r.detail = "sovereign exposure is compared with GDP in international dollars: the --fx file needs USD"
      return
    }
    attribute(r.outstanding / usd, c.gdpPPP, basis: "gdp_ppp", into: &r)
    let af = r.attributionFactor!
    r.scope1 = af * c.emissionsExcludingLULUCF
    r.scope12 = r.scope1
    r.scope1IncludingLULUCF = c.emissionsIncludingLULUCF.map { af * $0 }
    r.dataQuality = c.isVerified ? 1 : 2
    r.emissionsOption = c.isVerified ? "1a" : "1b"
    r.emissionsSource = "\(c.country) \(c.year): \(c.source)"
  }
}
