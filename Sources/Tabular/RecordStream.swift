#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Pulls the raw records of an RFC 4180 file one at a time, for merging files that this
/// package wrote itself (shard outputs): quoted fields may hold line feeds; the record's
/// bytes are returned as written, without the line end.
///
/// It does not validate: use ``CSVReader`` for input files.
public final class RecordStream {
  private let fd: Int32
  private let path: String
  private var buffer = [UInt8](repeating: 0, count: 1 << 20)
  private var start = 0
  private var end = 0
  private var atEnd = false

  /// Opens `path`.
  ///
  /// - Throws: ``InputError`` if it cannot be opened.
  public init(path: String) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError.cannotOpen(path, errno: errno) }
    self.fd = fd
    self.path = path
  }

  deinit { close(fd) }

  /// The next record's bytes, or `nil` at the end of the file.
  ///
  /// - Throws: ``InputError`` on a read error.
  public func next() throws(InputError) -> [UInt8]? {
    var scan = start
    var inQuotes = false
    while true {
      while scan < end {
        let b = buffer[scan]
        if b == 0x22 { inQuotes.toggle() }
        else if b == 0x0A && !inQuotes {
          var record = Array(buffer[start..<scan])
          if record.last == 0x0D { record.removeLast() }
          start = scan + 1
          return record
        }
        scan += 1
      }
      if atEnd {
        guard start < end else { return nil }
        let record = Array(buffer[start..<end])
        start = end
        return record
      }
      // Keep the partial record, read more.
      let kept = end - start
      if start > 0 {
        buffer.withUnsafeMutableBufferPointer { b in
          _ = memmove(b.baseAddress!, b.baseAddress! + start, kept)
        }
        scan -= start
        start = 0
        end = kept
      }
      if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
      let n = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + end, b.count - end) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError.cannotRead(path, errno: errno)
      }
      if n == 0 { atEnd = true } else { end += n }
    }
  }
}
