public import Quantities
public import Tabular

/// The field positions of loans.csv's columns in one file, resolved once, and the one decoding
/// of a row into a ``Loan`` that financed emissions and the tagger share.
public struct LoanColumns: Sendable {
  private let assetClasses = Vocabulary(AssetClass.allCases.map(\.rawValue))
  private let c: ColumnIndex
  /// The 0-based field index of `loan_id`.
  public let loanID: Int?
  /// The 0-based field index of `borrower_id`, `nil` where the file lacks it.
  public let borrowerID: Int?
  /// The 0-based field index of `currency`.
  public let currency: Int?
  /// The 0-based field index of `outstanding`.
  public let outstanding: Int?
  private let assetClass, originationDate, approvalDate, useOfProceeds, declaredGreenCode, projectType, projectRegion,
    projectValue, propertyValue, floorArea, energy, epc, capacity, generation, lifecycle, gco2, km, saving, pue: Int?

  /// Resolves the columns of a file from its column index; a reader that validates only some
  /// columns names them in `checked`, and the others are left `nil` (never decoded unchecked).
  public init(_ c: ColumnIndex, checked: Set<String>? = nil) {
    func at(_ name: String) -> Int? { c[name, checked: checked] }
    self.c = c
    (loanID, borrowerID, assetClass, currency, outstanding) =
      (at("loan_id"), at("borrower_id"), at("asset_class"), at("currency"), at("outstanding"))
    (originationDate, approvalDate, useOfProceeds, declaredGreenCode, projectType, projectRegion) =
      (at("origination_date"), at("approval_date"), at("use_of_proceeds"), at("declared_green_code"),
       at("project_type"), at("project_region"))
    (projectValue, propertyValue, floorArea, energy, epc) =
      (at("project_value"), at("property_value"), at("floor_area_m2"), at("energy_kwh"), at("epc_label"))
    (capacity, generation, lifecycle, gco2, km, saving, pue) =
      (at("capacity_mw"), at("annual_generation_mwh"), at("lifecycle_gco2e_per_kwh"), at("vehicle_gco2_per_km"),
       at("annual_km"), at("annual_energy_saving_tce"), at("pue"))
  }

  /// Resolves the loans.csv columns of a file from its header binding; `checked` as in
  /// ``init(_:checked:)``.
  public init(binding: HeaderBinding, checked: Set<String>? = nil) {
    self.init(ColumnIndex(binding: binding, schema: DataContract.loans), checked: checked)
  }

  /// The 1-based field number of column `name` in this file.
  public func fieldNumber(of name: String) -> Int? { c[name].map { $0 + 1 } }

  /// The loan of a record that `RowChecker` accepted against the loans.csv contract.
  public func loan(_ record: borrowing CSVRecord) -> Loan {
    let basic = basicFields(record)
    var loan = Loan(id: LoanID(record.text(loanID)!), borrowerID: record.text(borrowerID).map { EntityID($0) },
                    assetClass: basic.assetClass, currency: basic.currency, outstanding: basic.outstanding)
    loan.projectValue = basic.projectValue
    loan.originationDate = record.date(originationDate)
    loan.approvalDate = record.date(approvalDate)
    loan.useOfProceeds = record.text(useOfProceeds)
    loan.declaredGreenCode = record.text(declaredGreenCode)
    loan.projectType = record.text(projectType)
    loan.projectRegion = record.regionCode(projectRegion)
    loan.propertyValue = record.decimal(propertyValue)
    loan.floorAreaM2 = record.decimal(floorArea)
    loan.energyKWh = record.decimal(energy)
    loan.epcLabel = record.text(epc)
    loan.capacityMW = record.decimal(capacity)
    loan.annualGenerationMWh = record.decimal(generation)
    loan.lifecycleGCO2ePerKWh = record.decimal(lifecycle)
    loan.vehicleGCO2PerKm = record.decimal(gco2)
    loan.annualKm = record.decimal(km)
    loan.annualEnergySavingTCE = record.decimal(saving)
    loan.pue = record.decimal(pue)
    return loan
  }

  /// The few fields a portfolio total needs (finance-basic), of a record that `RowChecker`
  /// accepted: no text is decoded.
  @inline(__always)
  public func basicFields(_ record: borrowing CSVRecord)
    -> (assetClass: AssetClass, currency: Currency, outstanding: Double, projectValue: Double?)
  {
    (AssetClass.allCases[(try? assetClasses.index(of: record[assetClass!])) ?? 0], record.currency(currency)!,
     record.decimal(outstanding)!, record.decimal(projectValue))
  }
}
