public import Quantities
public import Tabular

/// One emission factor row: a mass of one gas per unit of an activity, in a region, for a
/// validity period, from a cited source.
public struct EmissionFactor: Hashable, Sendable, Identifiable {
  /// Unique across the factor set (`CN-MEE-ELEC-AVG-CN-ZJ-2022`).
  public let id: String
  /// Activity key (`electricity.grid`).
  public let activity: String
  /// Region code (`CN-ZJ`, `CN-GRID-EAST`, `CN`, `US`, `GLOBAL`).
  public let region: String
  /// The series within the activity (`mee-nbs.average`, `ets.national-grid`).
  public let series: String
  /// The factor's value in ``unit``.
  public let value: Double
  /// Mass of gas per activity unit.
  public let unit: FactorUnit
  /// The activity period it applies to.
  public let validity: Validity
  /// Publication date of the source, as far as known.
  public let published: String
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation

  /// The gas.
  public var gas: Gas { unit.gas }
}

/// Default combustion parameters of a fuel (GB/T 32151, IPCC 2006 Vol.2): net calorific
/// value, carbon content per heat and oxidation rate — parameters, never a pre-multiplied
/// factor.
public struct FuelParameters: Hashable, Sendable, Identifiable {
  /// Unique row id (`parameter_id`).
  public let id: String
  /// Fuel key (`diesel`, `natural_gas`).
  public let fuel: String
  /// Net calorific value, in ``ncvUnit``.
  public let ncv: Double
  /// Energy per activity unit: `GJ/t`, `GJ/10^4 Nm3`.
  public let ncvUnit: PerUnit
  /// Carbon content per heat, tC/TJ.
  public let carbonContent: Double
  /// Carbon oxidation rate, 0–1.
  public let oxidationRate: Double
  /// Density in kg/L, for liquid fuels metered in litres, when a source gives one.
  public let density: Double?
  /// Region of the dataset (`CN`, `GLOBAL`).
  public let region: String
  /// The activity period the parameters apply to.
  public let validity: Validity
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation
}

/// A ratio of two units, such as `GJ/t` or `tce/10^4 Nm3`.
public struct PerUnit: Hashable, Sendable, CustomStringConvertible {
  /// The unit above the slash (`GJ` in `GJ/t`).
  public let numerator: UnitOfMeasure
  /// The unit below the slash (`t` in `GJ/t`).
  public let denominator: UnitOfMeasure

  /// Parses `<unit>/<unit>`.
  public init(parsing text: String) throws(FieldIssue) {
    let expected = "a ratio of units such as GJ/t or GJ/10^4 Nm3"
    guard let slash = text.firstIndex(of: "/"),
      let n = try? UnitOfMeasure(parsing: String(text[..<slash])),
      let d = try? UnitOfMeasure(parsing: String(text[text.index(after: slash)...]))
    else { throw FieldIssue(expected: expected) }
    numerator = n
    denominator = d
  }

  /// The ratio as written, e.g. `GJ/t`.
  public var description: String { "\(numerator.symbol)/\(denominator.symbol)" }
}

/// A conversion coefficient, e.g. GB/T 2589 standard coal per tonne of raw coal.
public struct ConversionCoefficient: Hashable, Sendable, Identifiable {
  /// Unique row id (`coefficient_id`).
  public let id: String
  /// Fuel key, `electricity`, `heat`, `standard_coal`.
  public let quantity: String
  /// The coefficient, in ``unit``.
  public let value: Double
  /// Its unit (`tce/t`, `kgce/kWh`).
  public let unit: PerUnit
  /// The period the coefficient applies to.
  public let validity: Validity
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation
}

/// An emission intensity of a sector per money (PCAF option 3 estimates).
public struct SectorIntensity: Hashable, Sendable, Identifiable {
  /// Unique row id (`intensity_id`).
  public let id: String
  /// GB/T 4754-2017 section or division.
  public let sector: String
  /// `revenue` or `assets`.
  public let metric: String
  /// tCO2e per ``unit``'s money denominator.
  public let value: Double
  /// A mass of CO2e per amount of money in ``currency``.
  public let unit: FactorUnit
  /// The currency of the unit's money denominator.
  public let currency: Currency
  /// The year the intensity is for (the table's `year` column).
  public let year: Int
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation
}

/// A 100-year global-warming-potential value of one gas in one IPCC assessment.
public struct GWPValue: Hashable, Sendable {
  /// The IPCC assessment the value is from.
  public let set: GWPSet
  /// Gas key: `CH4`, `CH4_fossil`, `N2O`, `SF6`, `HFC-134a`, …
  public let gas: String
  /// The 100-year GWP: mass of CO2e per mass of the gas.
  public let value: Double
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation
}

/// The IPCC assessment a GWP value comes from.
public enum GWPSet: String, Hashable, Sendable, CaseIterable {
  /// The IPCC Fourth, Fifth and Sixth Assessment Reports.
  case ar4 = "AR4", ar5 = "AR5", ar6 = "AR6"
}

/// A mass fraction of one component in a refrigerant blend (ASHRAE 34).
public struct BlendComponent: Hashable, Sendable {
  /// The blend's designation (`R-404A`).
  public let blend: String
  /// Gas key of the component (`HFC-125`).
  public let component: String
  /// The component's mass fraction, 0–1; a blend's fractions sum to 1.
  public let massFraction: Double
  /// The source.
  public let citation: Citation
}

/// A region and its parent in the fallback hierarchy (province → grid region → country).
public struct RegionLink: Hashable, Sendable {
  /// Region code (`CN-ZJ`).
  public let region: String
  /// The next region up the chain (`CN-GRID-EAST` for `CN-ZJ`); `nil` for none.
  public let parent: String?
  /// Chinese name.
  public let nameZH: String
  /// English name.
  public let nameEN: String
}

/// The default series of an activity in a region, used when a look-up names none.
public struct SeriesDefault: Hashable, Sendable {
  /// Activity key (`electricity.grid`).
  public let activity: String
  /// Region code the default applies to.
  public let region: String
  /// The series chosen (`mee-nbs.average`).
  public let series: String
  /// Why this series (the table's `source` column).
  public let reason: String
}

/// One band of a grading scheme, e.g. Zhejiang/Huzhou carbon-efficiency grade 2:
/// 0.6 < K ≤ 0.8.
public struct GradeBand: Hashable, Sendable {
  /// Scheme id (`zj-huzhou-k`, `zj-l`).
  public let scheme: String
  /// The graded metric (`K`, `L`).
  public let metric: String
  /// The grade (`1`…`5`, `低碳`).
  public let grade: String
  /// Exclusive lower bound; `nil` for none.
  public let lowerExclusive: Double?
  /// Inclusive upper bound; `nil` for none.
  public let upperInclusive: Double?
  /// The unit of the metric, as text (`ratio`).
  public let unit: String
  /// Chinese label of the grade.
  public let labelZH: String
  /// English label of the grade.
  public let labelEN: String
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation

  /// Whether `value` falls in the band: lower < value ≤ upper.
  public func contains(_ value: Double) -> Bool {
    (lowerExclusive.map { value > $0 } ?? true) && (upperInclusive.map { value <= $0 } ?? true)
  }
}
