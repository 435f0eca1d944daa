public import FactorTables
public import Quantities

/// The choices behind a set of accounts; they appear in every output.
public struct AccountingOptions: Hashable, Sendable {
  /// Combustion method for every entity; `nil` (the default) takes each entity's region's own
  /// method from the factor set's `region_methods` table (`FactorSet/method(for:)`).
  public var methodology: Methodology?
  /// GWP-100 set for non-CO2 gases.
  public var gwpSet: GWPSet = .ar6
  /// Periods starting after this day are rejected as "in the future".
  public var asOf: Day
  /// A factor more than this many years older than the activity is not used: such a row is
  /// rejected as beyond the coverage of the factor tables.
  public var maximumFactorAgeYears = 2
  /// Region whose scope 3 activity factors (freight, travel, waste) stand in where the
  /// activity's region has none, e.g. `GB` for DESNZ; `nil` takes the factor set's
  /// `region_proxies` table (`FactorSet/proxy(for:in:)`).
  public var scope3ProxyRegion: String?
  /// The significance threshold of base-year recalculation (``BaseYearComparison``): a
  /// structural change above this share of the base year's total is left out of the comparison.
  /// The GHG Protocol Corporate Standard (ch. 5) leaves the threshold to the company; 5 % is
  /// GreenLedger's default, a commonly used one.
  public var baseYearSignificance = 0.05

  /// Creates the options of a run; every choice but `asOf` has a default.
  public init(methodology: Methodology? = nil, gwpSet: GWPSet = .ar6, asOf: Day,
              maximumFactorAgeYears: Int = 2, scope3ProxyRegion: String? = nil)
  {
    self.methodology = methodology
    self.gwpSet = gwpSet
    self.asOf = asOf
    self.maximumFactorAgeYears = maximumFactorAgeYears
    self.scope3ProxyRegion = scope3ProxyRegion
  }
}

/// Why an activity row produced no emission lines.
public struct AccountingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The column at fault, when one is.
  public let column: String?
  /// What is wrong and how to fix it.
  public let message: String
  /// Whether the message needs the column's input text beside it (it speaks of a value
  /// computed from the field, not of the field itself).
  public let quotesInput: Bool

  /// Creates an error from its message, the column at fault and whether it quotes the input.
  public init(column: String? = nil, _ message: String, quotesInput: Bool = false) {
    self.column = column
    self.message = message
    self.quotesInput = quotesInput
  }

  /// The message, prefixed with the column when there is one.
  public var description: String { column.map { "\($0): \(message)" } ?? message }
}
