#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A buffered RFC 4180 CSV writer: fields quoted only when needed, inner quotes doubled,
/// LF line ends, optionally a UTF-8 byte-order mark first (Excel in Chinese locales needs it
/// to read UTF-8).
///
/// Call ``close()`` to flush; a writer that is dropped unclosed flushes what it can.
public final class CSVWriter {
  private let fd: Int32
  private let path: String
  private var buffer: [UInt8] = []
  private var isClosed = false
  private var atRowStart = true

  /// Creates (or truncates) the file at `path` and writes `header` as its first row (none
  /// when `header` is empty, for parts to be concatenated).
  ///
  /// - Throws: ``InputError`` if the file cannot be created.
  public init(path: String, header: [String], byteOrderMark: Bool = false) throws(InputError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw InputError.cannotWrite(path, errno: errno) }
    self.fd = fd
    self.path = path
    buffer.reserveCapacity(1 << 16)
    if byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    if !header.isEmpty { writeRow(header) }
  }

  deinit { if !isClosed { try? close() } }

  /// Appends one field to the current row.
  public func writeField(_ field: String) {
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    var field = field
    field.withUTF8 { CSVEncoding.appendField($0, to: &buffer) }
  }

  /// Appends one field given as raw bytes.
  public func writeField(bytes: UnsafeBufferPointer<UInt8>) {
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    CSVEncoding.appendField(bytes, to: &buffer)
  }

  /// Ends the current row.
  public func endRow() {
    buffer.append(0x0A)
    atRowStart = true
    if buffer.count >= 1 << 16 { try? flush() }
  }

  /// Writes a whole row.
  ///
  /// A row of one empty field is written as `""`: an empty line would read back as a blank
  /// line, which is no record at all.
  public func writeRow(_ fields: [String]) {
    if fields.count == 1, fields[0].isEmpty {
      buffer += [0x22, 0x22]
      atRowStart = false
    } else {
      for field in fields { writeField(field) }
    }
    endRow()
  }

  /// Writes the buffered bytes to the file.
  public func flush() throws(InputError) {
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError.cannotWrite(path, errno: errno)
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file.
  public func close() throws(InputError) {
    guard !isClosed else { return }
    isClosed = true
    defer { Glibc.close(fd) }
    try flush()
  }
}

/// Writes rejected rows as `file,line,column,reason,raw`: the file, the record's first line,
/// the 1-based field (empty when the whole row is at fault), why, and the row as read.
public final class RejectsWriter {
  /// The columns of a rejects file.
  public static let header = ["file", "line", "column", "reason", "raw"]

  private let writer: CSVWriter?
  /// Number of rows written so far.
  public private(set) var count = 0

  /// A writer to `path`, or one that only counts when `path` is `nil`.
  public init(path: String?) throws(InputError) {
    writer = try path.map { p throws(InputError) in try CSVWriter(path: p, header: Self.header) }
  }

  /// Records one rejected row.
  public func reject(_ error: RowError, raw: String) {
    count += 1
    writer?.writeRow([error.file, String(error.line), error.column.map(String.init) ?? "",
                      error.qualifiedReason, raw])
  }

  /// Writes buffered rows to the file.
  public func flush() throws(InputError) { try writer?.flush() }

  /// Flushes and closes the file.
  public func close() throws(InputError) { try writer?.close() }
}
