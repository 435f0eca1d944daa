/// The physical (or monetary) dimension of a quantity.
///
/// Quantities convert freely within a dimension and never across one: a conversion from
/// kilowatt-hours to tonnes is a ``QuantityError``, never a guess.
///
/// Gas volumes are three distinct dimensions because a volume of gas means nothing without
/// its reference conditions: converting actual cubic metres to normal cubic metres needs the
/// gas's temperature and pressure, which a unit alone does not carry.
public enum Dimension: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// Energy; base unit the joule.
  case energy
  /// Mass; base unit the gram.
  case mass
  /// Geometric volume (litres, cubic metres); base unit the litre.
  case volume
  /// Gas volume at normal conditions, 0 °C and 101.325 kPa (the convention of the
  /// Chinese GB/T 32151 guidelines); base unit the normal cubic metre.
  case normalVolume
  /// Gas volume at US standard conditions, 60 °F and 14.7 psia (40 CFR 98.6, the EPA's "scf");
  /// base unit the standard cubic foot.
  case standardVolume
  /// Distance; base unit the metre.
  case distance
  /// Freight transport work; base unit the tonne-kilometre.
  case massDistance
  /// Passenger transport work; base unit the passenger-kilometre.
  case passengerDistance
  /// Area; base unit the square metre.
  case area
  /// Money in one currency; base unit one unit of that currency.
  case money
  /// A plain count (vehicles, certificates, units of output).
  case count

  /// The case name: `energy`, `normalVolume`, …
  public var description: String { rawValue }
}
