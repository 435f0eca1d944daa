import Quantities
public import Tabular

/// The field positions of borrowers.csv's columns in one file, resolved once, and the one
/// decoding of a row into an ``Enterprise`` that the accounts and financed emissions share.
public struct EnterpriseColumns: Sendable {
  private let id, name, sector, country, region, listed, currency, revenue, valueAdded, output, outputUnit, evic,
    equity, debt, assets, scope1, scope2, scope3, year, verified: Int?

  /// Resolves the columns of a file from its column index; a reader that validates only some
  /// columns names them in `checked`, and the others are left `nil` (never decoded unchecked).
  public init(_ c: ColumnIndex, checked: Set<String>? = nil) {
    func at(_ name: String) -> Int? { c[name, checked: checked] }
    (id, name, sector, country, region, listed, currency) =
      (at("borrower_id"), at("name"), at("sector"), at("country"), at("region"), at("listed"), at("currency"))
    (revenue, valueAdded, output, outputUnit) = (at("revenue"), at("value_added"), at("output_quantity"), at("output_unit"))
    (evic, equity, debt, assets) = (at("evic"), at("total_equity"), at("total_debt"), at("total_assets"))
    (scope1, scope2, scope3, year, verified) =
      (at("reported_scope1"), at("reported_scope2"), at("reported_scope3"), at("emissions_year"), at("emissions_verified"))
  }

  /// The enterprise of a record that `RowChecker` accepted against the borrowers.csv contract.
  public func enterprise(_ record: borrowing CSVRecord) -> Enterprise {
    var e = Enterprise(
      id: EntityID(record.text(id)!), name: record.text(name), sector: record.text(sector)!,
      country: record.text(country)!, region: record.regionCode(region), currency: record.currency(currency)!,
      revenue: record.decimal(revenue), valueAdded: record.decimal(valueAdded), output: record.decimal(output),
      outputUnit: record.text(outputUnit))
    e.isListed = record.boolean(listed)
    e.evic = record.decimal(evic)
    e.totalEquity = record.decimal(equity)
    e.totalDebt = record.decimal(debt)
    e.totalAssets = record.decimal(assets)
    e.reportedScope1 = record.decimal(scope1)
    e.reportedScope2 = record.decimal(scope2)
    e.reportedScope3 = record.decimal(scope3)
    e.emissionsYear = record.decimal(year).map { Int($0) }
    e.emissionsVerified = record.boolean(verified)
    return e
  }
}
