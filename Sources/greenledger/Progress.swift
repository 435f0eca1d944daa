import Dispatch
import GreenLedger
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Progress of a long read on standard error: rows, rows/s, percent and ETA, redrawn twice a
/// second on one line. Silent when standard error is not a terminal or with `--quiet`.
///
/// The total is estimated from the file size and the length of its first rows, so the
/// percentage is an estimate (capped at 99 % until the end).
/// `@unchecked`: the timer is set once in `init` and only cancelled later; dispatch sources are
/// thread-safe. The counter is atomic.
final class Progress: @unchecked Sendable {
  private let rows = Atomic<Int>(0)
  private let label: String
  private let estimatedRows: Int
  private let start: Double
  private let timer: (any DispatchSourceTimer)?

  init(file: String, label: String, quiet: Bool) {
    self.label = label
    start = Progress.now()
    estimatedRows = FileSystem.estimatedRows(ofFile: file)
    guard !quiet, isatty(2) == 1 else {
      timer = nil
      return
    }
    let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
    timer = t
    t.schedule(deadline: .now() + 0.5, repeating: 0.5)
    t.setEventHandler { [weak self] in self?.draw(final: false) }
    t.resume()
  }

  /// Counts `n` more rows (call every few thousand rows: it is an atomic add).
  func advance(by n: Int) { rows.wrappingAdd(n, ordering: .relaxed) }

  /// Stops the display and prints the final line with the exact row count.
  func finish(rows total: Int) {
    guard let timer else { return }
    timer.cancel()
    rows.store(total, ordering: .relaxed)
    draw(final: true)
  }

  private func draw(final: Bool) {
    let n = rows.load(ordering: .relaxed)
    let elapsed = max(Progress.now() - start, 1e-6)
    let rate = Double(n) / elapsed
    var text = "\r\(label): \(n) rows, \(Int(rate)) rows/s"
    if !final, estimatedRows > 0 {
      let fraction = min(Double(n) / Double(estimatedRows), 0.99)
      let eta = rate > 0 ? Double(max(estimatedRows - n, 0)) / rate : 0
      text += ", ~\(Int(fraction * 100)) %, ETA \(Int(eta.rounded())) s   "
    } else {
      text += ", done in \(DecimalFormat.fixed(elapsed, places: 1)) s          \n"
    }
    FileSystem.printError(text, newline: false)
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}

extension Progress: ProgressReporting {}

extension CommonOptions {
  /// A job's settings from the common options: progress lines on standard error for each file
  /// it reads (silent with --quiet) and --excel.
  func settings(threads: Int) -> JobSettings {
    var settings = JobSettings()
    let quiet = self.quiet
    (settings.threads, settings.excel) = (threads, excel)
    settings.progress = { file in Progress(file: file, label: FileSystem.baseName(file), quiet: quiet) }
    return settings
  }
}
