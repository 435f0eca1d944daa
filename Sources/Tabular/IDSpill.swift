import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Duplicate-id detection with memory bounded by the largest of 64 hash buckets instead of
/// the whole file: each partition sorts `(line, length, id bytes)` records into 64 buckets by
/// a hash of the id, and writes each bucket's buffer, when full, as a block of one work file
/// (created at the first block, so small inputs write none). Afterwards each bucket's blocks
/// are read alone (in partition order, so in file order) and the repeated ids found, buckets
/// on all cores. A book of 10 million loans holds about 160,000 ids per bucket in memory.
package final class IDSpill {
  package static let buckets = 64
  package static let blockSize = 1 << 15
  private let path: String
  // A spill belongs to one partition's thread: no dynamic exclusivity checks per row.
  @exclusivity(unchecked) private var fd: Int32 = -1
  @exclusivity(unchecked) private var written = 0
  @exclusivity(unchecked) private var buffers: [[UInt8]]
  /// Each bucket's blocks in the work file: (offset, length), in the order written.
  @exclusivity(unchecked) private var blocks: [[(offset: Int, length: Int)]]

  /// The ids of one partition, as ``finish()`` leaves them: blocks in the work file, and
  /// each bucket's last bytes, which never reached it.
  package struct Spilled: Sendable {
    let path: String
    let blocks: [[(offset: Int, length: Int)]]
    let tails: [[UInt8]]
  }

  /// Work file `<prefix>.ids`.
  package init(prefix: String) throws {
    path = "\(prefix).ids"
    buffers = Array(repeating: [], count: Self.buckets)
    blocks = Array(repeating: [], count: Self.buckets)
  }

  deinit { if fd >= 0 { close(fd) } }

  package static func bucket(of id: UnsafeBufferPointer<UInt8>) -> Int {
    Int((FNV1a.hash(id) >> 32) % UInt64(buckets))
  }

  /// Records that the row on `line` has id `id`.
  package func add(_ id: UnsafeBufferPointer<UInt8>, line: Int) throws {
    let b = Self.bucket(of: id)
    var line = UInt64(line)
    var length = UInt16(min(id.count, Int(UInt16.max)))
    withUnsafeBytes(of: &line) { buffers[b].append(contentsOf: $0) }
    withUnsafeBytes(of: &length) { buffers[b].append(contentsOf: $0) }
    buffers[b].append(contentsOf: id.prefix(Int(length)))
    if buffers[b].count >= Self.blockSize { try flush(b) }
  }

  private func flush(_ b: Int) throws {
    if fd < 0 {
      fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw InputError(file: path, message: "cannot create a work file") }
    }
    let count = buffers[b].count
    var offset = 0
    while offset < count {
      let n = buffers[b].withUnsafeBytes { pwrite(fd, $0.baseAddress! + offset, count - offset, off_t(written + offset)) }
      if n < 0 { if errno == EINTR { continue }; throw InputError(file: path, message: "cannot write a work file") }
      offset += n
    }
    blocks[b].append((written, count))
    written += count
    buffers[b].removeAll(keepingCapacity: true)
  }

  /// The ids recorded, for ``duplicates(partitions:)``.
  package func finish() throws -> Spilled {
    return Spilled(path: path, blocks: blocks, tails: buffers)
  }

  /// The lines whose id already occurred earlier, with the first line of that id, from the
  /// spilled ids of all partitions (given in file order).
  package static func duplicates(partitions: [Spilled]) throws -> [Int: Int] {
    let found = Mutex<[Int: Int]>([:])
    let failure = Mutex<InputError?>(nil)
    DispatchQueue.concurrentPerform(iterations: buckets) { b in
      do {
        let repeats = try duplicates(bucket: b, partitions: partitions)
        if !repeats.isEmpty { found.withLock { $0.merge(repeats) { a, _ in a } } }
      } catch let error as InputError {
        failure.withLock { $0 = $0 ?? error }
      } catch {
        failure.withLock { $0 = $0 ?? InputError(file: "", message: "\(error)") }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return found.withLock { $0 }
  }

  private static func duplicates(bucket b: Int, partitions: [Spilled]) throws -> [Int: Int] {
    var result: [Int: Int] = [:]
    // Room for the records of this bucket at 20 bytes each (a 10-byte id), so it rarely grows.
    let bytes = partitions.reduce(0) { $0 + $1.tails[b].count + $1.blocks[b].reduce(0) { $0 + $1.length } }
    var seen = ByteKeyTable(capacity: bytes / 20)
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
      var i = 0
      while i + 10 <= bytes.count {
        let line = Int(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
        let length = Int(UnsafeRawPointer(bytes.baseAddress! + i + 8).loadUnaligned(as: UInt16.self))
        guard i + 10 + length <= bytes.count else { throw InputError(file: path, message: "work file is truncated") }
        let id = UnsafeBufferPointer(rebasing: bytes[(i + 10)..<(i + 10 + length)])
        if !seen.insert(id, value: line) { result[line] = seen.value(for: id) ?? 0 }
        i += 10 + length
      }
    }
    // A block is flushed once it reaches blockSize, so it holds at most one more record.
    var block = [UInt8](repeating: 0, count: blockSize + 10 + Int(UInt16.max))
    for p in partitions {
      if !p.blocks[b].isEmpty {
        let fd = open(p.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: p.path, message: "cannot read a work file") }
        defer { close(fd) }
        for (offset, length) in p.blocks[b] {
          precondition(length <= block.count, "a spilled block is larger than a flush can make it")
          try block.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < length {
              let n = pread(fd, buffer.baseAddress! + done, length - done, off_t(offset + done))
              if n < 0 && errno == EINTR { continue }
              guard n > 0 else { throw InputError(file: p.path, message: "work file is truncated") }
              done += n
            }
          }
          try block.withUnsafeBufferPointer { try scan(UnsafeBufferPointer(rebasing: $0[..<length]), path: p.path) }
        }
      }
      try p.tails[b].withUnsafeBufferPointer { try scan($0, path: p.path) }
    }
    return result
  }
}

/// A partition state of a pass that spills its row ids.
package protocol SpillingPartition {
  var spill: IDSpill? { get set }
}

extension IDSpill {
  /// Runs `pass` with ids spilled; if any id repeats, runs it again with the repeats known
  /// (line → first line), so that the first occurrence is kept and the repeats rejected in
  /// file order. The first pass's partitions are dropped (their writers discard their files).
  package static func uniquePasses<P: SpillingPartition>(_ pass: (_ duplicates: [Int: Int]?) throws -> [P]) throws -> [P] {
    var parts = try pass(nil)
    var spilled: [Spilled] = []
    for i in parts.indices {
      if let s = try parts[i].spill?.finish() { spilled.append(s) }
      parts[i].spill = nil  // closes the work file
    }
    let duplicates = try IDSpill.duplicates(partitions: spilled)
    for s in spilled { FileSystem.remove(s.path) }
    guard !duplicates.isEmpty else { return parts }
    parts = []
    return try pass(duplicates)
  }
}
