package import Tabular

/// The files one partition of a partitioned read writes: its part of the main output and its
/// rejected rows, in the work directory. Partition 0's part starts with the header, so that
/// ``assemble(_:header:into:)`` moves it into place and appends only the other parts.
package struct PartitionFiles {
  package let output: CSVWriter
  package let outputPath: String
  package let rejects: RejectsWriter
  package let rejectPath: String

  /// `directory/<stem>-<id>.csv` and `directory/rejects-<id>.csv`; `id` must be unique per
  /// partition and pass.
  package init(directory: String, stem: String, id: String, partition: Int, header: [String]) throws {
    outputPath = "\(directory)/\(stem)-\(id).csv"
    rejectPath = "\(directory)/rejects-\(id).csv"
    output = try CSVWriter(path: outputPath, header: partition == 0 ? header : [])
    rejects = try RejectsWriter(path: rejectPath)
  }

  package func close() throws {
    try output.close()
    try rejects.close()
  }

  /// Writes `target` from the parts' outputs in file order (`header` only when there is no part).
  package static func assemble(_ parts: [PartitionFiles], header: [String], into target: String) throws {
    try FileSystem.concatenate(header: parts.isEmpty ? header : nil, parts: parts.map { ($0.outputPath, false) }, into: target)
  }

  /// Writes `target` as the rejects of `leading` files (entities' or borrowers' rejects), then
  /// of the parts in file order.
  static func assembleRejects(_ parts: [PartitionFiles], after leading: [String], into target: String) throws {
    try FileSystem.concatenate(header: RejectsWriter.header, parts: (leading + parts.map(\.rejectPath)).map { ($0, true) },
                    into: target)
  }
}
