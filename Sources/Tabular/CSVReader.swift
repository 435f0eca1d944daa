internal import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Limits and buffer sizes of a ``CSVReader``.
public struct CSVReadOptions: Sendable {
  /// Bytes read from the file per `csv_parse` call. Default 256 KiB.
  public var chunkSize: Int = 256 << 10
  /// A field longer than this makes its record a reject. Default 64 KiB.
  public var maximumFieldLength: Int = 64 << 10
  /// A record larger than this makes itself a reject. Default 4 MiB.
  public var maximumRecordBytes: Int = 4 << 20
  /// A partitioned read gives each partition at least this many bytes. Default 1 MiB; tests
  /// lower it to exercise several partitions on small files.
  public var minimumPartitionBytes: Int = 1 << 20

  /// The default options.
  public init() {}
}

/// Counters of one pass over a CSV file.
public struct CSVReadStatistics: Hashable, Sendable {
  /// Bytes read, including any byte-order mark.
  public var bytes = 0
  /// Records passed to the closure, well-formed or not (blank lines are not records).
  public var records = 0
  /// Physical lines (line ends — LF, CR LF or a bare CR — plus one for a last line without one).
  public var lines = 0
  /// Whether the file started with a UTF-8 byte-order mark.
  public var hadByteOrderMark = false
  /// Records handed over with a structural ``CSVRecord/issue``.
  public var malformedRecords = 0

  /// Zeroed counters.
  public init() {}
}

/// A streaming CSV reader over libcsv.
///
/// The file is read in fixed-size chunks (``CSVReadOptions/chunkSize``) through `csv_parse`
/// in strict mode (`CSV_STRICT | CSV_STRICT_FINI`), so memory stays bounded whatever the file
/// size. It accepts a UTF-8 byte-order mark, LF, CR LF and bare CR line ends (mixed freely), quoted fields with commas,
/// doubled quotes and line breaks, a missing final newline and blank lines (skipped).
///
/// A file that is not UTF-8 (UTF-16, GBK, binary; see ``TextEncodingCheck``) is refused
/// with an ``InputError`` that says so, before any record.
///
/// Malformed quoting does not stop the read: the record is handed over with its
/// ``CSVRecord/issue`` set, the reader skips to the end of that record, restarts the parser
/// and goes on, so every record is either usable or reported.
///
/// ```swift
/// try CSVReader.read(file: "loans.csv") { record in
///   if let issue = record.issue { … reject … }
///   let outstanding = try FieldParser.decimal(record[4])
/// }
/// ```
///
/// - Complexity: O(n) in the file size; memory O(chunk + longest record).
public enum CSVReader {
  /// Reads the CSV file at `path`, calling `body` for each record (the header included) in
  /// file order.
  ///
  /// - Throws: ``InputError`` if the file cannot be opened or read; whatever `body` throws.
  /// - Returns: counters of the pass.
  @discardableResult
  public static func read(
    file path: String, options: CSVReadOptions = CSVReadOptions(),
    _ body: (borrowing CSVRecord) throws -> Void
  ) throws -> CSVReadStatistics {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError.cannotOpen(path, errno: errno) }
    defer { close(fd) }
    try TextEncodingCheck.check(fd: fd, path: path)
    var range = FileRange(fd: fd, path: path)
    return try parse(options: options, body, fill: { try range.fill($0, $1) })
  }

  /// Reads CSV text held in memory (tests, small embedded tables).
  @discardableResult
  public static func read(
    bytes: [UInt8], options: CSVReadOptions = CSVReadOptions(),
    _ body: (borrowing CSVRecord) throws -> Void
  ) throws -> CSVReadStatistics {
    var offset = 0
    var options = options
    options.chunkSize = min(options.chunkSize, max(bytes.count, 4_096))  // no 256 KiB buffer for a short text
    return try parse(options: options, body) { buffer, capacity in
      let n = min(capacity, bytes.count - offset)
      bytes.withUnsafeBufferPointer { source in
        if n > 0 { buffer.update(from: source.baseAddress! + offset, count: n) }
      }
      offset += n
      return n
    }
  }

  private enum SkipState { case none, toLineEnd, inQuotes, quoteInQuotes }

  static func parse(
    options: CSVReadOptions, startLine: Int = 1, atFileStart: Bool = true,
    _ body: (borrowing CSVRecord) throws -> Void,
    fill: (UnsafeMutablePointer<UInt8>, Int) throws -> Int
  ) throws -> CSVReadStatistics {
    var statistics = CSVReadStatistics()
    let batch = UnsafeMutablePointer<ParseBatch>.allocate(capacity: 1)
    batch.initialize(to: ParseBatch(maximumFieldLength: options.maximumFieldLength,
                                    maximumRecordBytes: options.maximumRecordBytes, chunkSize: options.chunkSize))
    batch.pointee.newlines = startLine - 1
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: options.chunkSize)
    var parser = csv_parser()
    start(&parser)
    defer {
      csv_free(&parser)
      batch.pointee.deallocate()
      batch.deinitialize(count: 1)
      batch.deallocate()
      chunk.deallocate()
    }

    func deliverCompleted() throws {
      for span in batch.pointee.spans {
        statistics.records += 1
        if span.flaw != nil { statistics.malformedRecords += 1 }
        let issue: CSVRecordIssue? = switch span.flaw {
        case nil: nil
        case let .fieldTooLong(field, length)?:
          .fieldTooLong(column: field + 1, length: length, limit: options.maximumFieldLength)
        case .recordTooLarge?:
          .recordTooLarge(column: span.fieldCount, limit: options.maximumRecordBytes)
        }
        try body(CSVRecord(batch: batch, span: span, issue: issue))
      }
      batch.pointee.discardCompleted()
    }

    /// Hands over the record open at a parse error, then drops it.
    func deliverBroken(_ makeIssue: (_ column: Int) -> CSVRecordIssue) throws {
      let span = batch.pointee.closeOpenRecord()
        ?? ParseBatch.Span(firstField: batch.pointee.fieldCount, fieldCount: 0,
                           line: batch.pointee.newlines + 1, flaw: nil)
      statistics.records += 1
      statistics.malformedRecords += 1
      let issue = makeIssue(span.fieldCount + 1)
      try body(CSVRecord(batch: batch, span: span, issue: issue))
      batch.pointee.discardCompleted()
    }

    var skip = SkipState.none
    var isFirstChunk = atFileStart
    var lastByte: UInt8 = 0x0A
    while true {
      let n = try fill(chunk, options.chunkSize)
      if n == 0 { break }
      statistics.bytes += n
      // A CR that ended the previous chunk is one line end with a LF that starts this one.
      if lastByte == 0x0D, chunk[0] != 0x0A { batch.pointee.pendingCarriageReturn = false }
      lastByte = chunk[n - 1]
      var position = 0
      if isFirstChunk {
        isFirstChunk = false
        if n >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
          position = 3
          statistics.hadByteOrderMark = true
        }
      }
      while position < n {
        if skip != .none {
          position = skipRecord(chunk, from: position, to: n, state: &skip, batch: batch)
          if skip != .none { break }  // the record goes on in the next chunk
          if position > 0, position < n, chunk[position - 1] == 0x0D, chunk[position] != 0x0A {
            batch.pointee.pendingCarriageReturn = false
          }
        }
        // Parse up to just after the next bare CR (one not followed by LF): libcsv skips the
        // blanks between a CR and a LF without a callback, so only here can the line count
        // learn that "CR, space, LF" is two line ends, not one CR LF.
        let end = endOfPiece(chunk, from: position, to: n)
        let consumed = csv_parse(&parser, chunk + position, end - position, onField, onRecord, batch)
        try deliverCompleted()
        position += consumed
        if position == end {
          if end < n, chunk[end - 1] == 0x0D { batch.pointee.pendingCarriageReturn = false }
          continue
        }
        // csv_parse stopped early: malformed quoting (CSV_EPARSE) or a field past the
        // buffer ceiling (CSV_ENOMEM). Report the record, skip its rest, restart.
        let status = csv_error(&parser)
        let offending = chunk[position]
        let wasQuoted = parser.quoted != 0
        if status == CSV_ENOMEM || status == CSV_ETOOBIG {
          try deliverBroken { .bufferExhausted(column: $0) }
          skip = wasQuoted ? .inQuotes : .toLineEnd
        } else if wasQuoted {
          try deliverBroken { .textAfterClosingQuote(column: $0, found: offending) }
          skip = .toLineEnd
        } else {
          try deliverBroken { .quoteInUnquotedField(column: $0) }
          skip = .toLineEnd
        }
        csv_free(&parser)
        start(&parser)
      }
    }
    if skip == .none {
      if csv_fini(&parser, onField, onRecord, batch) != 0 {
        try deliverCompleted()
        try deliverBroken { .unterminatedQuote(column: $0) }
      } else {
        try deliverCompleted()
      }
    }
    statistics.lines = batch.pointee.newlines - (startLine - 1)
      + (statistics.bytes > 0 && lastByte != 0x0A && lastByte != 0x0D ? 1 : 0)
    return statistics
  }

  private static func start(_ parser: inout csv_parser) {
    csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
    csv_set_realloc_func(&parser, cappedRealloc)
    csv_set_blk_size(&parser, 4_096)
  }

  /// Advances past the rest of a broken record, counting the line ends it skips as
  /// ``ParseBatch`` does: LF, CR LF and a bare CR end a line (a LF right after a CR that
  /// ended the record is left to libcsv, which sees it as a blank line and does not count it).
  private static func skipRecord(
    _ chunk: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int,
    state: inout SkipState, batch: UnsafeMutablePointer<ParseBatch>
  ) -> Int {
    var i = start
    while i < end {
      let byte = chunk[i]
      i += 1
      if byte == 0x0A { batch.pointee.newlines += 1 }
      let endsRecord = byte == 0x0A || byte == 0x0D
      switch state {
      case .toLineEnd:
        if endsRecord { return finishSkip(byte, at: i, state: &state, batch: batch) }
      case .inQuotes:
        if byte == 0x22 { state = .quoteInQuotes }
      case .quoteInQuotes:
        if byte == 0x22 {
          state = .inQuotes
        } else if endsRecord {
          return finishSkip(byte, at: i, state: &state, batch: batch)
        } else {
          state = .toLineEnd
        }
      case .none:
        return i - 1
      }
    }
    return i
  }

  private static func finishSkip(_ byte: UInt8, at i: Int, state: inout SkipState,
                                 batch: UnsafeMutablePointer<ParseBatch>) -> Int {
    state = .none
    batch.pointee.pendingCarriageReturn = byte == 0x0D  // cleared by the caller when no LF follows
    if byte == 0x0D { batch.pointee.newlines += 1 }
    return i
  }

  /// The end of the next piece to parse from `start`: just after the first CR that a byte
  /// other than LF follows, or `end`.
  private static func endOfPiece(_ chunk: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var i = start
    while i < end, let hit = memchr(chunk + i, 0x0D, end - i) {
      let cr = UnsafeMutableRawPointer(hit).assumingMemoryBound(to: UInt8.self) - chunk
      if cr + 1 < end, chunk[cr + 1] != 0x0A { return cr + 1 }
      i = cr + 1
    }
    return end
  }
}

/// A byte range of an open file, read front to back with `pread`.
struct FileRange {
  let fd: Int32
  let path: String
  var offset: Int = 0
  var end: Int = .max

  init(fd: Int32, path: String, offset: Int = 0, end: Int = .max) {
    self.fd = fd
    self.path = path
    self.offset = offset
    self.end = end
  }

  mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, _ capacity: Int) throws(InputError) -> Int {
    let wanted = min(capacity, end - offset)
    guard wanted > 0 else { return 0 }
    var n: Int
    repeat { n = pread(fd, buffer, wanted, off_t(offset)) } while n < 0 && errno == EINTR
    if n < 0 { throw InputError.cannotRead(path, errno: errno) }
    offset += n
    return n
  }
}
