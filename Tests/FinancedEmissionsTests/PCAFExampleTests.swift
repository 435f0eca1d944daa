import LoanBook
import FinancedEmissions
import Quantities
import Testing

/// Worked examples of the PCAF Global GHG Accounting & Reporting Standard, Part A,
/// 2nd edition (December 2022). Expected values are the standard's printed results or are
/// recomputed in the test from its printed inputs.
@Suite struct PCAFExampleTests {
  let calculator = FinancedEmissionsCalculator(exchangeRates: ExchangeRates())

  func company(_ id: String, s1: Double, s2: Double, s3: Double, equity: Double = 100, debt: Double = 0) -> Enterprise {
    var b = Enterprise(id: EntityID(id), sector: "C3011", country: "CN", currency: .cny)
    b.reportedScope1 = s1
    b.reportedScope2 = s2
    b.reportedScope3 = s3
    b.totalEquity = equity
    b.totalDebt = debt
    b.emissionsVerified = true
    return b
  }

  /// Tables 5-8/5-9 (business loans; same numbers as 5-4/5-5 and 5-12/5-13): three companies
  /// with attribution factors 10 %, 25 %, 20 % give financed scope 1 6,100, scope 2 1,260 and
  /// scope 3 10,000 tCO2e. The standard prints only the factors, so the outstanding amounts
  /// here are chosen against a company value of 100 to give them.
  @Test func threeCompanyPortfolio() throws {
    let companies = [
      (company("forestry", s1: 1_000, s2: 100, s3: 5_000), 10.0),
      (company("industrial", s1: 20_000, s2: 5_000, s3: 30_000), 25.0),
      (company("energy", s1: 5_000, s2: 0, s3: 10_000), 20.0),
    ]
    var totals = PortfolioTotals()
    for (b, outstanding) in companies {
      let loan = Loan(id: LoanID("L-" + b.id.rawValue), borrowerID: b.id, assetClass: .businessLoan, currency: .cny, outstanding: outstanding)
      let e = try calculator.evaluate(loan, borrower: b)
      #expect(e.attributionBasis == "equity+debt")
      #expect(e.dataQuality == 1)  // verified reported emissions: option 1a (Table 5-7)
      try totals.add(e)
    }
    #expect(totals[.scope1] == 6_100)
    #expect(totals[.scope2] == 1_260)
    #expect(totals[.scope3] == 10_000)
    #expect(totals[.scope12] == 7_360)
  }

  /// Box 5: equity 50, debt 50, cash 20. EVIC does not deduct cash, so equity and debt
  /// holders are attributed 50 % each (with EV = 80 it would be 62.5 % + 62.5 %).
  @Test func evicDoesNotDeductCash() throws {
    var b = company("listed", s1: 1_000, s2: 0, s3: 0)
    b.isListed = true
    b.evic = 50 + 50  // market capitalisation + debt, cash not deducted
    let equity = Loan(id: "E", borrowerID: "listed", assetClass: .listedEquity, currency: .cny, outstanding: 50)
    let bond = Loan(id: "B", borrowerID: "listed", assetClass: .corporateBond, currency: .cny, outstanding: 50)
    let a = try calculator.evaluate(equity, borrower: b)
    let c = try calculator.evaluate(bond, borrower: b)
    #expect(a.attributionBasis == "evic")
    #expect(a.attributionFactor == 0.5)
    #expect(c.attributionFactor == 0.5)
    #expect(a.scope12! + c.scope12! == 1_000)  // the company's emissions attributed exactly once
  }

  /// Box 8 (chapter 6): outstanding-weighted data-quality score of six business loans is
  /// 3.03; of the oil & gas sector (the first two) 3.53.
  @Test func weightedDataQualityScore() throws {
    let loans: [(Double, Int, String)] = [
      (522_425, 3, "B"), (187_449, 5, "B"), (82_778, 1, "A"), (108_997, 1, "A"), (67_556, 2, "A"), (54_762, 5, "A"),
    ]
    var all = PortfolioTotals()
    var oilAndGas = PortfolioTotals()
    for (i, (outstanding, score, sector)) in loans.enumerated() {
      var e = FinancedEmission(loanID: LoanID("L\(i)"), borrowerID: EntityID("C\(i)"), assetClass: .businessLoan, sector: sector,
                               outstanding: outstanding)
      e.scope12 = 1
      e.dataQuality = score
      try all.add(e)
      if sector == "B" { try oilAndGas.add(e) }
    }
    // Σ outstanding × score / Σ outstanding, by hand: 3,105,217 / 1,023,967 and 2,504,514 / 709,874.
    #expect(abs(all.weightedDataQuality! - 3_105_217.0 / 1_023_967.0) < 1e-12)
    #expect((all.weightedDataQuality! * 100).rounded() / 100 == 3.03)
    #expect((oilAndGas.weightedDataQuality! * 100).rounded() / 100 == 3.53)
  }

  /// Tables 5-19/5-20: $1 million of Singapore and Hong Kong sovereign debt, attributed by
  /// PPP-adjusted GDP (579,762 and 469,182 $M), gives 106 and 91 tCO2e of scope 1 emissions
  /// (61,451,586 and 42,654,105 t excluding LULUCF).
  @Test func sovereignDebtByPPPAdjustedGDP() throws {
    let rates = ExchangeRates(reportingCurrency: .cny, rates: [.init(currency: .usd, value: 7)])
    let countries = [
      CountryData(country: "SG", year: 2018, gdpPPP: 579_762e6, emissionsExcludingLULUCF: 61_451_586,
                  emissionsIncludingLULUCF: nil, isVerified: false, source: "PCAF Part A Table 5-20"),
      CountryData(country: "HK", year: 2018, gdpPPP: 469_182e6, emissionsExcludingLULUCF: 42_654_105,
                  emissionsIncludingLULUCF: nil, isVerified: false, source: "PCAF Part A Table 5-20"),
    ]
    let calculator = FinancedEmissionsCalculator(exchangeRates: rates, countries: countries)
    for (country, expected) in [("SG", 106.0), ("HK", 91.0)] {
      let issuer = Enterprise(id: EntityID(country), sector: "S9221", country: country, currency: .usd)
      let loan = Loan(id: LoanID(country), borrowerID: EntityID(country), assetClass: .sovereignDebt, currency: .usd, outstanding: 1_000_000)
      let e = try calculator.evaluate(loan, borrower: issuer)
      #expect(e.attributionBasis == "gdp_ppp")
      #expect(e.scope1!.rounded() == expected)
      #expect(e.dataQuality == 2)
    }
  }

  /// Footnote 57 (§5.2): negative book equity counts as 0, so all emissions fall to debt;
  /// footnote 59: without equity and debt, total assets is the denominator.
  @Test func negativeEquityAndTotalAssetsFallback() throws {
    var b = company("distressed", s1: 800, s2: 200, s3: 0, equity: -30, debt: 200)
    let loan = Loan(id: "L", borrowerID: "distressed", assetClass: .businessLoan, currency: .cny, outstanding: 50)
    let e = try calculator.evaluate(loan, borrower: b)
    #expect(e.attributionFactor == 50.0 / 200.0)  // (max(-30, 0) + 200)
    #expect(e.scope12 == 250)
    b.totalEquity = nil
    b.totalDebt = nil
    b.totalAssets = 500
    let f = try calculator.evaluate(loan, borrower: b)
    #expect(f.attributionBasis == "total_assets")
    #expect(f.attributionFactor == 0.1)
  }

  /// §5.6: when the vehicle's value is unknown, the loan is attributed 100 %.
  @Test func vehicleWithoutValueIsAttributedFully() throws {
    var loan = Loan(id: "V", borrowerID: nil, assetClass: .motorVehicleLoan, currency: .cny, outstanding: 80_000)
    loan.vehicleGCO2PerKm = 150
    loan.annualKm = 12_000
    let e = try calculator.evaluate(loan, borrower: nil)
    #expect(e.attributionFactor == 1)
    #expect(e.attributionBasis == "vehicle_value_unknown")
    #expect(e.scope1 == 150.0 * 12_000 / 1_000_000)  // 1.8 t
    loan.propertyValue = 160_000
    #expect(try calculator.evaluate(loan, borrower: nil).scope1 == 0.5 * 1.8)
  }

  /// Mortgages and CRE (§5.4–5.5): outstanding / property value at origination × energy ×
  /// grid factor (option 1b, score 2).
  @Test func mortgageFromEnergyUse() throws {
    let calculator = FinancedEmissionsCalculator(exchangeRates: ExchangeRates(), gridFactor: { region in
      region == "CN-ZJ" ? (0.5153e-3, "CN-MEE-ELEC-AVG-CN-ZJ-2022") : nil
    })
    var loan = Loan(id: "M", borrowerID: nil, assetClass: .mortgage, currency: .cny, outstanding: 1_200_000)
    loan.propertyValue = 3_000_000
    loan.energyKWh = 4_000
    loan.projectRegion = "CN-ZJ"
    let e = try calculator.evaluate(loan, borrower: nil)
    #expect(e.attributionFactor == 0.4)
    #expect(abs(e.scope2! - 0.4 * 4_000 * 0.5153e-3) < 1e-12)
    #expect(e.dataQuality == 2)
    loan.energyKWh = nil
    #expect(try calculator.evaluate(loan, borrower: nil).unscored == .noEmissions)
  }

  /// Option 3a (revenue × sector intensity, score 4) and 3b (outstanding × intensity per
  /// asset, score 5, no attribution factor), with the currency converted explicitly.
  @Test func sectorEstimates() throws {
    let rates = ExchangeRates(reportingCurrency: .cny, rates: [.init(currency: .usd, value: 7)])
    let table = SectorIntensityTable([
      EconomicIntensity(id: "C30", sectorPrefix: "C30", basis: .revenue, tonnesPerMillion: 2_000, currency: .usd,
                      year: 2022, source: "test"),
      EconomicIntensity(id: "C", sectorPrefix: "C", basis: .assets, tonnesPerMillion: 70, currency: .cny, year: 2022,
                      source: "test"),
    ])
    let calculator = FinancedEmissionsCalculator(exchangeRates: rates, sectorIntensities: table)
    var b = Enterprise(id: "cement", sector: "C3011", country: "CN", currency: .cny)
    b.revenue = 70_000_000  // = 10 million USD at 7
    b.totalEquity = 100_000_000
    b.totalDebt = 100_000_000
    let loan = Loan(id: "L", borrowerID: "cement", assetClass: .businessLoan, currency: .cny, outstanding: 20_000_000)
    let e = try calculator.evaluate(loan, borrower: b)
    #expect(e.emissionsOption == "3a")
    #expect(e.dataQuality == 4)
    #expect(abs(e.scope12! - 0.1 * 10 * 2_000) < 1e-9)
    b.totalEquity = nil
    b.totalDebt = nil
    let f = try calculator.evaluate(loan, borrower: b)
    #expect(f.emissionsOption == "3b")
    #expect(f.attributionFactor == nil)
    #expect(abs(f.scope12! - 20 * 70) < 1e-9)
  }

  @Test func missingExchangeRateIsARejection() {
    let loan = Loan(id: "L", borrowerID: nil, assetClass: .mortgage, currency: Currency("EUR")!, outstanding: 1)
    #expect(throws: LoanRejection.self) { try calculator.evaluate(loan, borrower: nil) }
  }

  @Test func attributionAboveOneIsCappedAndFlagged() throws {
    let b = company("small", s1: 10, s2: 0, s3: 0)
    let loan = Loan(id: "L", borrowerID: "small", assetClass: .businessLoan, currency: .cny, outstanding: 150)
    let e = try calculator.evaluate(loan, borrower: b)
    #expect(e.attributionFactor == 1)
    #expect(e.flags == ["attribution_capped"])
  }
}
