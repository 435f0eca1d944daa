public import Quantities

/// Which catalogue applies to which green-finance products approved in which period
/// (standards.csv): 银发〔2025〕132号 keeps products approved before the 2025 catalogue on
/// their historical standard — the 2019 industry catalogue behind the green-loan statistics
/// for loans, the 2021 bond catalogue for bonds.
public struct StandardPeriod: Hashable, Sendable {
  /// What a green-finance product is, for the choice of standard.
  public enum Product: String, Hashable, Sendable, CaseIterable {
    case loan, bond
  }

  /// `CN-GFC-2025`, `CN-GIC-2019` or `CN-GBC-2021`.
  public let taxonomy: String
  /// The products the standard applies to in the period.
  public let products: Set<Product>
  /// First day of approval the standard applies to (inclusive), or `nil`: from the start.
  public let from: Day?
  /// Day from which it no longer applies (exclusive), or `nil`: still in force.
  public let until: Day?
  /// The clause that sets the period, quoted.
  public let source: String

  /// Whether a product approved on `day` falls in the period.
  public func covers(_ day: Day) -> Bool {
    (from.map { day >= $0 } ?? true) && (until.map { day < $0 } ?? true)
  }

  init(row r: [String: String]) throws(CatalogueError) {
    taxonomy = r["taxonomy"] ?? ""
    var products: Set<Product> = []
    for p in (r["products"] ?? "").split(separator: "|") {
      guard let product = Product(rawValue: String(p)) else { throw CatalogueError("standards.csv: unknown product \"\(p)\"") }
      products.insert(product)
    }
    self.products = products
    func day(_ column: String) throws(CatalogueError) -> Day? {
      guard let text = r[column], !text.isEmpty else { return nil }
      let parts = text.split(separator: "-").compactMap { Int($0) }
      guard parts.count == 3, let d = Day(year: parts[0], month: parts[1], day: parts[2]) else {
        throw CatalogueError("standards.csv: \(column) \"\(text)\" is not a date (YYYY-MM-DD)")
      }
      return d
    }
    from = try day("from")
    until = try day("until")
    source = r["source"] ?? ""
  }
}
