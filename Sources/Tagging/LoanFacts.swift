public import Quantities

/// What the tagger reads of a loan (loans.csv, its borrower and the borrower's account).
public struct LoanFacts: Hashable, Sendable {
  /// The loan's `loan_id`.
  public var loanID: String
  /// The use-of-proceeds text (Chinese or English) the keywords are matched in.
  public var useOfProceeds: String?
  /// Structured activity key (`power.wind`, `building.new`, `vehicle.bev`, …).
  public var projectType: String?
  /// The project's region code, which selects the grid factor (`CN` without it).
  public var projectRegion: String?
  /// The borrower's GB/T 4754 code.
  public var borrowerSector: String?
  /// `CN-GFC-2025:4.2.1`, `CN-GBC-2021:3.2.2.1`.
  public var declaredCode: String?
  /// The day the loan was originated.
  public var originationDate: Day?
  /// The day the green-finance product was approved, which decides its standard; without it
  /// the origination date stands in (and the tag says so).
  public var approvalDate: Day?
  /// A bond (`corporate_bond`) keeps the bond catalogue as its historical standard, anything
  /// else is a loan.
  public var product: StandardPeriod.Product = .loan
  /// Power usage effectiveness of a data centre (GB 40879), when the loan system carries it.
  public var pue: Double?
  /// Installed capacity, MW.
  public var capacityMW: Double?
  /// Annual generation, MWh.
  public var annualGenerationMWh: Double?
  /// Life-cycle emissions of the generation, gCO2e/kWh.
  public var lifecycleGCO2ePerKWh: Double?
  /// Vehicle emissions, gCO2/km.
  public var vehicleGCO2PerKm: Double?
  /// Distance driven per year, km.
  public var annualKm: Double?
  /// Energy Performance Certificate class (`A`).
  public var epcLabel: String?
  /// Floor area, m².
  public var floorAreaM2: Double?
  /// Energy saved per year, tonnes of standard coal equivalent.
  public var annualEnergySavingTCE: Double?
  /// Outstanding and project value in the loan's currency, for the bank's share of reductions.
  public var outstanding: Double?
  /// Total project value, in the loan's currency.
  public var projectValue: Double?
  /// The borrower's carbon-efficiency grade (1–5) and level (`低碳`, `中碳`, `高碳`), when known.
  public var borrowerCarbonGrade: Int?
  /// The borrower's carbon level (`低碳`, `中碳`, `高碳`), when known.
  public var borrowerCarbonLevel: String?

  /// The facts of loan `loanID`, every other field empty.
  public init(loanID: String) { self.loanID = loanID }
}
