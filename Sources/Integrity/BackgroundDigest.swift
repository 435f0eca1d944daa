internal import Dispatch
internal import Synchronization
public import Tabular

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// SHA-256 and SM3 of a file that is being assembled from parts, computed on background
/// threads while the caller does other work: a run hashes its largest output (lines.csv,
/// the parts its partitions wrote) while it finishes the accounts, instead of reading it again
/// at the end. Each SHA-256 and SM3 runs on its own serial queue.
///
/// ```swift
/// let digest = BackgroundDigest()
/// try digest.append(file: "part-0.csv")   // the parts, in the order they are concatenated
/// try digest.append(file: "part-1.csv")
/// … concatenate the parts into out/lines.csv, do other work …
/// let entry = try digest.entry(named: "lines.csv", matching: "out/lines.csv")
/// ```
///
/// Each part is opened and its size taken when it is appended; only those bytes are hashed,
/// so the part may then be renamed or appended to (a concatenation that reuses the first part
/// as the target file) without changing the digest.
public final class BackgroundDigest: @unchecked Sendable {
  /// One algorithm's hasher, touched only on its serial queue (and after `sync` by `entry`).
  private final class Lane: @unchecked Sendable {
    let queue: DispatchQueue
    var hasher: Digest.Hasher?
    var failure: InputError?

    init(_ algorithm: DigestAlgorithm) throws(InputError) {
      queue = DispatchQueue(label: "greenledger.digest.\(algorithm.rawValue)")
      hasher = try Digest.Hasher(algorithm)
    }
  }

  private let lanes: [Lane]  // in DigestAlgorithm.allCases order: SHA-256, SM3
  private var bytes = 0

  /// - Throws: `InputError` when libcrypto lacks one of the algorithms.
  public init() throws(InputError) {
    lanes = try DigestAlgorithm.allCases.map { a throws(InputError) in try Lane(a) }
  }

  /// Starts digesting the file at `path`.
  ///
  /// - Throws: `InputError` when libcrypto lacks an algorithm or the file cannot be opened.
  public convenience init(file path: String) throws(InputError) {
    try self.init()
    try append(file: path)
  }

  /// Queues the current bytes of `path` after those appended before.
  ///
  /// - Throws: `InputError` when the file cannot be opened.
  public func append(file path: String) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(file: path, message: "cannot open to compute its digest") }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      throw InputError(file: path, message: "cannot read to compute its digest")
    }
    let size = Int(info.st_size)
    bytes += size
    let open = Atomic<Int>(lanes.count)  // the last lane done with the file closes it
    for lane in lanes {
      lane.queue.async {
        defer { if open.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { close(fd) } }
        guard lane.failure == nil else { return }
        do throws(InputError) {
          try FileSystem.forEachChunk(of: fd, bytes: size, path: path, purpose: "compute its digest") {
            lane.hasher?.update(chunk: $0)
          }
        } catch {
          lane.failure = error
        }
      }
    }
  }

  /// Waits for the queued parts and returns the manifest entry of the file they make up.
  ///
  /// - Parameters:
  ///   - name: the entry's path in the manifest.
  ///   - role: an input's role (`activities`), `nil` for an output.
  ///   - path: the assembled file; its size must equal the bytes hashed.
  /// - Throws: `InputError` when a part could not be read or the file's size differs (the
  ///   caller then digests the file itself).
  public func entry(named name: String, role: String? = nil, matching path: String) throws(InputError)
    -> OutputManifest.Entry
  {
    for lane in lanes { lane.queue.sync {} }
    if let error = lanes.lazy.compactMap(\.failure).first { throw error }
    var info = stat()
    guard stat(path, &info) == 0, Int(info.st_size) == bytes else {
      throw InputError(file: path, message: "the assembled file is not the \(bytes) bytes that were digested")
    }
    var digests: [String] = []
    for lane in lanes {
      guard let hasher = lane.hasher.take() else {
        throw InputError(file: path, message: "the digest was already taken")
      }
      digests.append(hasher.finalize())
    }
    return OutputManifest.Entry(path: name, role: role, bytes: bytes, sha256: digests[0], sm3: digests[1])
  }
}
