public import LoanBook
public import FactorTables
public import Quantities

/// A contractual instrument under which electricity was consumed (market-based scope 2).
public enum Instrument: String, Hashable, Sendable, CaseIterable {
  /// China Green Electricity Certificate (绿证).
  case gec
  /// International REC.
  case irec
  /// Power purchase agreement.
  case ppa
  /// Green-power trading (绿电交易).
  case greenPower = "green_power"
}

/// Where a record came from, for rejects and lines.
public struct RecordOrigin: Hashable, Sendable {
  /// The input file.
  public let file: String
  /// The 1-based line of the file on which the record starts.
  public let line: Int
  /// Creates an origin from a file and a line.
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }
}

/// One activity quantity of an enterprise (one row of activities.csv).
public struct ActivityRecord: Hashable, Sendable {
  /// The enterprise the activity belongs to.
  public var entity: EntityID
  /// The period the quantity covers.
  public var period: Period
  /// Activity key of the vocabulary (`stationary.diesel`, `electricity.grid`).
  public var activity: String
  /// The amount and its unit.
  public var quantity: Quantity
  /// Where the activity happened (defaults to the entity's region).
  public var region: String?
  /// The facility of the entity, when the row names one.
  public var facility: String?
  /// Measured NCV, carbon content and oxidation rate overriding the defaults.
  public var measured: MeasuredParameters
  /// Supplier-specific emission factor, kgCO2e per unit of ``quantity``.
  public var supplierFactor: Double?
  /// Contractual instrument covering this electricity.
  public var instrument: Instrument?
  /// GHG Protocol scope 3 category 1–15.
  public var scope3Category: Int?
  /// Specific enthalpy of purchased steam (`heat.steam`) at its temperature and pressure, kJ/kg.
  public var enthalpy: Double?
  /// Temperature of purchased steam or hot water, °C.
  public var temperature: Double?
  /// Absolute pressure of purchased steam, MPa.
  public var pressure: Double?
  /// The input row the record came from, when it came from a file.
  public var origin: RecordOrigin?

  /// Creates a record; only the entity, period, activity and quantity are required.
  public init(entity: EntityID, period: Period, activity: String, quantity: Quantity,
              region: String? = nil, facility: String? = nil,
              measured: MeasuredParameters = MeasuredParameters(), supplierFactor: Double? = nil,
              instrument: Instrument? = nil, scope3Category: Int? = nil, origin: RecordOrigin? = nil)
  {
    self.entity = entity
    self.period = period
    self.activity = activity
    self.quantity = quantity
    self.region = region
    self.facility = facility
    self.measured = measured
    self.supplierFactor = supplierFactor
    self.instrument = instrument
    self.scope3Category = scope3Category
    self.origin = origin
  }

  /// The activity family (`stationary`).
  public var family: Substring {
    // On the UTF-8 bytes: splitting by Characters costs grapheme breaking on every row.
    activity[..<(activity.utf8.firstIndex(of: 0x2E) ?? activity.endIndex)]
  }
  /// The part after the family (`diesel`).
  public var subject: Substring {
    guard let dot = activity.utf8.firstIndex(of: 0x2E) else { return activity[activity.endIndex...] }
    return activity[activity.utf8.index(after: dot)...]
  }
}
