public import Quantities
import Tabular

/// Where a combustion parameter came from: the row's own measurement or the default table.
public enum ParameterTier: String, Hashable, Sendable {
  /// Measured by the enterprise (activities.csv `ncv`, `carbon_content`, `oxidation_rate`).
  case measured
  /// The default of the factor set (GB/T 32151, IPCC 2006).
  case `default`
}

/// Measured combustion parameters that override the defaults.
public struct MeasuredParameters: Hashable, Sendable {
  /// Net calorific value and its unit (`21.5`, `GJ/t`).
  public var ncv: (value: Double, unit: PerUnit)?
  /// Carbon content per heat, tC/TJ.
  public var carbonContent: Double?
  /// Oxidation rate, 0–1.
  public var oxidationRate: Double?
  /// Density of the fuel as delivered and its unit (`0.835`, `kg/L`): turns a metered
  /// volume into mass, overriding the default density.
  public var density: (value: Double, unit: PerUnit)?

  /// Creates measured parameters; each one left `nil` takes the factor set's default.
  public init(ncv: (value: Double, unit: PerUnit)? = nil, carbonContent: Double? = nil,
              oxidationRate: Double? = nil, density: (value: Double, unit: PerUnit)? = nil)
  {
    self.ncv = ncv
    self.carbonContent = carbonContent
    self.oxidationRate = oxidationRate
    self.density = density
  }

  /// Whether none of NCV, carbon content and oxidation rate is measured (a density may be).
  public var hasNoCombustionParameters: Bool { ncv == nil && carbonContent == nil && oxidationRate == nil }

  /// Whether the two hold the same values and units.
  public static func == (lhs: MeasuredParameters, rhs: MeasuredParameters) -> Bool {
    lhs.ncv?.value == rhs.ncv?.value && lhs.ncv?.unit == rhs.ncv?.unit
      && lhs.carbonContent == rhs.carbonContent && lhs.oxidationRate == rhs.oxidationRate
      && lhs.density?.value == rhs.density?.value && lhs.density?.unit == rhs.density?.unit
  }

  /// Hashes the measured values and the NCV unit.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ncv?.value)
    hasher.combine(ncv?.unit)
    hasher.combine(carbonContent)
    hasher.combine(oxidationRate)
    hasher.combine(density?.value)
  }
}

/// A CO2 factor of a fuel derived as NCV × CC × OF × 44/12 (GB/T 32151.1-2015 formula (2)
/// and (3); IPCC 2006 Vol.2 eq. 2.1 with Table 1.3 carbon content), with each parameter's
/// tier.
public struct CombustionFactor: Hashable, Sendable {
  /// The fuel key.
  public let fuel: String
  /// Tonnes of CO2 per one ``perUnit`` of fuel.
  public let tonnesCO2PerUnit: Double
  /// The activity unit the factor is per (the NCV's denominator: t, 10^4 Nm3).
  public let perUnit: UnitOfMeasure
  /// NCV in GJ per ``perUnit``.
  public let ncvGigajoules: Double
  /// tC/TJ.
  public let carbonContent: Double
  /// 0–1.
  public let oxidationRate: Double
  /// Tier of NCV, carbon content and oxidation rate.
  public let tiers: (ncv: ParameterTier, carbonContent: ParameterTier, oxidationRate: ParameterTier)
  /// The default parameters used (for citation); `nil` when all three were measured.
  public let parameters: FuelParameters?

  /// `42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12`.
  public var formula: String {
    "\(Self.format(ncvGigajoules)) GJ/\(perUnit.symbol) × \(Self.format(carbonContent)) tC/TJ × "
      + "\(Self.format(oxidationRate)) × 44/12"
  }

  /// The overall tier: measured if any parameter is measured.
  public var tier: ParameterTier {
    tiers.ncv == .measured || tiers.carbonContent == .measured || tiers.oxidationRate == .measured
      ? .measured : .default
  }

  static func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
  }

  /// Whether fuel, factor, activity unit, default parameters and tiers are equal.
  public static func == (lhs: CombustionFactor, rhs: CombustionFactor) -> Bool {
    lhs.fuel == rhs.fuel && lhs.tonnesCO2PerUnit == rhs.tonnesCO2PerUnit && lhs.perUnit == rhs.perUnit
      && lhs.parameters == rhs.parameters && lhs.tiers == rhs.tiers
  }

  /// Hashes the fuel, the factor and the default parameters.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(fuel)
    hasher.combine(tonnesCO2PerUnit)
    hasher.combine(parameters)
  }
}

extension FactorSet {
  /// The default combustion parameters of `fuel` for `region` on `date`, searching the
  /// region chain (province → … → country → `GLOBAL`).
  public func fuelParameters(_ fuel: String, in region: String, on date: Day) throws(FactorLookupError)
    -> FuelParameters
  {
    let rows = fuelParameters.filter { $0.fuel == fuel && $0.validity.contains(date) }
    for level in regionChain(region) {
      if let found = rows.first(where: { $0.region == level }) { return found }
    }
    throw FactorLookupError("no default combustion parameters for fuel \"\(fuel)\" in \(region) "
      + "or its parents valid on \(date)" + Self.didYouMean(rows.isEmpty ? nearestFuel(to: fuel) : nil))
  }

  /// The CO2 factor of burning `fuel`: NCV × CC × OF × 44/12, each parameter measured when
  /// given, else the default for the region and date.
  ///
  /// Units: NCV in GJ per unit × CC in tC/TJ × 10⁻³ TJ/GJ gives tC per unit; × OF × 44/12
  /// gives tCO2 per unit.
  ///
  /// - Throws: ``FactorLookupError`` when there is no default, or a measured NCV's unit
  ///   does not match the default's activity unit dimension.
  public func combustionFactor(_ fuel: String, in region: String, on date: Day,
                               measured: MeasuredParameters = MeasuredParameters())
    throws(FactorLookupError) -> CombustionFactor
  {
    if let m = measured.ncv, let cc = measured.carbonContent, let of = measured.oxidationRate {
      // Fully measured (GB/T 32151 tier with enterprise data): no default is needed.
      guard m.unit.numerator.dimension == .energy else {
        throw FactorLookupError("measured NCV unit \(m.unit) is not energy per unit (GJ/t)")
      }
      let ncv = m.value * ratio(m.unit.numerator, .gigajoules)
      return CombustionFactor(
        fuel: fuel, tonnesCO2PerUnit: ncv * cc * 1e-3 * of * 44 / 12, perUnit: m.unit.denominator,
        ncvGigajoules: ncv, carbonContent: cc, oxidationRate: of, tiers: (.measured, .measured, .measured),
        parameters: nil)
    }
    let defaults = try fuelParameters(fuel, in: region, on: date)
    var perUnit = defaults.ncvUnit.denominator
    var ncv = defaults.ncv * ratio(defaults.ncvUnit.numerator, .gigajoules)
    var ncvTier = ParameterTier.default
    if let m = measured.ncv {
      guard m.unit.numerator.dimension == .energy,
        m.unit.denominator.dimension == defaults.ncvUnit.denominator.dimension
      else {
        throw FactorLookupError("measured NCV unit \(m.unit) does not match \(defaults.ncvUnit) of \(fuel)")
      }
      perUnit = m.unit.denominator
      ncv = m.value * ratio(m.unit.numerator, .gigajoules)
      ncvTier = .measured
    }
    let cc = measured.carbonContent ?? defaults.carbonContent
    let of = measured.oxidationRate ?? defaults.oxidationRate
    let tonnes = ncv * cc * 1e-3 * of * 44 / 12
    return CombustionFactor(
      fuel: fuel, tonnesCO2PerUnit: tonnes, perUnit: perUnit, ncvGigajoules: ncv, carbonContent: cc,
      oxidationRate: of,
      tiers: (ncvTier, measured.carbonContent == nil ? .default : .measured,
              measured.oxidationRate == nil ? .default : .measured),
      parameters: defaults)
  }

  private func ratio(_ from: UnitOfMeasure, _ to: UnitOfMeasure) -> Double {
    (try? from.conversionFactor(to: to)) ?? .nan
  }
}
