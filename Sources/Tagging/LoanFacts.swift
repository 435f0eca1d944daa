public import Quantities

/// What the tagger reads of a loan (loans.csv, its borrower and the borrower's account).
public struct LoanFacts: Hashable, Sendable {
  public var loanID: String
  public var useOfProceeds: String?
  /// Structured activity key (`power.wind`, `building.new`, `vehicle.bev`, …).
  public var projectType: String?
  public var projectRegion: String?
  /// The borrower's GB/T 4754 code.
  public var borrowerSector: String?
  /// `CN-GFC-2025:4.2.1`, `CN-GBC-2021:3.2.2.1`.
  public var declaredCode: String?
  public var originationDate: Day?
  /// The day the green-finance product was approved, which decides its standard; without it
  /// the origination date stands in (and the tag says so).
  public var approvalDate: Day?
  /// A bond (`corporate_bond`) keeps the bond catalogue as its historical standard, anything
  /// else is a loan.
  public var product: StandardPeriod.Product = .loan
  /// Power usage effectiveness of a data centre (GB 40879), when the loan system carries it.
  public var pue: Double?
  public var capacityMW: Double?
  public var annualGenerationMWh: Double?
  public var lifecycleGCO2ePerKWh: Double?
  public var vehicleGCO2PerKm: Double?
  public var annualKm: Double?
  public var epcLabel: String?
  public var floorAreaM2: Double?
  public var annualEnergySavingTCE: Double?
  /// Outstanding and project value in the loan's currency, for the bank's share of reductions.
  public var outstanding: Double?
  public var projectValue: Double?
  /// The borrower's carbon-efficiency grade (1–5) and level (`低碳`, `中碳`, `高碳`), when known.
  public var borrowerCarbonGrade: Int?
  public var borrowerCarbonLevel: String?

  public init(loanID: String) { self.loanID = loanID }
}
