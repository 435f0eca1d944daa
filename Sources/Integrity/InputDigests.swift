package import Tabular

/// The digests of a command's input files for its manifest, computed on background threads
/// from the start of the command while it does its work.
/// Nothing is remembered between commands: an input is digested by each command that reads
/// it (the in-process ``Pipeline`` of BatchJobs digests the inputs of all its stages once).
///
/// ```swift
/// let inputs = InputDigests([("loans", loansPath), ("fx", fxPath)])  // nil paths skipped
/// … the command's work …
/// let manifest = try OutputManifest(directory: out, command: "finance", inputEntries: inputs.entries(), …)
/// ```
package struct InputDigests: Sendable {
  private enum Pending: Sendable {
    case running(role: String, path: String, digest: BackgroundDigest)
    /// Not readable at the start: the command's own read reports the problem in its words;
    /// if the command gets this far, the file is digested then.
    case later(role: String, path: String)
  }

  private let inputs: [Pending]

  /// Starts digesting each input whose path is given. An input that cannot be opened now is
  /// left to the command, whose own read of it reports the problem.
  package init(_ inputs: [(role: String, path: String?)]) {
    var pending: [Pending] = []
    for case let (role, path?) in inputs {
      if let digest = try? BackgroundDigest(file: path) {
        pending.append(.running(role: role, path: path, digest: digest))
      } else {
        pending.append(.later(role: role, path: path))
      }
    }
    self.inputs = pending
  }

  /// The inputs' manifest entries, in the order given, once their digests are done.
  ///
  /// - Throws: ``InputError`` when an input could not be read or changed size meanwhile.
  package func entries() throws(InputError) -> [OutputManifest.Entry] {
    try inputs.map { p throws(InputError) in
      switch p {
      case let .running(role, path, digest):
        return try OutputManifest.inputEntry(role: role, path: path, digest: digest)
      case let .later(role, path):
        return try OutputManifest.inputEntries([(role, path)])[0]
      }
    }
  }
}
