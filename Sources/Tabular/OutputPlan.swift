#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The files a command is about to write, checked against the files it reads before
/// anything is written: no command may ever write over one of its inputs.
///
/// Files are compared by device and inode (so `./`, `..`, symbolic and hard links do not
/// fool the check) and, for the work directories a command empties when it finishes, by
/// resolved path prefix.
///
/// ```swift
/// let plan = OutputPlan(directory: out, files: ["accounts.csv", "lines.csv"], workDirectories: [".partitions"])
/// try plan.check(inputs: [("activities", activities), ("entities", entities)])
/// ```
public struct OutputPlan: Sendable {
  /// The output directory, if the command writes into one.
  public var directory: String?
  /// Names written inside ``directory``.
  public var files: [String]
  /// Directories inside ``directory`` that the command fills and removes.
  public var workDirectories: [String]
  /// Files written outside ``directory`` (`validate --rejects FILE`).
  public var otherFiles: [String]

  /// Creates a plan of the files a command will write.
  public init(directory: String?, files: [String] = [], workDirectories: [String] = [], otherFiles: [String] = []) {
    self.directory = directory
    self.files = files
    self.workDirectories = workDirectories
    self.otherFiles = otherFiles
  }

  /// The full paths of the files written.
  public var paths: [String] {
    (directory.map { d in files.map { d + "/" + $0 } } ?? []) + otherFiles
  }

  /// Refuses a plan that would write over, or remove, one of `inputs`, or whose output
  /// directory is an existing file.
  ///
  /// - Parameter inputs: each input's role (`loans`) and path; `nil` paths are skipped, as are
  ///   inputs that do not exist (their own read reports them).
  /// - Throws: ``OutputPlanError`` naming both paths.
  public func check(inputs: [(role: String, path: String?)]) throws(OutputPlanError) {
    if let directory, FileSystem.exists(directory), !FileSystem.isDirectory(directory) {
      throw OutputPlanError(output: directory, input: nil, role: nil,
                            reason: "--out names an existing file; give a directory (it is created if missing)")
    }
    let existing = inputs.compactMap { role, path in path.flatMap { p in FileIdentity(p).map { (role, p, $0) } } }
    guard !existing.isEmpty else { return }
    for output in paths {
      guard let id = FileIdentity(output) else { continue }
      if let (role, path, _) = existing.first(where: { $0.2 == id }) {
        throw OutputPlanError(output: output, input: path, role: role, reason: "is the same file as")
      }
    }
    for work in workDirectories {
      guard let directory, let root = Self.resolved(directory + "/" + work) else { continue }
      for (role, path, _) in existing {
        if let p = Self.resolved(path), p.hasPrefix(root + "/") {
          throw OutputPlanError(output: directory + "/" + work, input: path, role: role,
                                reason: "is a work directory that the command empties, and holds")
        }
      }
      // A hard link to an input inside the work directory.
      for name in (try? FileSystem.contentsOfDirectory(directory + "/" + work)) ?? [] {
        let file = directory + "/" + work + "/" + name
        if let id = FileIdentity(file), let (role, path, _) = existing.first(where: { $0.2 == id }) {
          throw OutputPlanError(output: file, input: path, role: role, reason: "is the same file as")
        }
      }
    }
  }

  /// The canonical absolute path, when the file exists.
  static func resolved(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// Device and inode of an existing file (links followed).
  struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }
}

/// A command would write over one of its inputs (or `--out` is a file): nothing was written.
/// The CLI exits with status 2 (a usage error).
public struct OutputPlanError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The output path that collides.
  public let output: String
  /// The input it collides with, if any.
  public let input: String?
  /// The input's role (`loans`, `activities`).
  public let role: String?
  let reason: String

  /// The refusal, naming the output and, when there is one, the input and its role.
  public var description: String {
    guard let input else { return "\(output): \(reason)" }
    return "refusing to write \(output): it \(reason) the \(role ?? "input") input \(input); "
      + "choose another output path — no command writes over one of its inputs"
  }
}
