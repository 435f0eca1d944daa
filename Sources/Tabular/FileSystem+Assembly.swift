#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension FileSystem {
  /// Writes `target` as `header` followed by the bytes of each part (without its first line when
  /// asked), built in a temporary file and renamed into place: never a partial `target`.
  ///
  /// With `header` `nil`, the first part already starts with the header: it is moved, not copied,
  /// to become the file the other parts are appended to (the largest part of a partitioned run
  /// then costs nothing).
  ///
  /// - Complexity: O(bytes of the parts after the first), copied inside the kernel.
  /// - Throws: ``InputError`` naming the part or target that cannot be read or written.
  package static func concatenate(header: [String]?, parts: [(path: String, skipFirstLine: Bool)],
                                  into target: String) throws(InputError)
  {
    let temporary = temporaryPath(for: target)
    var rest = parts[...]
    if header == nil, let first = rest.popFirst() {
      try move(first.path, to: temporary)
    } else {
      try CSVWriter(path: temporary, header: header ?? []).close()
    }
    do {
      for part in rest { try append(file: part.path, to: temporary, skipFirstLine: part.skipFirstLine) }
    } catch {
      remove(temporary)
      throw error
    }
    try move(temporary, to: target)
  }

  /// Appends the bytes of `file` to `target` (optionally without its first line), copied inside
  /// the kernel (`sendfile`), or through a 1 MiB buffer where that is not supported.
  package static func append(file: String, to target: String, skipFirstLine: Bool = false) throws(InputError) {
    let input = open(file, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw InputError(file: file, message: "cannot open for concatenation") }
    defer { close(input) }
    let output = open(target, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard output >= 0 else { throw InputError(file: target, message: "cannot append") }
    defer { close(output) }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    // Where the copied bytes start: after the first line feed when skipping a header.
    var offset: off_t = 0
    if skipFirstLine {
      while true {
        let n = pread(input, buffer, 1 << 20, offset)
        if n < 0 { if errno == EINTR { continue }; throw InputError(file: file, message: "cannot read") }
        if n == 0 { return }  // no line feed: nothing after the header
        if let newline = memchr(buffer, 0x0A, n) {
          offset += off_t(UnsafeRawPointer(newline) - UnsafeRawPointer(buffer) + 1)
          break
        }
        offset += off_t(n)
      }
    }
    var useSendfile = true
    while true {
      if useSendfile {
        let n = sendfile(output, input, &offset, 1 << 30)
        if n > 0 { continue }
        if n == 0 { return }
        if errno == EINTR || errno == EAGAIN { continue }
        guard errno == EINVAL || errno == ENOSYS else { throw InputError(file: target, message: "cannot append") }
        useSendfile = false
      }
      let n = pread(input, buffer, 1 << 20, offset)
      if n < 0 { if errno == EINTR { continue }; throw InputError(file: file, message: "cannot read") }
      if n == 0 { return }
      offset += off_t(n)
      var written = 0
      while written < n {
        let w = Glibc.write(output, buffer + written, n - written)
        if w < 0 { if errno == EINTR { continue }; throw InputError(file: target, message: "cannot append") }
        written += w
      }
    }
  }

  /// Removes the files directly in `path`, then `path` itself (a work directory; nothing nested).
  package static func removeDirectory(_ path: String) {
    if let names = try? contentsOfDirectory(path) {
      for n in names { unlink(path + "/" + n) }
    }
    rmdir(path)
  }

  /// The last component of `path` (the name outputs and rejects cite an input by).
  public static func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// About how many lines the file at `path` has: its size over the mean length of its first
  /// lines (up to 64 KiB); 0 when it cannot be read or has fewer than two lines. For progress
  /// estimates only.
  public static func estimatedRows(ofFile path: String) -> Int {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return 0 }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
    guard n > 0 else { return 0 }
    let lines = buffer[0..<n].filter { $0 == 0x0A }.count
    guard lines > 1 else { return 0 }
    return Int(info.st_size) / (n / lines)
  }
}
