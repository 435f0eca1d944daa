public import Quantities

/// An enterprise's identifier: activities.csv `entity_id`, the same key as borrowers.csv
/// `borrower_id` and loans.csv `borrower_id`.
public typealias EntityID = Identifier<Enterprise>

/// An enterprise (or sovereign) of the book: one row of borrowers.csv, the one type that the
/// carbon accounts and financed emissions both take.
///
/// The accounts read the identity, sector, place and the output and value-added columns;
/// financed emissions read the balance-sheet and reported-emissions columns. Money is in
/// ``currency``; emissions in tCO2e.
public struct Enterprise: Hashable, Sendable {
  /// The `borrower_id`, unique in the file; the same key as activities.csv `entity_id`.
  public var id: EntityID
  /// The enterprise's name (`name`), when known.
  public var name: String?
  /// GB/T 4754-2017 industry code (`D4411`; sovereigns `S9221`).
  public var sector: String
  /// ISO 3166-1 alpha-2 country code.
  public var country: String
  /// ISO 3166-1 alpha-2 or ISO 3166-2 region code, when known; the region of activities and of
  /// a financed building's grid factor unless a row or loan names its own.
  public var region: String?
  /// `true` if listed; `nil` when the file leaves it empty (treated as not listed).
  public var isListed: Bool?
  /// The currency of the money columns.
  public var currency: Currency
  /// Annual revenue, in ``currency``.
  public var revenue: Double?
  /// Annual industrial value added (income method), in ``currency``.
  public var valueAdded: Double?
  /// Physical output (for intensity per output), in ``outputUnit``.
  public var output: Double?
  /// The unit of ``output``.
  public var outputUnit: String?
  /// Enterprise value including cash, in ``currency``.
  public var evic: Double?
  /// Total equity, in ``currency``; a negative value counts as 0 in attribution.
  public var totalEquity: Double?
  /// Total debt, in ``currency``.
  public var totalDebt: Double?
  /// Total assets, in ``currency``; the denominator when equity + debt is not available.
  public var totalAssets: Double?
  /// Reported scope 1 emissions, tCO2e.
  public var reportedScope1: Double?
  /// Reported scope 2 emissions, tCO2e.
  public var reportedScope2: Double?
  /// Reported scope 3 emissions, tCO2e.
  public var reportedScope3: Double?
  /// The year the reported emissions are for.
  public var emissionsYear: Int?
  /// Whether the reported emissions are verified (data-quality score 1, else 2); `nil` when empty.
  public var emissionsVerified: Bool?

  /// Creates an enterprise; only the id, sector, country and currency are required, and the
  /// columns not given here start `nil`.
  public init(id: EntityID, name: String? = nil, sector: String, country: String, region: String? = nil,
              currency: Currency, revenue: Double? = nil, valueAdded: Double? = nil,
              output: Double? = nil, outputUnit: String? = nil)
  {
    self.id = id
    self.name = name
    self.sector = sector
    self.country = country
    self.region = region
    self.currency = currency
    self.revenue = revenue
    self.valueAdded = valueAdded
    self.output = output
    self.outputUnit = outputUnit
  }

  /// Where the enterprise's activities happen unless a row says otherwise.
  public var defaultRegion: String { region ?? country }
}
