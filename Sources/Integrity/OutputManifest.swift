internal import Dispatch
internal import FoundationEssentials
internal import Synchronization
public import Tabular

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// `manifest.json` of an output directory: the SHA-256 and SM3 (GB/T 32905) digests of every
/// output file and every input file, the factor-set digest and the methodology versions, so
/// that a verifier can prove what was computed from what (`greenledger verify DIR`).
public struct OutputManifest: Codable, Hashable, Sendable {
  public struct Entry: Codable, Hashable, Sendable {
    /// Output: path relative to the directory; input: the path as given to the command.
    public var path: String
    public var role: String?
    public var bytes: Int
    public var sha256: String
    public var sm3: String
  }

  public var format = "greenledger-output-manifest/1"
  public var command: String
  public var factorSetDigest: String
  public var methodologies: [String: String]
  public var inputs: [Entry]
  public var outputs: [Entry]

  enum CodingKeys: String, CodingKey {
    case format, command, factorSetDigest = "factor_set_digest", methodologies, inputs, outputs
  }

  public static let fileName = "manifest.json"

  /// Digests every file under `directory` (recursively, in path order, except manifest.json
  /// and partial files) and every input.
  public init(directory: String, command: String, inputs: [(role: String, path: String)], factorSetDigest: String,
              methodologies: [String: String]) throws(InputError)
  {
    try self.init(directory: directory, command: command, inputEntries: Self.inputEntries(inputs),
                  factorSetDigest: factorSetDigest, methodologies: methodologies)
  }

  /// The same with the inputs already digested (``inputEntries(_:)``), so that a caller that
  /// also reports them reads each input once.
  public init(directory: String, command: String, inputEntries: [Entry], factorSetDigest: String,
              methodologies: [String: String]) throws(InputError)
  {
    self.command = command
    self.factorSetDigest = factorSetDigest
    self.methodologies = methodologies
    inputs = inputEntries
    outputs = try Self.entries(Self.files(in: directory).map { ($0, nil, directory + "/" + $0) })
  }

  /// Digests of input files, by role, with their absolute paths.
  public static func inputEntries(_ inputs: [(role: String, path: String)]) throws(InputError) -> [Entry] {
    try entries(inputs.map { (absolute($0.path), $0.role, $0.path) })
  }

  static func entry(_ name: String, role: String?, at path: String) throws(InputError) -> Entry {
    var info = stat()
    guard stat(path, &info) == 0 else { throw InputError(file: path, message: "cannot read for the manifest") }
    let (sha, sm3) = try Digest.sha256AndSM3(ofFile: path)
    return Entry(path: name, role: role, bytes: Int(info.st_size), sha256: sha, sm3: sm3)
  }

  /// `path` made absolute (symbolic links resolved), so that `verify` finds it from anywhere.
  static func absolute(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Digests of several files, two at a time (the largest first), results in the given order.
  static func entries(_ jobs: [(name: String, role: String?, path: String)]) throws(InputError) -> [Entry] {
    let results = Mutex([Result<Entry, InputError>?](repeating: nil, count: jobs.count))
    let order = jobs.indices.sorted { size(jobs[$0].path) > size(jobs[$1].path) }
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(2, max(jobs.count, 1))) { _ in
      while true {
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard k < order.count else { return }
        let j = jobs[order[k]]
        let r: Result<Entry, InputError>
        do throws(InputError) { r = .success(try entry(j.name, role: j.role, at: j.path)) } catch { r = .failure(error) }
        results.withLock { $0[order[k]] = r }
      }
    }
    return try results.withLock { all throws(InputError) in try all.map { r throws(InputError) in try r!.get() } }
  }

  static func size(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// Relative paths of the regular files under `directory`, sorted.
  static func files(in directory: String, prefix: String = "") throws(InputError) -> [String] {
    var result: [String] = []
    for name in try FileSystem.contentsOfDirectory(directory).sorted() {
      let rel = prefix + name
      if rel == fileName || name.contains(".partial-") || name.hasPrefix(".") { continue }
      if FileSystem.isDirectory(directory + "/" + name) {
        result += try files(in: directory + "/" + name, prefix: rel + "/")
      } else {
        result.append(rel)
      }
    }
    return result
  }

  /// Writes the manifest as `directory/manifest.json` (keys sorted, deterministic).
  public func write(to directory: String) throws(InputError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { throw InputError(file: directory, message: "cannot encode the manifest") }
    try FileSystem.write(String(decoding: data, as: UTF8.self) + "\n", to: directory + "/" + Self.fileName)
  }

  /// Reads `directory/manifest.json`.
  public static func read(from directory: String) throws(InputError) -> OutputManifest {
    let path = directory + "/" + fileName
    let bytes = try FileSystem.contents(of: path)
    do { return try JSONDecoder().decode(OutputManifest.self, from: Data(bytes)) } catch {
      throw InputError(file: path, message: "not a GreenLedger output manifest: \(error)")
    }
  }

  /// Recomputes every digest and returns the differences, one sentence each (empty when the
  /// directory is exactly what the manifest says). Inputs are checked where their path is
  /// readable; a missing input is reported, not guessed.
  public static func verify(directory: String) throws(InputError) -> (checked: Int, problems: [String]) {
    let manifest = try read(from: directory)
    var problems: [String] = []
    var checked = 0
    let present = Set(try files(in: directory))
    for e in manifest.outputs {
      guard present.contains(e.path) else { problems.append("output \(e.path): missing"); continue }
      let now = try entry(e.path, role: nil, at: directory + "/" + e.path)
      checked += 1
      if now.sha256 != e.sha256 || now.sm3 != e.sm3 || now.bytes != e.bytes {
        problems.append("output \(e.path): changed (sha256 \(e.sha256.prefix(12))… → \(now.sha256.prefix(12))…, sm3 \(e.sm3.prefix(12))… → \(now.sm3.prefix(12))…)")
      }
    }
    for extra in present.subtracting(manifest.outputs.map(\.path)).sorted() {
      problems.append("output \(extra): not in the manifest")
    }
    for e in manifest.inputs {
      guard FileSystem.exists(e.path) else { problems.append("input \(e.role ?? "") \(e.path): not found, cannot verify"); continue }
      let now = try entry(e.path, role: e.role, at: e.path)
      checked += 1
      if now.sha256 != e.sha256 || now.sm3 != e.sm3 { problems.append("input \(e.role ?? "") \(e.path): changed since the run") }
    }
    return (checked, problems)
  }
}
