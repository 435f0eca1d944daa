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
