/// The benchmark job `finance-basic` (version 1) of `shared/bench/README.md`: a
/// deliberately small PCAF-style computation that every implementation must compute
/// identically, so GreenLedger can be timed against the polars and DuckDB reference jobs.
///
/// It is not the PCAF method (``FinancedEmissionsCalculator`` is): mortgages, vehicle loans
/// and sovereign debt are out of scope, listed borrowers need EVIC with no fallback, and
/// emissions are reported scope 1 + 2 or revenue × sector intensity.
public enum FinanceBasic {
  /// Why a loan is not scored, in the job's order of rules.
  public enum Reason: String, CaseIterable, Sendable {
    case outOfScope = "out_of_scope", noBorrower = "no_borrower", noFX = "no_fx"
    case noAttribution = "no_attribution", noEmissions = "no_emissions"
  }

  /// One loan's result: the outstanding in CNY (when its currency has a rate) and either
  /// the attribution factor and financed tCO2e or the reason it is unscored.
  public struct Result: Hashable, Sendable {
    public var outstandingCNY: Double?
    public var attributionFactor: Double?
    public var financed: Double?
    public var reason: Reason?
  }

  /// Applies the job's rules 1–6, first that applies decides.
  public static func evaluate(_ loan: Loan, borrower: Borrower?, rates: ExchangeRates,
                              intensities: SectorIntensityTable) -> Result
  {
    var r = Result()
    let loanRate = rates.rate(loan.currency)
    r.outstandingCNY = loanRate.map { loan.outstanding * $0 }
    switch loan.assetClass {
    case .mortgage, .motorVehicleLoan, .sovereignDebt:
      r.reason = .outOfScope
      return r
    default: break
    }
    guard let b = borrower else { r.reason = .noBorrower; return r }
    guard let loanRate, let borrowerRate = rates.rate(b.currency) else { r.reason = .noFX; return r }
    var factor: Double?
    if loan.assetClass == .projectFinance {
      if let v = loan.projectValue, v > 0 { factor = loan.outstanding / v }
    } else if b.isListed == true {
      if let evic = b.evic, evic > 0 { factor = loan.outstanding * loanRate / (evic * borrowerRate) }
    } else if let e = b.totalEquity, let d = b.totalDebt, e + d > 0 {
      factor = loan.outstanding * loanRate / ((e + d) * borrowerRate)
    }
    guard let factor else { r.reason = .noAttribution; return r }
    let af = min(factor, 1)
    var emissions: Double?
    if let s1 = b.reportedScope1, let s2 = b.reportedScope2 {
      emissions = s1 + s2
    } else if let revenue = b.revenue, let s = intensities.match(sector: b.sector, basis: .revenue) {
      emissions = revenue * borrowerRate / 1e6 * s.tonnesPerMillion
    }
    guard let emissions else { r.reason = .noEmissions; return r }
    r.attributionFactor = af
    r.financed = af * emissions
    return r
  }
}
