#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The little file-system access the CLI and the loaders need, kept in the I/O module.
public enum FileSystem {
  /// Whether a regular file or directory exists at `path`.
  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Whether `path` is a directory.
  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Creates `path` and its missing parents.
  ///
  /// - Throws: ``InputError`` when a directory cannot be created.
  public static func createDirectory(_ path: String) throws(InputError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part + "/"
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw InputError.cannotWrite(path, errno: errno)
      }
    }
  }

  /// A temporary name beside `path` for writing a file that is then renamed into place.
  public static func temporaryPath(for path: String) -> String {
    path + ".partial-\(getpid())"
  }

  /// Writes `text` to `path`, replacing it atomically: a temporary file renamed into place.
  public static func write(_ text: String, to path: String) throws(InputError) {
    let temporary = temporaryPath(for: path)
    try writeInPlace(text, to: temporary)
    try move(temporary, to: path)
  }

  private static func writeInPlace(_ text: String, to path: String) throws(InputError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw InputError.cannotWrite(path, errno: errno) }
    defer { close(fd) }
    var text = text
    let ok = text.withUTF8 { bytes -> Bool in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 { if errno == EINTR { continue }; return false }
        offset += n
      }
      return true
    }
    if !ok {
      let code = errno
      unlink(path)
      throw InputError.cannotWrite(path, errno: code)
    }
  }

  /// Renames `source` to `target`, replacing it (atomic within one file system).
  public static func move(_ source: String, to target: String) throws(InputError) {
    guard rename(source, target) == 0 else { throw InputError.cannotWrite(target, errno: errno) }
  }

  /// Removes a file; a missing file is not an error.
  public static func remove(_ path: String) {
    unlink(path)
  }

  /// The whole contents of a small file (configuration, metadata), as bytes.
  public static func contents(of path: String) throws(InputError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError.cannotOpen(path, errno: errno) }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
      if n < 0 { if errno == EINTR { continue }; throw InputError.cannotRead(path, errno: errno) }
      if n == 0 { break }
      result += chunk[0..<n]
    }
    return result
  }

  /// The names in directory `path`, sorted.
  public static func contentsOfDirectory(_ path: String) throws(InputError) -> [String] {
    guard let dir = opendir(path) else { throw InputError.cannotOpen(path, errno: errno) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// The absolute path of the running executable.
  public static var executablePath: String? {
    var buffer = [CChar](repeating: 0, count: 4_096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Writes `message` and a newline to standard error.
  public static func printError(_ message: String, newline: Bool = true) {
    var text = newline ? message + "\n" : message
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
        offset += n
      }
    }
  }
}
