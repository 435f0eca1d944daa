import Foundation

/// Prints report.html to PDF with headless Chromium (Debian's `chromium` package): A4, the page's
/// print styles, no browser header or footer.
public struct ReportPrinter: Sendable {
  /// The Chromium executable: the first of `chromium`, `chromium-browser`, `google-chrome` on
  /// `PATH` unless set.
  public var browser: String?

  /// A printer using the Chromium found on `PATH`.
  public init(browser: String? = nil) {
    self.browser = browser
  }

  /// The Chromium executables tried in order.
  static let browserNames = ["chromium", "chromium-browser", "google-chrome"]

  /// Writes `html` (a local file) as the PDF `pdf`.
  ///
  /// - Throws: ``ReportPrinterError`` when no Chromium is found, or it fails or writes no PDF.
  public func print(_ html: String, to pdf: String) throws(ReportPrinterError) {
    guard let executable = browser ?? Self.locate() else {
      throw ReportPrinterError("no Chromium on PATH (tried \(Self.browserNames.joined(separator: ", "))); install Debian's "
        + "chromium package (apt-get install -y chromium fonts-noto-cjk) or leave out --pdf")
    }
    let absolute = { (path: String) in path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path }
    try? FileManager.default.removeItem(atPath: pdf)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--print-to-pdf=" + absolute(pdf), URL(fileURLWithPath: absolute(html)).absoluteString]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { throw ReportPrinterError("cannot start \(executable): \(error)") }
    process.waitUntilExit()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
      throw ReportPrinterError("\(executable) exited with status \(process.terminationStatus) and wrote no \(pdf)")
    }
  }

  /// The first of ``browserNames`` that is an executable file on `PATH`.
  static func locate() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in browserNames {
      for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
        return "\(dir)/\(name)"
      }
    }
    return nil
  }
}
