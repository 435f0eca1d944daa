import LoanBook
import Quantities
import Tabular
import Testing

/// The one decoding of a loans.csv and a borrowers.csv row (data contract, ../shared/DESIGN.md),
/// every expected value written from the row's own text.
@Suite struct RowDecodingTests {
  /// Decodes the first data row of `text` with `decode`, after the header resolved the columns.
  func first<Columns, Row>(_ text: String, schema: TableSchema, columns: (ColumnIndex) -> Columns,
                           decode: (Columns, borrowing CSVRecord) -> Row) throws -> Row?
  {
    var resolved: Columns?
    var row: Row?
    try CSVReader.read(bytes: Array(text.utf8)) { record in
      guard let c = resolved else {
        let binding = try HeaderBinding(header: record.strings, schema: schema, file: "t.csv")
        resolved = columns(ColumnIndex(binding: binding, schema: schema))
        return
      }
      if row == nil { row = decode(c, record) }
    }
    return row
  }

  @Test func aLoanRowDecodesEveryColumnWhateverTheirOrder() throws {
    // Columns in an order of the file's own (the contract leaves the order free).
    let text = """
      pue,annual_km,outstanding,loan_id,asset_class,currency,borrower_id,use_of_proceeds,declared_green_code,\
      project_type,project_region,project_value,origination_date,approval_date,capacity_mw,epc_label
      1.25,12000,80000000,L-42,project_finance,CNY,ACME,50MW 光伏,CN-GFC-2025:4.2.2,power.solar_pv,浙江,\
      200000000,2025-11-03,2025-10-01,50,A

      """
    let loan = try #require(try first(text, schema: DataContract.loans, columns: { LoanColumns($0) },
                                      decode: { $0.loan($1) }))
    #expect(loan.id == "L-42")
    #expect(loan.borrowerID == "ACME")
    #expect(loan.assetClass == .projectFinance)
    #expect(loan.currency == .cny)
    #expect(loan.outstanding == 80_000_000)
    #expect(loan.projectValue == 200_000_000)
    #expect(loan.useOfProceeds == "50MW 光伏")
    #expect(loan.declaredGreenCode == "CN-GFC-2025:4.2.2")
    #expect(loan.projectType == "power.solar_pv")
    #expect(loan.projectRegion == "CN-ZJ")  // 浙江 is ISO 3166-2 CN-ZJ
    #expect(loan.originationDate == Day(year: 2025, month: 11, day: 3))
    #expect(loan.approvalDate == Day(year: 2025, month: 10, day: 1))
    #expect(loan.capacityMW == 50)
    #expect(loan.epcLabel == "A")
    #expect(loan.pue == 1.25)
    #expect(loan.annualKm == 12_000)
    #expect(loan.vehicleGCO2PerKm == nil)  // not in the file
  }

  @Test func anEnterpriseRowCarriesTheAccountsAndTheFinanceColumns() throws {
    let text = """
      borrower_id,name,sector,country,region,currency,revenue,value_added,output_quantity,output_unit,\
      evic,total_equity,total_debt,reported_scope1,emissions_year,emissions_verified,listed
      ACME,Acme Cement,C3011,CN,CN-ZJ,CNY,2000000000,600000000,1500000,t,3000000000,-5,800000000,520000,2024,true,false

      """
    let all = try #require(try first(text, schema: DataContract.borrowers, columns: { EnterpriseColumns($0) },
                                     decode: { $0.enterprise($1) }))
    #expect(all.id == "ACME" && all.name == "Acme Cement" && all.sector == "C3011")
    #expect(all.country == "CN" && all.region == "CN-ZJ" && all.defaultRegion == "CN-ZJ")
    #expect(all.revenue == 2_000_000_000 && all.valueAdded == 600_000_000)
    #expect(all.output == 1_500_000 && all.outputUnit == "t")
    #expect(all.evic == 3_000_000_000 && all.totalEquity == -5 && all.totalDebt == 800_000_000)
    #expect(all.reportedScope1 == 520_000 && all.emissionsYear == 2024 && all.emissionsVerified == true)
    #expect(all.isListed == false)

    // A reader that checks only some columns decodes only those: the rest stay nil.
    let some = try #require(try first(text, schema: DataContract.borrowers,
                                      columns: { EnterpriseColumns($0, checked: ["borrower_id", "sector", "country", "currency", "evic"]) },
                                      decode: { $0.enterprise($1) }))
    #expect(some.evic == 3_000_000_000)
    #expect(some.name == nil && some.valueAdded == nil && some.region == nil)
  }
}
