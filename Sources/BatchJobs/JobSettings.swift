public import Tabular

/// How a job runs, whatever it computes: threads, progress, the reads' limits and the
/// outputs' encoding. None of them changes a byte of the outputs except ``excel``.
public struct JobSettings: Sendable {
  /// Threads that read the inputs, one partition each (fewer for small files).
  public var threads = 2
  /// Start every CSV output with a UTF-8 byte-order mark, so that Excel on Chinese Windows
  /// shows its Chinese text (GreenLedger's readers skip it).
  public var excel = false
  /// Receives the progress of each pass over an input file.
  public var progress: ProgressFactory?
  /// Limits and partition sizes of the reads (tests lower `minimumPartitionBytes` to read
  /// small files in several partitions).
  public var readOptions = CSVReadOptions()
  /// Whether the job writes manifest.json (the ``Pipeline`` writes one for all its stages).
  package var writesManifest = true

  /// Two threads, no progress, the default read limits, no byte-order marks.
  public init() {}
}
