#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension Day {
  /// Today in UTC, from the system clock: the default reporting day of every job.
  public static func today() -> Day {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
  }
}
