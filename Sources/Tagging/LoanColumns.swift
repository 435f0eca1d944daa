public import Tabular
internal import Quantities

/// Field positions of the loans.csv columns the tagger reads, resolved once per file (no
/// dictionary look-up per row), and the decoding of a row into ``LoanFacts``.
public struct LoanColumns: Sendable {
  /// 0-based field index of each column, `nil` where the file lacks it.

  /// Index of `loan_id`.
  public let loanID: Int?
  /// Index of `borrower_id`.
  public let borrowerId: Int?
  /// Index of `currency`.
  public let currency: Int?
  /// Index of `outstanding`.
  public let outstanding: Int?
  /// Index of `use_of_proceeds`.
  public let useOfProceeds: Int?
  /// Index of `project_type`.
  public let projectType: Int?
  /// Index of `project_region`.
  public let projectRegion: Int?
  /// Index of `declared_green_code`.
  public let declaredGreenCode: Int?
  /// Index of `origination_date`.
  public let originationDate: Int?
  /// Index of `capacity_mw`.
  public let capacityMw: Int?
  /// Index of `annual_generation_mwh`.
  public let annualGenerationMwh: Int?
  /// Index of `lifecycle_gco2e_per_kwh`.
  public let lifecycleGco2ePerKwh: Int?
  /// Index of `vehicle_gco2_per_km`.
  public let vehicleGco2PerKm: Int?
  /// Index of `annual_km`.
  public let annualKm: Int?
  /// Index of `epc_label`.
  public let epcLabel: Int?
  /// Index of `floor_area_m2`.
  public let floorAreaM2: Int?
  /// Index of `annual_energy_saving_tce`.
  public let annualEnergySavingTce: Int?
  /// Index of `project_value`.
  public let projectValue: Int?
  /// Index of `asset_class`.
  public let assetClass: Int?
  /// Index of `approval_date`.
  public let approvalDate: Int?
  /// Index of `pue`.
  public let pue: Int?

  /// Resolves each column's field index from the file's `ColumnIndex`.
  public init(_ c: ColumnIndex) {
    loanID = c["loan_id"]
    borrowerId = c["borrower_id"]
    currency = c["currency"]
    outstanding = c["outstanding"]
    useOfProceeds = c["use_of_proceeds"]
    projectType = c["project_type"]
    projectRegion = c["project_region"]
    declaredGreenCode = c["declared_green_code"]
    originationDate = c["origination_date"]
    capacityMw = c["capacity_mw"]
    annualGenerationMwh = c["annual_generation_mwh"]
    lifecycleGco2ePerKwh = c["lifecycle_gco2e_per_kwh"]
    vehicleGco2PerKm = c["vehicle_gco2_per_km"]
    annualKm = c["annual_km"]
    epcLabel = c["epc_label"]
    floorAreaM2 = c["floor_area_m2"]
    annualEnergySavingTce = c["annual_energy_saving_tce"]
    projectValue = c["project_value"]
    assetClass = c["asset_class"]
    approvalDate = c["approval_date"]
    pue = c["pue"]
  }

  /// The facts of a row whose fields the file's schema check has accepted; the borrower's
  /// sector and carbon grade are the caller's to add.
  public func facts(of r: borrowing CSVRecord) -> LoanFacts {
    var facts = LoanFacts(loanID: r.text(loanID) ?? "")
    facts.useOfProceeds = r.text(useOfProceeds)
    facts.projectType = r.text(projectType)
    facts.projectRegion = r.regionCode(projectRegion)
    facts.declaredCode = r.text(declaredGreenCode)
    facts.originationDate = r.field(originationDate).flatMap { try? FieldParser.date($0) }
    facts.approvalDate = r.field(approvalDate).flatMap { try? FieldParser.date($0) }
    if r.text(assetClass) == "corporate_bond" { facts.product = .bond }
    facts.capacityMW = r.decimal(capacityMw)
    facts.annualGenerationMWh = r.decimal(annualGenerationMwh)
    facts.lifecycleGCO2ePerKWh = r.decimal(lifecycleGco2ePerKwh)
    facts.vehicleGCO2PerKm = r.decimal(vehicleGco2PerKm)
    facts.annualKm = r.decimal(annualKm)
    facts.epcLabel = r.text(epcLabel)
    facts.floorAreaM2 = r.decimal(floorAreaM2)
    facts.annualEnergySavingTCE = r.decimal(annualEnergySavingTce)
    facts.pue = r.decimal(pue)
    facts.outstanding = r.decimal(outstanding)
    facts.projectValue = r.decimal(projectValue)
    return facts
  }
}
