import LoanBook
import FinancedEmissions
import Quantities
import Testing

/// The benchmark job finance-basic, rules 1–6 of shared/bench/README.md ("The reference job
/// `finance-basic` (version 1)"), one loan per rule; expected values computed by hand.
@Suite("finance-basic rules")
struct FinanceBasicTests {
  let rates = ExchangeRates(reportingCurrency: .cny, rates: [.init(currency: .cny, value: 1), .init(currency: .usd, value: 7.1)])
  // Longest prefix wins: C3011 takes C30 (500), not C (100).
  let intensities = SectorIntensityTable([
    EconomicIntensity(id: "C", sectorPrefix: "C", basis: .revenue, tonnesPerMillion: 100, currency: .cny, year: nil,
                      source: "test"),
    EconomicIntensity(id: "C30", sectorPrefix: "C30", basis: .revenue, tonnesPerMillion: 500, currency: .cny,
                      year: nil, source: "test"),
  ])

  func terms(_ b: Enterprise) -> FinanceBasic.BorrowerTerms {
    FinanceBasic.BorrowerTerms(b, rates: rates, intensities: intensities)
  }

  func borrower(listed: Bool? = false, currency: Currency = .cny, _ edit: (inout Enterprise) -> Void = { _ in }) -> Enterprise {
    var b = Enterprise(id: "B", sector: "C3011", country: "CN", currency: currency)
    b.isListed = listed
    b.totalEquity = 600
    b.totalDebt = 400
    b.revenue = 2_000_000
    edit(&b)
    return b
  }

  func evaluate(_ cls: AssetClass, _ outstanding: Double, currency: Currency = .cny, projectValue: Double? = nil,
                _ b: Enterprise?) -> FinanceBasic.Result
  {
    FinanceBasic.evaluate(assetClass: cls, outstanding: outstanding, rate: rates.rate(currency),
                          projectValue: projectValue, borrower: b.map(terms))
  }

  @Test func ruleOneOutOfScopeClasses() {
    for cls in [AssetClass.mortgage, .motorVehicleLoan, .sovereignDebt] {
      let r = evaluate(cls, 100, borrower())
      #expect(r.reason == .outOfScope)
      #expect(r.outstandingCNY == 100)  // still counted in the outstanding total
    }
  }

  @Test func ruleTwoNoBorrower() {
    #expect(evaluate(.businessLoan, 100, nil).reason == .noBorrower)
  }

  @Test func ruleThreeNoRateForLoanOrBorrower() {
    let r = evaluate(.businessLoan, 100, currency: Currency("EUR")!, borrower())
    #expect(r.reason == .noFX)
    #expect(r.outstandingCNY == nil)
    let b = terms(borrower(currency: Currency("JPY")!))
    #expect(b.rate == nil && b.emissions == nil && b.attributionBaseCNY == nil)
    #expect(evaluate(.businessLoan, 100, borrower(currency: Currency("JPY")!)).reason == .noFX)
  }

  @Test func ruleFourAttribution() {
    // Unlisted: 250 / (600 + 400) = 0.25; emissions 2 M CNY × 500 t per M = 1,000 t → 250 t.
    let r = evaluate(.businessLoan, 250, borrower())
    #expect(r.attributionFactor == 0.25)
    #expect(r.financed == 250)
    // Listed in USD: EVIC 100 USD = 710 CNY; loan 142 CNY → 0.2; reported 30 + 20 = 50 t → 10 t.
    let listed = borrower(listed: true, currency: .usd) {
      $0.evic = 100
      $0.reportedScope1 = 30
      $0.reportedScope2 = 20
    }
    let l = evaluate(.listedEquity, 142, listed)
    #expect(abs(l.attributionFactor! - 0.2) < 1e-15)
    #expect(abs(l.financed! - 10) < 1e-12)
    // Listed without EVIC: no fallback to equity + debt.
    #expect(evaluate(.businessLoan, 10, borrower(listed: true)).reason == .noAttribution)
    // `listed` empty counts as not listed.
    #expect(evaluate(.businessLoan, 250, borrower(listed: nil)).attributionFactor == 0.25)
    // Project finance: outstanding / project_value in the loan's currency; needs a value > 0.
    #expect(evaluate(.projectFinance, 30, projectValue: 120, borrower()).attributionFactor == 0.25)
    #expect(evaluate(.projectFinance, 30, projectValue: 0, borrower()).reason == .noAttribution)
    // Equity + debt not > 0.
    #expect(evaluate(.businessLoan, 1, borrower { $0.totalEquity = -400 }).reason == .noAttribution)
    // Capped at 1: 5,000 / 1,000 → 1 × 1,000 t.
    let capped = evaluate(.corporateBond, 5_000, borrower())
    #expect(capped.attributionFactor == 1)
    #expect(capped.financed == 1_000)
  }

  @Test func ruleFiveEmissions() {
    // Scope 1 without scope 2 is not "both present": revenue × intensity instead.
    let b = borrower { $0.reportedScope1 = 7 }
    #expect(terms(b).emissions == 1_000)
    // Revenue in USD: 1 M USD × 7.1 / 1e6 × 500 = 3,550 t.
    let usd = borrower(currency: .usd) { $0.revenue = 1_000_000 }
    #expect(abs(terms(usd).emissions! - 3_550) < 1e-9)
    // No revenue and no reports.
    #expect(evaluate(.businessLoan, 10, borrower { $0.revenue = nil }).reason == .noEmissions)
    // No prefix matches the sector.
    #expect(evaluate(.businessLoan, 10, borrower { $0.sector = "K7010" }).reason == .noEmissions)
  }
}
