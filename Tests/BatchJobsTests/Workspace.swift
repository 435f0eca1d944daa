import Tabular

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh temporary directory for one test, with helpers to write inputs and read outputs.
struct Workspace {
  let root: String

  init() throws {
    var template = Array("/tmp/batchjobs-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw InputError(file: "/tmp", message: "cannot make a temporary directory") }
    root = String(cString: made)
  }

  /// The repository's Examples/ directory.
  static let examples: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/BatchJobsTests/Workspace.swift
    return parts.joined(separator: "/") + "/Examples"
  }()

  /// Writes `text` to `root/name` and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let path = root + "/" + name
    try FileSystem.write(text, to: path)
    return path
  }

  func path(_ name: String) -> String { root + "/" + name }

  /// Every file under `directory` (relative path → bytes), recursively.
  func tree(_ directory: String, excluding: Set<String> = []) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for name in try FileSystem.contentsOfDirectory(directory) where !excluding.contains(name) {
      let path = directory + "/" + name
      if FileSystem.isDirectory(path) {
        for (k, v) in try tree(path) { result[name + "/" + k] = v }
      } else {
        result[name] = try FileSystem.contents(of: path)
      }
    }
    return result
  }

  /// The text of `root/name` (or of an absolute path).
  func text(_ name: String) throws -> String {
    String(decoding: try FileSystem.contents(of: name.hasPrefix("/") ? name : path(name)), as: UTF8.self)
  }

  /// The data rows of a CSV file (`root/name` or an absolute path) as column → field, read by
  /// the CSV reader, with a byte-order mark and the formula guard undone.
  func records(_ name: String) throws -> [[String: String]] {
    var header: [String]?
    var rows: [[String: String]] = []
    try CSVReader.read(file: name.hasPrefix("/") ? name : path(name)) { r in
      let fields = r.outputStrings.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
      guard let h = header else { header = fields; return }
      rows.append(Dictionary(zip(h, fields), uniquingKeysWith: { a, _ in a }))
    }
    return rows
  }

  /// The data rows of a CSV output as field arrays, by a plain split (for outputs without quoted commas).
  func rows(_ name: String) throws -> [[String]] {
    try text(name).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }
}

/// Reads that put every few hundred bytes in a partition of their own, so that the
/// multi-partition paths run on the small example files.
let smallPartitions: CSVReadOptions = {
  var o = CSVReadOptions()
  o.minimumPartitionBytes = 512
  return o
}()
