internal import Quantities

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A buffered RFC 4180 CSV writer: fields quoted only when needed, inner quotes doubled,
/// LF line ends, optionally a UTF-8 byte-order mark first (Excel in Chinese locales needs it
/// to read UTF-8).
///
/// Text that a spreadsheet would run as a formula (OWASP "CSV Injection": a field starting
/// with `=`, `+`, `-`, `@`, TAB or CR that is not a plain number) is written with a leading
/// `'`, as is text that already starts with `'`; numbers are never touched. The original text
/// is therefore exact to recover: drop one leading `'` from a field that starts with one.
///
/// Call ``close()`` to flush; a writer that is dropped unclosed flushes what it can.
public final class CSVWriter {
  private let fd: Int32
  private let path: String
  /// The file being written; renamed to `path` by ``close()``, so that a failed run never
  /// leaves a partial file in place of a good one.
  private let temporaryPath: String
  // A writer belongs to one thread (it is not Sendable), so the per-field accesses skip the
  // runtime's dynamic exclusivity bookkeeping.
  @exclusivity(unchecked) private var buffer: [UInt8] = []
  private var isClosed = false
  @exclusivity(unchecked) private var atRowStart = true
  /// Whether text fields get the formula guard (off for machine-read work files).
  private let guardsFormulas: Bool
  /// The first failed write, rethrown by ``close()`` so that no error is lost.
  private var writeError: InputError?

  /// Starts the file at `path` and writes `header` as its first row (none when `header` is
  /// empty, for parts to be concatenated). The rows go to a temporary file beside it, renamed
  /// to `path` by ``close()``: `path` holds either its old content or the complete new one.
  ///
  /// - Parameters:
  ///   - path: the file to write.
  ///   - header: the first row (empty: none).
  ///   - byteOrderMark: start with a UTF-8 byte-order mark (Excel on Chinese Windows).
  ///   - guardsFormulas: `false` for files only GreenLedger reads back (ledgers,
  ///     partials), which no spreadsheet should open.
  /// - Throws: ``InputError`` if the file cannot be created.
  public init(path: String, header: [String], byteOrderMark: Bool = false, guardsFormulas: Bool = true) throws(InputError) {
    let temporaryPath = FileSystem.temporaryPath(for: path)
    let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw InputError.cannotWrite(path, errno: errno) }
    self.fd = fd
    self.path = path
    self.temporaryPath = temporaryPath
    self.guardsFormulas = guardsFormulas
    buffer.reserveCapacity(1 << 16)
    if byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    if !header.isEmpty { writeRow(header) }
  }

  /// A writer dropped without ``close()`` (an error path) discards its temporary file.
  deinit {
    if !isClosed {
      Glibc.close(fd)
      unlink(temporaryPath)
    }
  }

  /// Appends one field to the current row.
  public func writeField(_ field: String) {
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    var field = field
    field.withUTF8 { CSVEncoding.appendField($0, to: &buffer, guardingFormulas: guardsFormulas) }
  }

  /// Appends one field given as raw bytes.
  public func writeField(bytes: UnsafeBufferPointer<UInt8>) {
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    CSVEncoding.appendField(bytes, to: &buffer, guardingFormulas: guardsFormulas)
  }

  /// Appends one field given as a span of bytes (e.g. `Period.withDescriptionBytes`).
  public func writeField(bytes: Span<UInt8>) {
    bytes.withUnsafeBufferPointer { writeField(bytes: $0) }
  }

  /// Appends a source location `file:line` as one field (`activities.csv:12`), without a
  /// `String` for the whole.
  public func writeLocation(file: String, line number: Int) {
    var text = file
    // Digits never need quotes; a name that does (one with a comma, or one a spreadsheet
    // would take for a formula) takes the slow way.
    guard !text.withUTF8({ CSVEncoding.needsQuotes($0) || CSVEncoding.needsFormulaGuard($0) }) else {
      return writeField("\(file):\(number)")
    }
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    text.withUTF8 { buffer.append(contentsOf: $0) }
    buffer.append(0x3A)
    DecimalFormat.withDigits(magnitude: UInt64(number.magnitude), places: 0, negative: number < 0) { digits in
      digits.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    }
  }

  /// Ends the current row.
  public func endRow() {
    buffer.append(0x0A)
    atRowStart = true
    if buffer.count >= 1 << 16, writeError == nil {
      do { try flush() } catch { writeError = error; buffer.removeAll(keepingCapacity: true) }
    }
  }

  /// Appends `value` rounded half to even to `places` decimals (0…12), trailing zeros
  /// removed (`0.25`, `154.795482`, `3`); an empty field for `nil` or a non-finite value.
  /// Writes digits straight into the buffer: no `String` per number.
  public func writeDecimal(_ value: Double?, places: Int) {
    writeDecimal(value, places: places, trimmingZeros: true)
  }

  /// Appends `value` rounded half to even to exactly `places` decimals (`0.500000`): the
  /// text of `DecimalFormat.fixed(_:places:)`, without a `String`. An empty field for `nil`
  /// or a non-finite value.
  public func writeFixed(_ value: Double?, places: Int) {
    writeDecimal(value, places: places, trimmingZeros: false)
  }

  private func writeDecimal(_ value: Double?, places: Int, trimmingZeros: Bool) {
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    guard let value, value.isFinite else { return }
    let written: Void? = DecimalFormat.withDigits(of: value, places: places, trimmingZeros: trimmingZeros) { digits in
      digits.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    }
    if written == nil { buffer += Array(DecimalFormat.shortest(value).utf8) }
  }

  /// Appends bytes already encoded as CSV, whole records with their line ends (a file's
  /// content copied behind a byte-order mark).
  func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
    atRowStart = true
  }

  /// Appends a whole record already encoded as CSV (no line end), then ends the row.
  public func writeRaw(_ record: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: record)
    atRowStart = true
    endRow()
  }

  /// The same for a record held in an array.
  package func writeRaw(_ record: [UInt8]) {
    buffer.append(contentsOf: record)
    atRowStart = true
    endRow()
  }

  /// Appends the shortest decimal text that reads back as the same `Double` (`0.1`,
  /// `1e-07`); an empty field for `nil` or a non-finite value.
  public func writeShortest(_ value: Double?) {
    if !atRowStart { buffer.append(0x2C) }
    atRowStart = false
    guard let value, value.isFinite else { return }
    var text = DecimalFormat.shortest(value)
    text.withUTF8 { buffer.append(contentsOf: $0) }
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

  /// Flushes and closes the file, then renames it into place.
  public func close() throws(InputError) {
    guard !isClosed else { return }
    isClosed = true
    do throws(InputError) {
      if let writeError { throw writeError }
      try flush()
    } catch {
      Glibc.close(fd)
      unlink(temporaryPath)
      throw error
    }
    guard Glibc.close(fd) == 0 else {
      unlink(temporaryPath)
      throw InputError.cannotWrite(path, errno: errno)
    }
    try FileSystem.move(temporaryPath, to: path)
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
