public import FactorTables
public import Quantities

/// Which standard's method computes combustion emissions.
public enum Methodology: String, Hashable, Sendable, CaseIterable {
  /// Chinese national method (GB/T 32150-2015, GB/T 32151 series): CO2 = AD × NCV × CC × OF
  /// × 44/12 with the Chinese default parameters; CO2 only for combustion.
  case chinaGBT = "cn-gbt"
  /// GHG Protocol Corporate Standard: CO2 as `cn-gbt` (or IPCC 2006 defaults outside China),
  /// plus CH4 and N2O from the IPCC 2006 Tier 1 factors per energy, converted with the GWP set.
  case ghgProtocol = "ghg-protocol"
  /// US EPA GHG Emission Factors Hub: CO2, CH4 and N2O per physical unit or mmBtu, as the EPA
  /// Simplified GHG Emissions Calculator computes them.
  case epa = "epa"
}

/// The choices behind a set of accounts; they appear in every output.
public struct AccountingOptions: Hashable, Sendable {
  /// Combustion method.
  public var methodology: Methodology = .chinaGBT
  /// GWP-100 set for non-CO2 gases.
  public var gwpSet: GWPSet = .ar6
  /// Periods starting after this day are rejected as "in the future".
  public var asOf: Day
  /// A factor more than this many years older than the activity is not used: such a row is
  /// rejected as beyond the coverage of the factor tables.
  public var maximumFactorAgeYears = 2
  /// Region whose scope 3 activity factors (freight, travel, waste) stand in where the
  /// activity's region has none, e.g. `GB` for DESNZ; `nil` rejects such rows.
  public var scope3ProxyRegion: String?

  public init(methodology: Methodology = .chinaGBT, gwpSet: GWPSet = .ar6, asOf: Day,
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

  public init(column: String? = nil, _ message: String, quotesInput: Bool = false) {
    self.column = column
    self.message = message
    self.quotesInput = quotesInput
  }

  public var description: String { column.map { "\($0): \(message)" } ?? message }
}
