package import LoanBook
/// The benchmark job `finance-basic` (version 1) of `shared/bench/README.md`: a
/// deliberately small PCAF-style computation that every implementation must compute
/// identically, so GreenLedger can be timed against the polars and DuckDB reference jobs.
///
/// It is not the PCAF method (``FinancedEmissionsCalculator`` is): mortgages, vehicle loans
/// and sovereign debt are out of scope, listed borrowers need EVIC with no fallback, and
/// emissions are reported scope 1 + 2 or revenue × sector intensity.
package enum FinanceBasic {
  /// Why a loan is not scored, in the job's order of rules.
  package enum Reason: String, CaseIterable, Sendable {
    case outOfScope = "out_of_scope", noBorrower = "no_borrower", noFX = "no_fx"
    case noAttribution = "no_attribution", noEmissions = "no_emissions"
  }

  /// One loan's result: the outstanding in CNY (when its currency has a rate) and either
  /// the attribution factor and financed tCO2e or the reason it is unscored.
  package struct Result: Hashable, Sendable {
    package var outstandingCNY: Double?
    package var attributionFactor: Double?
    package var financed: Double?
    package var reason: Reason?
  }

  /// What the job needs of one borrower, computed once per borrower rather than per loan.
  ///
  /// Three numbers, absent ones stored as NaN, so that the terms of a whole book take 24
  /// bytes a borrower and the look-up per loan stays in cache.
  package struct BorrowerTerms: Sendable {
    private var storedRate = Double.nan
    private var storedBase = Double.nan
    private var storedEmissions = Double.nan

    /// CNY per unit of the borrower's currency; `nil` without a rate (rule 3).
    package var rate: Double? { storedRate.isNaN ? nil : storedRate }
    /// The denominator of rule 4 for a loan that is not project finance, in CNY: EVIC when
    /// the borrower is listed (no fallback), total equity + debt otherwise; `nil` when
    /// absent or not > 0.
    package var attributionBaseCNY: Double? { storedBase.isNaN ? nil : storedBase }
    /// Emissions, tCO2e (rule 5); `nil` when neither reported nor estimable.
    package var emissions: Double? { storedEmissions.isNaN ? nil : storedEmissions }

    package init(_ b: Enterprise, rates: ExchangeRates, intensities: SectorIntensityTable) {
      guard let rate = rates.rate(b.currency) else { return }
      storedRate = rate
      if b.isListed == true {
        if let evic = b.evic, evic > 0 { storedBase = evic * rate }
      } else if let e = b.totalEquity, let d = b.totalDebt, e + d > 0 {
        storedBase = (e + d) * rate
      }
      if let s1 = b.reportedScope1, let s2 = b.reportedScope2 {
        storedEmissions = s1 + s2
      } else if let revenue = b.revenue, let s = intensities.match(sector: b.sector, basis: .revenue) {
        storedEmissions = revenue * rate / 1e6 * s.tonnesPerMillion
      }
    }
  }

  /// Applies the job's rules 1–6, first that applies decides.
  package static func evaluate(_ loan: Loan, borrower: Enterprise?, rates: ExchangeRates,
                              intensities: SectorIntensityTable) -> Result
  {
    evaluate(assetClass: loan.assetClass, outstanding: loan.outstanding, rate: rates.rate(loan.currency),
             projectValue: loan.projectValue,
             borrower: borrower.map { BorrowerTerms($0, rates: rates, intensities: intensities) })
  }

  /// Rules 1–6 for a loan given by its fields: `rate` is CNY per unit of the loan's
  /// currency (`nil` without one), `borrower` the terms of its borrower (`nil` if unknown).
  @inline(__always)
  package static func evaluate(assetClass: AssetClass, outstanding: Double, rate loanRate: Double?,
                              projectValue: Double?, borrower: BorrowerTerms?) -> Result
  {
    var r = Result()
    r.outstandingCNY = loanRate.map { outstanding * $0 }
    switch assetClass {
    case .mortgage, .motorVehicleLoan, .sovereignDebt:
      r.reason = .outOfScope
      return r
    default: break
    }
    guard let b = borrower else { r.reason = .noBorrower; return r }
    guard let loanRate, b.rate != nil else { r.reason = .noFX; return r }
    var factor: Double?
    if assetClass == .projectFinance {
      if let v = projectValue, v > 0 { factor = outstanding / v }
    } else if let base = b.attributionBaseCNY {
      factor = outstanding * loanRate / base
    }
    guard let factor else { r.reason = .noAttribution; return r }
    guard let emissions = b.emissions else { r.reason = .noEmissions; return r }
    let af = min(factor, 1)
    r.attributionFactor = af
    r.financed = af * emissions
    return r
  }
}
