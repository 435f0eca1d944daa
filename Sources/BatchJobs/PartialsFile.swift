import Tabular

/// partials.csv: what a shard hands to ``ShardMerge`` — its run's settings and its exact totals
/// as integers, in `group,key,value` rows, led by the format's version so that a merge never
/// misreads shards written by another version.
enum PartialsFile {
  /// The version of the layout; a merge refuses shards of any other.
  static let format = "greenledger-partials/1"

  /// Starts `path` with the header and the format row; the caller adds its rows and closes it.
  static func open(_ path: String) throws -> CSVWriter {
    let w = try CSVWriter(path: path, header: ["group", "key", "value"], guardsFormulas: false)
    w.writeRow(["run", "format", format])
    return w
  }
}
