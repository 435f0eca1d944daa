/// A calendar day in the proleptic Gregorian calendar (ISO 8601 `YYYY-MM-DD`), without time
/// or time zone: the granularity of factor validity, reporting dates and loan origination.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Year, 1…9999.
  public let year: Int
  /// Month, 1…12.
  public let month: Int
  /// Day of the month, 1…(28…31).
  public let day: Int

  /// Creates a day, or `nil` when the date does not exist (`2024-02-30`, month 13, year 0).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The last day of `month` in `year`.
  static func lastOf(month: Int, year: Int) -> Day {
    Day(year: year, month: month, day: daysIn(month: month, year: year))!
  }

  /// Chronological order.
  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// ISO 8601 extended format, `2024-07-31`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
