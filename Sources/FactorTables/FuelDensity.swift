public import Quantities

/// A default density of a fuel — a liquid per litre, a gas per normal cubic metre — with the
/// temperature it applies at, from a cited source (EmissionFactors `fuel_densities` table).
/// It turns a metered volume into the mass that GB/T 32151 and IPCC 2006 parameters are per.
public struct FuelDensity: Hashable, Sendable, Identifiable {
  /// Unique row id (`density_id`).
  public let id: String
  /// Fuel key (`diesel`, `natural_gas`).
  public let fuel: String
  /// Region the source applies to (`CN`, `GB`, `GLOBAL`).
  public let region: String
  /// kg per ``unit``'s denominator.
  public let value: Double
  /// `kg/L` or `kg/Nm3`.
  public let unit: PerUnit
  /// The reference state (`15 °C`, `20 °C`, `0 °C, 101.325 kPa`).
  public let basis: String
  /// The activity period the density applies to.
  public let validity: Validity
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation

  /// Kilograms per litre (liquid) or per Nm³ (gas).
  public var kilogramsPerBaseUnit: Double {
    value * unit.numerator.sizeInBaseUnit / UnitOfMeasure.kilograms.sizeInBaseUnit / unit.denominator.sizeInBaseUnit
  }
}

extension FactorSet {
  /// The default density of `fuel` per volume of `dimension` (`.volume` for litres,
  /// `.normalVolume` for Nm³) in `region` on `date`, searching the region chain.
  public func fuelDensity(_ fuel: String, per dimension: Dimension, in region: String, on date: Day) -> FuelDensity? {
    let rows = fuelDensities.filter { $0.fuel == fuel && $0.unit.denominator.dimension == dimension && $0.validity.contains(date) }
    for level in regionChain(region) {
      if let found = rows.first(where: { $0.region == level }) { return found }
    }
    return nil
  }
}
