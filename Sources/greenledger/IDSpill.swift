import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// Duplicate-id detection with memory bounded by the largest of 64 hash buckets instead of
/// the whole file: each partition appends `(line, length, id bytes)` records to 64 bucket
/// files by a hash of the id; afterwards each bucket is loaded alone (in partition order, so
/// in file order) and the repeated ids found. A book of 10 million loans holds about 160,000
/// ids in memory at a time.
final class IDSpill {
  static let buckets = 64
  private var files: [Int32] = []
  private var buffers: [[UInt8]]
  private let paths: [String]

  /// Bucket files `<prefix>-<bucket>.ids`.
  init(prefix: String) throws {
    paths = (0..<Self.buckets).map { "\(prefix)-\($0).ids" }
    buffers = Array(repeating: [], count: Self.buckets)
    for p in paths {
      let fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw InputError(file: p, message: "cannot create a work file") }
      files.append(fd)
    }
  }

  deinit { for fd in files { close(fd) } }

  static func bucket(of id: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    return Int((h >> 32) % UInt64(buckets))
  }

  /// Records that the row on `line` has id `id`.
  func add(_ id: UnsafeBufferPointer<UInt8>, line: Int) throws {
    let b = Self.bucket(of: id)
    var line = UInt64(line)
    var length = UInt16(min(id.count, Int(UInt16.max)))
    withUnsafeBytes(of: &line) { buffers[b].append(contentsOf: $0) }
    withUnsafeBytes(of: &length) { buffers[b].append(contentsOf: $0) }
    buffers[b].append(contentsOf: id.prefix(Int(length)))
    if buffers[b].count >= 1 << 15 { try flush(b) }
  }

  private func flush(_ b: Int) throws {
    var offset = 0
    while offset < buffers[b].count {
      let n = buffers[b].withUnsafeBytes { write(files[b], $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 { if errno == EINTR { continue }; throw InputError(file: paths[b], message: "cannot write a work file") }
      offset += n
    }
    buffers[b].removeAll(keepingCapacity: true)
  }

  /// Flushes everything and returns the bucket file paths.
  func finish() throws -> [String] {
    for b in 0..<Self.buckets { try flush(b) }
    return paths
  }

  /// The lines whose id already occurred earlier, with the first line of that id, from the
  /// bucket files of all partitions (given in file order).
  static func duplicates(partitions: [[String]]) throws -> [Int: Int] {
    var result: [Int: Int] = [:]
    for b in 0..<buckets {
      var seen = ByteKeyTable()
      for files in partitions {
        let bytes = try FileSystem.contents(of: files[b])
        var i = 0
        try bytes.withUnsafeBufferPointer { buffer in
          while i + 10 <= buffer.count {
            let line = Int(UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self))
            let length = Int(UnsafeRawPointer(buffer.baseAddress! + i + 8).loadUnaligned(as: UInt16.self))
            guard i + 10 + length <= buffer.count else { throw InputError(file: files[b], message: "work file is truncated") }
            let id = UnsafeBufferPointer(rebasing: buffer[(i + 10)..<(i + 10 + length)])
            if !seen.insert(id, value: line) { result[line] = seen.value(for: id) ?? 0 }
            i += 10 + length
          }
        }
      }
    }
    return result
  }
}

/// A partition state of a pass that spills its row ids.
protocol SpillingPartition {
  var spill: IDSpill? { get set }
}

extension IDSpill {
  /// Runs `pass` with ids spilled; if any id repeats, runs it again with the repeats known
  /// (line → first line), so that the first occurrence is kept and the repeats rejected in
  /// file order. The first pass's partitions are dropped (their writers discard their files).
  static func uniquePasses<P: SpillingPartition>(_ pass: (_ duplicates: [Int: Int]?) throws -> [P]) throws -> [P] {
    var parts = try pass(nil)
    var files: [[String]] = []
    for i in parts.indices {
      files.append(try parts[i].spill?.finish() ?? [])
      parts[i].spill = nil
    }
    let duplicates = try IDSpill.duplicates(partitions: files)
    for f in files.joined() { FileSystem.remove(f) }
    guard !duplicates.isEmpty else { return parts }
    parts = []
    return try pass(duplicates)
  }
}
