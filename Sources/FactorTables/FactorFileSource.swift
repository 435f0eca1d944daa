import Quantities
import Tabular

/// Where the files of a factor set come from: a directory on disk (`--factors DIR`) or the
/// copy compiled into the library (``FactorSet/bundled()``).
public enum FactorFileSource: Sendable {
  /// A directory laid out as EmissionFactors/.
  case directory(String)
  /// Files given in memory: relative path → contents.
  case files([String: [UInt8]])

  /// A name for messages.
  public var name: String {
    switch self {
    case .directory(let path): path
    case .files: "bundled factor set"
    }
  }

  /// Relative paths of every file, sorted: `manifest.json` and `<dataset>/<file>`.
  func listFiles() throws(FactorSetError) -> [String] {
    switch self {
    case .files(let files):
      return files.keys.sorted()
    case .directory(let root):
      guard FileSystem.isDirectory(root) else {
        throw FactorSetError([FactorSetIssue(file: root, message: "not a directory")])
      }
      var paths: [String] = []
      do {
        for entry in try FileSystem.contentsOfDirectory(root) {
          let path = root + "/" + entry
          if FileSystem.isDirectory(path) {
            guard FileSystem.exists(path + "/dataset.json") else { continue }
            for file in try FileSystem.contentsOfDirectory(path) where !file.hasPrefix(".") {
              paths.append(entry + "/" + file)
            }
          } else if entry == "manifest.json" {
            paths.append(entry)
          }
        }
      } catch {
        throw FactorSetError([FactorSetIssue(file: root, message: error.description)])
      }
      return paths.sorted()
    }
  }

  func contents(of relativePath: String) throws(FactorSetError) -> [UInt8] {
    switch self {
    case .files(let files):
      guard let bytes = files[relativePath] else {
        throw FactorSetError([FactorSetIssue(file: relativePath, message: "missing")])
      }
      return bytes
    case .directory(let root):
      do { return try FileSystem.contents(of: root + "/" + relativePath) } catch {
        throw FactorSetError([FactorSetIssue(file: relativePath, message: error.description)])
      }
    }
  }
}
