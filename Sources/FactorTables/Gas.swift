public import Quantities
public import Tabular

/// The gas an emission factor is for.
public enum Gas: String, Hashable, Sendable, DeclarationOrdered {
  /// Carbon dioxide.
  case co2 = "CO2"
  /// Methane.
  case ch4 = "CH4"
  /// Nitrous oxide.
  case n2o = "N2O"
  /// Carbon-dioxide equivalent, where a source gives only the aggregate.
  case co2e = "CO2e"
  /// Perfluorocarbons of aluminium smelting's anode effects.
  case cf4 = "CF4"
  /// Hexafluoroethane.
  case c2f6 = "C2F6"
}

/// The unit of an emission factor: a mass of a gas per unit of activity, written
/// `kgCO2/kWh`, `tCO2/MWh`, `gCH4/mmBtu`, `kgCO2e/tkm`.
public struct FactorUnit: Hashable, Sendable, CustomStringConvertible {
  /// The mass unit of the numerator (g, kg, t).
  public let mass: UnitOfMeasure
  /// The gas of the numerator.
  public let gas: Gas
  /// The activity unit of the denominator.
  public let perUnit: UnitOfMeasure

  /// Parses `<mass><gas>/<unit>`.
  ///
  /// - Throws: `FieldIssue` naming what is wrong.
  public init(parsing text: String) throws(FieldIssue) {
    let expected = "a factor unit <mass><gas>/<unit> such as kgCO2/kWh, tCO2/MWh or gCH4/mmBtu"
    guard let slash = text.firstIndex(of: "/") else { throw FieldIssue(expected: expected) }
    let numerator = String(text[..<slash])
    let denominator = String(text[text.index(after: slash)...])
    // Longest gas label first: "CO2e" before "CO2".
    guard let gas = Gas.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
      .first(where: { numerator.hasSuffix($0.rawValue) })
    else { throw FieldIssue(expected: expected, detail: "no gas CO2, CH4, N2O or CO2e in \"\(numerator)\"") }
    let massText = String(numerator.dropLast(gas.rawValue.count))
    // Factor tables are reviewed data: their units are spelt exactly (no letter-case folding).
    guard let mass = try? UnitOfMeasure(parsing: massText, ignoringCase: false), mass.dimension == .mass else {
      throw FieldIssue(expected: expected, detail: "\"\(massText)\" is not a mass unit")
    }
    let perUnit: UnitOfMeasure
    do { perUnit = try UnitOfMeasure(parsing: denominator, ignoringCase: false) } catch {
      throw FieldIssue(expected: expected, detail: "unknown activity unit \"\(denominator)\"")
    }
    self.mass = mass
    self.gas = gas
    self.perUnit = perUnit
  }

  /// The unit as written, e.g. `kgCO2/kWh`.
  public var description: String { "\(mass.symbol)\(gas.rawValue)/\(perUnit.symbol)" }

  /// Tonnes of gas per one `perUnit` for a factor of `value` in this unit.
  public func tonnes(of value: Double) -> Double {
    value * mass.sizeInBaseUnit / UnitOfMeasure.tonnes.sizeInBaseUnit
  }
}
