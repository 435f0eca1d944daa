/// Why report.pdf could not be printed (``ReportPrinter``).
public struct ReportPrinterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong and what to do.
  public let message: String

  init(_ message: String) {
    self.message = message
  }

  /// `report.pdf: message`.
  public var description: String { "report.pdf: \(message)" }
}
