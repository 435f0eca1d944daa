public import Quantities

/// The asset classes of PCAF Part A that loans.csv names (`asset_class`).
public enum AssetClass: String, Hashable, Sendable, DeclarationOrdered {
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

  /// The class's name in PCAF Part A (2nd ed., ch. 5), in English.
  public var nameEN: String {
    switch self {
    case .businessLoan: "Business loans and unlisted equity"
    case .listedEquity: "Listed equity"
    case .corporateBond: "Corporate bonds"
    case .projectFinance: "Project finance"
    case .commercialRealEstate: "Commercial real estate"
    case .mortgage: "Mortgages"
    case .motorVehicleLoan: "Motor vehicle loans"
    case .sovereignDebt: "Sovereign debt"
    }
  }

  /// The class's name in Chinese, as the disclosure templates label it.
  public var nameZH: String {
    switch self {
    case .businessLoan: "商业贷款和非上市股权"
    case .listedEquity: "上市股权"
    case .corporateBond: "公司债券"
    case .projectFinance: "项目融资"
    case .commercialRealEstate: "商业地产"
    case .mortgage: "住房抵押贷款"
    case .motorVehicleLoan: "机动车贷款"
    case .sovereignDebt: "主权债务"
    }
  }
}
