#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension FileSystem {
  /// One chunk of a file's bytes: valid only inside the closure it is passed to.
  package typealias Chunk = UnsafeRawBufferPointer

  /// Calls `body` with the bytes of the file at `path`, 1 MiB at a time.
  ///
  /// - Parameter purpose: what the bytes are read for, named in the error ("compute its digest").
  /// - Throws: ``InputError`` when the file cannot be opened or read.
  package static func forEachChunk(ofFile path: String, purpose: String, _ body: (Chunk) -> Void)
    throws(InputError)
  {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(file: path, message: "cannot open to \(purpose)") }
    defer { close(fd) }
    try forEachChunk(of: fd, bytes: nil, path: path, purpose: purpose, body)
  }

  /// Calls `body` with the first `bytes` bytes of the open file `fd` (all of it when `nil`),
  /// 1 MiB at a time, read by position: the file offset is not used, so several threads may
  /// read one descriptor.
  ///
  /// - Throws: ``InputError`` when a read fails or the file holds fewer than `bytes` bytes.
  package static func forEachChunk(of fd: Int32, bytes: Int?, path: String, purpose: String,
                                   _ body: (Chunk) -> Void) throws(InputError)
  {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while bytes.map({ offset < $0 }) ?? true {
      let want = min(buffer.count, bytes.map { $0 - offset } ?? buffer.count)
      let n = pread(fd, buffer.baseAddress!, want, off_t(offset))
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(file: path, message: "cannot read to \(purpose)")
      }
      if n == 0 {
        guard bytes == nil else { throw InputError(file: path, message: "shorter than when it was queued to \(purpose)") }
        return
      }
      body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
      offset += n
    }
  }
}
