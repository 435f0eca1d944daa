import FactorTables
import Quantities

/// The physical amount of a fuel in the unit its parameters are per: mass from a metered
/// volume through the measured or default density, gas volumes at the parameters'
/// reference state.
extension LineCalculator {
  /// The amount burnt in `perUnit`, its text for the formula (`1000 L × 0.84 kg/L`) and
  /// what the line must say about an assumption made (a default density, a reference state).
  mutating func physicalAmount(_ r: ActivityRecord, fuel: String, region: String, perUnit: UnitOfMeasure,
                               parameters: FuelParameters?) throws(AccountingError)
    -> (amount: Double, text: String, note: String?)
  {
    let q = r.quantity
    switch (q.dimension, perUnit.dimension) {
    case (.energy, _):
      // NCV × CC needs the physical amount: an energy quantity does not say whether it is on
      // a net or gross calorific basis, and guessing would shift CO2 by up to 10 %.
      throw AccountingError(column: "unit", "\(q.unit.symbol) is an energy unit; the \(fuel) method "
        + "(NCV × CC × OF × 44/12) needs the physical amount in \(perUnit.symbol) or another "
        + "\(perUnit.dimension) unit")
    case (.volume, .mass), (.normalVolume, .mass):
      let base: UnitOfMeasure = q.dimension == .volume ? .litres : .normalCubicMetres
      let density = try self.density(of: fuel, per: q.dimension, r, region: region, parameters: parameters)
      let volume = try convert(q, to: base, column: "unit")
      let amount = try convert(Quantity(volume * density.kilograms, .kilograms), to: perUnit, column: "unit")
      return (amount, "\(Self.number(q.value)) \(q.unit.symbol) × \(Self.number(density.kilograms)) kg/\(base.symbol)",
              density.note)
    case (.volume, .normalVolume):
      // Chinese energy statistics write gas volumes in 立方米 / 万立方米 and mean the standard
      // state of the statistics; the default NCV is per Nm³ (0 °C, 101.325 kPa).
      let cubicMetres = try convert(q, to: .cubicMetres, column: "unit")
      let amount = try convert(Quantity(cubicMetres, .normalCubicMetres), to: perUnit, column: "unit")
      return (amount, "\(Self.number(amount)) \(perUnit.symbol)",
              "\(q.unit.symbol) of gas taken as normal cubic metres (0 °C, 101.325 kPa), the reference state of the NCV")
    default:
      let amount = try convert(q, to: perUnit, column: "unit")
      return (amount, "\(Self.number(amount)) \(perUnit.symbol)", nil)
    }
  }

  /// Kilograms per litre (or per Nm³) of `fuel`: the row's measured density, else the
  /// parameters' own, else the factor set's default for the region.
  mutating func density(of fuel: String, per dimension: Dimension, _ r: ActivityRecord, region: String,
                        parameters: FuelParameters?) throws(AccountingError) -> (kilograms: Double, note: String?)
  {
    if let m = r.measured.density {
      guard m.unit.denominator.dimension == dimension else {
        throw AccountingError(column: "density_unit", "\(m.unit) does not fit a quantity in \(r.quantity.unit.symbol); "
          + "give the density per \(dimension == .volume ? "litre (kg/L)" : "normal cubic metre (kg/Nm3)")")
      }
      return (m.value * m.unit.numerator.sizeInBaseUnit / 1_000 / m.unit.denominator.sizeInBaseUnit, "measured density")
    }
    if dimension == .volume, let d = parameters?.density { return (d, nil) }
    let key = DensityKey(fuel: fuel, region: region, date: r.period.firstDay, dimension: dimension)
    let found: FuelDensity?
    if let cached = densities[key] { found = cached } else {
      found = factors.fuelDensity(fuel, per: dimension, in: region, on: r.period.firstDay)
      densities[key] = .some(found)
    }
    guard let d = found else {
      throw AccountingError(column: "unit", "\(r.quantity.unit.symbol) is a \(dimension == .volume ? "volume" : "gas volume") "
        + "but the \(fuel) parameters are per mass and the factor set has no density for \(fuel) in \(region); "
        + "give the quantity in t or the density in the density and density_unit columns")
    }
    return (d.kilogramsPerBaseUnit, "default density \(d.id), \(Self.number(d.value)) \(d.unit) (reference state: \(d.basis))")
  }

  struct DensityKey: Hashable {
    let fuel: String
    let region: String
    let date: Day
    let dimension: Dimension
  }
}
