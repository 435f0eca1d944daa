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
  /// One digested file.
  public struct Entry: Codable, Hashable, Sendable {
    /// Output: path relative to the directory; input: the path as given to the command.
    public var path: String
    /// An input's role (`activities`), `nil` for an output.
    public var role: String?
    /// Size of the file in bytes.
    public var bytes: Int
    /// SHA-256 digest, lower-case hex.
    public var sha256: String
    /// SM3 (GB/T 32905) digest, lower-case hex.
    public var sm3: String
  }

  /// Identifies the manifest format and its version.
  public var format = "greenledger-output-manifest/1"
  /// The command that wrote the directory (`score`, `finance`, …).
  public var command: String
  /// Digest of the factor set the run used.
  public var factorSetDigest: String
  /// Methodology versions by name (`green_tagging` → the rule version).
  public var methodologies: [String: String]
  /// The input files, with their roles.
  public var inputs: [Entry]
  /// The files of the directory, in path order.
  public var outputs: [Entry]

  enum CodingKeys: String, CodingKey {
    case format, command, factorSetDigest = "factor_set_digest", methodologies, inputs, outputs
  }

  /// The manifest's file name in an output directory.
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
  /// also reports them reads each input once, and with `precomputed` output entries (from a
  /// ``BackgroundDigest`` that checked the file's size) used as they are.
  public init(directory: String, command: String, inputEntries: [Entry], factorSetDigest: String,
              methodologies: [String: String], precomputed: [Entry] = []) throws(InputError)
  {
    self.command = command
    self.factorSetDigest = factorSetDigest
    self.methodologies = methodologies
    inputs = inputEntries
    let known = Dictionary(precomputed.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    let names = try Self.files(in: directory)
    let computed = try Self.entries(names.filter { known[$0] == nil }.map { ($0, nil, directory + "/" + $0) })
    var next = computed.makeIterator()
    outputs = names.map { known[$0] ?? next.next()! }
  }

  /// The entry of an input digested by `digest` (started with ``BackgroundDigest/init(file:)``),
  /// under its absolute path as ``inputEntries(_:)`` records it.
  public static func inputEntry(role: String, path: String, digest: BackgroundDigest) throws(InputError) -> Entry {
    try digest.entry(named: absolute(path), role: role, matching: path)
  }

  /// Digests of input files, by role, with their absolute paths.
  public static func inputEntries(_ inputs: [(role: String, path: String)]) throws(InputError) -> [Entry] {
    try entries(inputs.map { (absolute($0.path), $0.role, $0.path) })
  }

  /// `path` made absolute (symbolic links resolved), so that `verify` finds it from anywhere.
  static func absolute(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Digests of several files, results in the given order. Each file's SHA-256 and SM3 are
  /// separate tasks, run two at a time, the costliest first (SM3 is several times slower than
  /// SHA-256 with CPU support), so the largest file's two digests proceed side by side.
  static func entries(_ jobs: [(name: String, role: String?, path: String)]) throws(InputError)
    -> [Entry]
  {
    let sizes = jobs.map { size($0.path) }
    let tasks = jobs.indices.flatMap { j in DigestAlgorithm.allCases.map { (job: j, algorithm: $0) } }
      .sorted { a, b in
        let (ca, cb) = (sizes[a.job] * (a.algorithm == .sm3 ? 4 : 1), sizes[b.job] * (b.algorithm == .sm3 ? 4 : 1))
        return ca != cb ? ca > cb : (a.job, a.algorithm.rawValue) < (b.job, b.algorithm.rawValue)
      }
    let digests = Mutex([String: Result<String, InputError>]())
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(2, max(tasks.count, 1))) { _ in
      while true {
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard k < tasks.count else { return }
        let (j, algorithm) = tasks[k]
        let r: Result<String, InputError>
        do throws(InputError) { r = .success(try Digest.hex(algorithm, ofFile: jobs[j].path)) } catch { r = .failure(error) }
        digests.withLock { $0["\(j) \(algorithm.rawValue)"] = r }
      }
    }
    return try digests.withLock { d throws(InputError) in
      try jobs.indices.map { j throws(InputError) in
        let sha = try d["\(j) \(DigestAlgorithm.sha256.rawValue)"]!.get()
        let sm3 = try d["\(j) \(DigestAlgorithm.sm3.rawValue)"]!.get()
        return Entry(path: jobs[j].name, role: jobs[j].role, bytes: sizes[j], sha256: sha, sm3: sm3)
      }
    }
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
  ///
  /// - Parameters:
  ///   - directory: an output directory holding manifest.json.
  ///   - includingInputs: whether the inputs are checked too (`merge` checks only
  ///     the outputs of the shards it reads: their inputs may live on another machine).
  public static func verify(directory: String, includingInputs: Bool = true) throws(InputError)
    -> (checked: Int, problems: [String])
  {
    let manifest = try read(from: directory)
    var problems: [String] = []
    let present = Set(try files(in: directory))
    let outputs = manifest.outputs.filter { present.contains($0.path) }
    let inputs = includingInputs ? manifest.inputs.filter { FileSystem.exists($0.path) } : []
    let now = try entries(outputs.map { ($0.path, nil, directory + "/" + $0.path) } + inputs.map { ($0.path, $0.role, $0.path) })
    let checked = now.count
    var recomputed = now[...]
    for e in manifest.outputs {
      guard present.contains(e.path) else { problems.append("output \(e.path): missing"); continue }
      let now = recomputed.removeFirst()
      if now.sha256 != e.sha256 || now.sm3 != e.sm3 || now.bytes != e.bytes {
        problems.append("output \(e.path): changed (sha256 \(e.sha256.prefix(12))… → \(now.sha256.prefix(12))…, sm3 \(e.sm3.prefix(12))… → \(now.sm3.prefix(12))…)")
      }
    }
    for extra in present.subtracting(manifest.outputs.map(\.path)).sorted() {
      problems.append("output \(extra): not in the manifest")
    }
    for e in manifest.inputs where includingInputs {
      guard FileSystem.exists(e.path) else { problems.append("input \(e.role ?? "") \(e.path): not found, cannot verify"); continue }
      let now = recomputed.removeFirst()
      if now.sha256 != e.sha256 || now.sm3 != e.sm3 { problems.append("input \(e.role ?? "") \(e.path): changed since the run") }
    }
    return (checked, problems)
  }
}
