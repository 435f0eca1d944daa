public import Quantities

/// A loan's or investment's identifier (loans.csv `loan_id`), unique in the book.
public typealias LoanID = Identifier<Loan>

/// A loan or investment: one row of loans.csv, every column of the data contract, the one
/// type that financed emissions and the green tagger both take.
///
/// Money is in ``currency``. Financed emissions read the building and vehicle columns only for
/// the asset classes they describe (PCAF §5.4–5.6); the tagger reads the project columns of any
/// class.
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
  /// The `origination_date`.
  public var originationDate: Day?
  /// The day the green-finance product was approved (`approval_date`), which decides its
  /// green standard.
  public var approvalDate: Day?
  /// The use-of-proceeds text (`use_of_proceeds`, Chinese or English).
  public var useOfProceeds: String?
  /// The catalogue code the loan officer declared (`declared_green_code`, `CN-GFC-2025:4.2.1`);
  /// checked, never trusted.
  public var declaredGreenCode: String?
  /// The financed project's activity key (`project_type`: `power.wind`, `building.new`, …).
  public var projectType: String?
  /// The `project_region` code: the grid factor's region for a financed project or building,
  /// before ``Enterprise/region``.
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
  /// Installed capacity of a power project, MW.
  public var capacityMW: Double?
  /// Annual generation of a power project, MWh.
  public var annualGenerationMWh: Double?
  /// Life-cycle emissions of the generation, gCO2e/kWh.
  public var lifecycleGCO2ePerKWh: Double?
  /// The vehicle's emission rate, gCO2 per km.
  public var vehicleGCO2PerKm: Double?
  /// The distance the vehicle travels a year, km.
  public var annualKm: Double?
  /// Energy an efficiency project saves a year, tonnes of standard coal equivalent.
  public var annualEnergySavingTCE: Double?
  /// Power usage effectiveness of a financed data centre (GB 40879).
  public var pue: Double?

  /// Creates a loan from its required columns; `outstanding` is in `currency`, the optional
  /// columns start `nil`.
  public init(id: LoanID, borrowerID: EntityID?, assetClass: AssetClass, currency: Currency, outstanding: Double) {
    self.id = id
    self.borrowerID = borrowerID
    self.assetClass = assetClass
    self.currency = currency
    self.outstanding = outstanding
  }
}
