/// A reporting period: a calendar year (`2024`), a half year (`2024-H1`), a quarter
/// (`2024-Q3`) or a month (`2024-07`).
///
/// Months and quarters roll up to their year (``year``); accounts are kept per year.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The granularity of a period.
  public enum Granularity: Int, Hashable, Sendable, Comparable {
    /// Month, quarter, half year, year.
    case month = 0, quarter, half, year
    /// Finest (month) to coarsest (year).
    public static func < (lhs: Granularity, rhs: Granularity) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The calendar year the period falls in.
  public let year: Int
  /// Whether this is a year, a quarter or a month.
  public let granularity: Granularity
  /// Half 1…2, quarter 1…4 or month 1…12; 0 for a year.
  public let index: Int

  /// The calendar year `year` (1…9999).
  public static func year(_ year: Int) -> Period? {
    (1...9999).contains(year) ? Period(year: year, granularity: .year, index: 0) : nil
  }

  /// Half year `half` (1…2) of `year`: January–June or July–December.
  public static func half(_ half: Int, of year: Int) -> Period? {
    (1...9999).contains(year) && (1...2).contains(half)
      ? Period(year: year, granularity: .half, index: half) : nil
  }

  /// Quarter `quarter` (1…4) of `year`.
  public static func quarter(_ quarter: Int, of year: Int) -> Period? {
    (1...9999).contains(year) && (1...4).contains(quarter)
      ? Period(year: year, granularity: .quarter, index: quarter) : nil
  }

  /// Month `month` (1…12) of `year`.
  public static func month(_ month: Int, of year: Int) -> Period? {
    (1...9999).contains(year) && (1...12).contains(month)
      ? Period(year: year, granularity: .month, index: month) : nil
  }

  private init(year: Int, granularity: Granularity, index: Int) {
    self.year = year
    self.granularity = granularity
    self.index = index
  }

  /// The months the period spans, 1…12.
  public var months: ClosedRange<Int> {
    switch granularity {
    case .year: 1...12
    case .half: (6 * index - 5)...(6 * index)
    case .quarter: (3 * index - 2)...(3 * index)
    case .month: index...index
    }
  }

  /// The first day of the period.
  public var firstDay: Day { Day(year: year, month: months.lowerBound, day: 1)! }

  /// The last day of the period.
  public var lastDay: Day { Day.lastOf(month: months.upperBound, year: year) }

  /// Whether `day` falls within the period.
  public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

  /// The calendar year this period rolls up to.
  public var calendarYear: Period { Period(year: year, granularity: .year, index: 0) }

  /// Orders by first day, then longer periods first.
  public static func < (lhs: Period, rhs: Period) -> Bool {
    if lhs.firstDay != rhs.firstDay { return lhs.firstDay < rhs.firstDay }
    return lhs.granularity > rhs.granularity
  }

  /// Calls `body` with the UTF-8 bytes of ``description``, built on the stack: for writers
  /// that emit a period per row without a `String` per row.
  public func withDescriptionBytes<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
    var buffer = InlineArray<8, UInt8>(repeating: 0)
    // year is 1…9999 (the initialisers check it): four digits at most, no sign.
    var n = DecimalFormat.withDigits(magnitude: UInt64(year), places: 0, negative: false) { digits in
      for k in digits.indices { buffer[k] = digits[k] }
      return digits.count
    }
    switch granularity {
    case .year: break
    case .half, .quarter:
      buffer[n] = 0x2D; buffer[n + 1] = granularity == .half ? 0x48 : 0x51; buffer[n + 2] = UInt8(48 + index)
      n += 3
    case .month:
      buffer[n] = 0x2D; buffer[n + 1] = UInt8(48 + index / 10); buffer[n + 2] = UInt8(48 + index % 10)
      n += 3
    }
    return try body(buffer.span.extracting(..<n))
  }

  /// `2024`, `2024-H1`, `2024-Q3` or `2024-07`.
  public var description: String {
    switch granularity {
    case .year: "\(year)"
    case .half: "\(year)-H\(index)"
    case .quarter: "\(year)-Q\(index)"
    case .month: index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
    }
  }
}
