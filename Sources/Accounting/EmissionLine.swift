public import LoanBook
public import FactorTables
public import Quantities

/// The GHG Protocol scope of an emission line, or outside the scopes (biogenic CO2).
public enum Scope: String, Hashable, Sendable, DeclarationOrdered {
  case scope1 = "1", scope2 = "2", scope3 = "3"
  /// Biogenic CO2 from burning biomass: reported separately, never in a scope total
  /// (GHG Protocol Corporate Standard ch. 9; ISO 14064-1 §5.2.4 and Annex D).
  case outside = "outside"
}

/// How a scope 2 line was computed (GHG Protocol Scope 2 Guidance, 2015, ch. 4).
public enum Scope2Method: String, Hashable, Sendable {
  case location, market
}

/// One computed emission: an activity row × a factor → a mass of one gas and its CO2e, with
/// everything needed to trace it (factor id, dataset version, GWP set, formula).
public struct EmissionLine: Hashable, Sendable {
  /// The enterprise the line belongs to.
  public let entity: EntityID
  /// The period of the activity row.
  public let period: Period
  /// The facility of the activity row, if any.
  public let facility: String?
  /// The activity key (`stationary.diesel`).
  public let activity: String
  /// The GHG Protocol scope, or outside the scopes.
  public let scope: Scope
  /// Scope 1: `stationary_combustion`, `mobile_combustion`, `process`, `fugitive`;
  /// scope 2: `electricity`, `heat`; scope 3: the category number `1`…`15`.
  public let category: String
  /// For scope 2 lines.
  public let scope2Method: Scope2Method?
  /// `CO2`, `CH4`, `N2O`, a fugitive gas (`SF6`, `HFC-134a`) or `CO2e`.
  public let gas: String
  /// Tonnes of the gas (for `CO2e` lines, tonnes CO2e).
  public let tonnes: Double
  /// Tonnes CO2e.
  public let tonnesCO2e: Double
  /// The factor's id, or `derived:<parameters id>` for combustion factors.
  public let factorID: String
  /// `dataset@version` of the factor.
  public let factorVersion: String
  /// The GWP set that weighted the gas into CO2e; `nil` for CO2 lines and factors already in CO2e.
  public let gwpSet: GWPSet?
  /// The method: `GB/T 32151 NCV×CC×OF×44/12`, `location-based grid average`, …
  public let method: String
  /// Where the combustion parameters came from; `nil` for lines without combustion parameters.
  public let tier: ParameterTier?
  /// The computation in words and numbers: `50 t × 42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12 = 154.795 tCO2`.
  public let formula: String
  /// The input row.
  public let origin: RecordOrigin?
}
