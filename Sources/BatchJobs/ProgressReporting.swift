/// Receives the progress of a job's pass over one input file.
///
/// A job asks its ``ProgressFactory`` for a reporter when it starts reading a file, calls
/// ``advance(by:)`` from the reading threads every few thousand rows, and ``finish(rows:)``
/// once with the exact count. The CLI draws a progress line; an app may update a UI or a log.
public protocol ProgressReporting: Sendable {
  /// `rows` more rows were read (called concurrently from several threads).
  func advance(by rows: Int)
  /// The pass is over; `rows` is the exact number read.
  func finish(rows: Int)
}

/// Makes the reporter of a pass over the file at the given path.
public typealias ProgressFactory = @Sendable (_ file: String) -> any ProgressReporting
