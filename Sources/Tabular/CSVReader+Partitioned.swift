internal import CLibCSV
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension CSVReader {
  /// Reads the data records of a CSV file in contiguous partitions on several threads, each
  /// partition into its own state, and returns the states in file order.
  ///
  /// The file is cut at record boundaries found by quote parity: in a CSV file that strict
  /// libcsv parses without error, every quoted field holds an even number of `"` bytes and
  /// unquoted fields hold none, so a line feed preceded by an even number of quotes ends a
  /// record. A first parallel pass counts quotes and line feeds per raw segment (which also
  /// gives every partition its starting line number); the second parses the partitions.
  ///
  /// Line ends may be LF, CR LF or a bare CR (the "CSV (Macintosh)" of older Excel), mixed
  /// freely. A file with any bare CR is read as one partition, so that its records and line
  /// numbers are exactly those of a sequential read.
  ///
  /// If any partition meets a structural problem (malformed quoting, an over-long field),
  /// the parity argument no longer holds: the partitioned results are discarded and the
  /// file is read again on one thread into a single state, so the outcome is the same as a
  /// sequential read. `body` must therefore keep its effects inside its state.
  ///
  /// - Parameters:
  ///   - path: the CSV file.
  ///   - options: limits, chunk and minimum partition sizes.
  ///   - partitions: the number of partitions wanted; fewer are used for small files.
  ///   - makeState: creates the state of one partition from the header's names and the
  ///     partition's index (called again for partition 0 if the read falls back).
  ///   - body: consumes one data record into the state of its partition.
  /// - Returns: the states in file order, and the total counters (header excluded).
  /// - Throws: ``InputError`` if the file cannot be read or is empty; what `makeState` or
  ///   `body` throw.
  /// - Complexity: O(n) work, O(n / partitions) wall time on idle cores; memory
  ///   O(partitions × (chunk + longest record)).
  public static func readPartitioned<State: Sendable>(
    file path: String, partitions: Int, options: CSVReadOptions = CSVReadOptions(),
    makeState: @Sendable (_ header: [String], _ partition: Int) throws -> State,
    body: @Sendable @escaping (inout State, borrowing CSVRecord) throws -> Void
  ) throws -> (states: [State], statistics: CSVReadStatistics) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError.cannotOpen(path, errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw InputError.cannotRead(path, errno: errno) }
    let size = Int(info.st_size)
    try TextEncodingCheck.check(fd: fd, path: path)

    let head = try header(fd: fd, path: path, size: size, options: options)
    let bounds = try boundaries(fd: fd, path: path, from: head.end, to: size,
                                partitions: max(1, min(partitions, (size - head.end) / max(1, options.minimumPartitionBytes))),
                                firstLine: head.lines + 1)

    let slots = Slots<(State, CSVReadStatistics)>(count: bounds.count)
    DispatchQueue.concurrentPerform(iterations: bounds.count) { k in
      do {
        var state = try makeState(head.names, k)
        let part = bounds[k]
        var range = FileRange(fd: fd, path: path, offset: part.start, end: part.end)
        let statistics = try parse(options: options, startLine: part.line, atFileStart: false,
                                   { record in try body(&state, record) }, fill: { try range.fill($0, $1) })
        slots.set(k, .success((state, statistics)))
      } catch {
        slots.set(k, .failure(error))
      }
    }
    var states: [State] = []
    var total = CSVReadStatistics()
    total.hadByteOrderMark = head.hadByteOrderMark
    var clean = true
    for result in slots.results {
      let (state, statistics) = try result!.get()
      states.append(state)
      total.bytes += statistics.bytes
      total.records += statistics.records
      total.lines += statistics.lines
      total.malformedRecords += statistics.malformedRecords
      clean = clean && statistics.malformedRecords == 0
    }
    if clean || bounds.count == 1 {
      total.bytes += head.end
      total.lines += head.lines
      return (states, total)
    }
    // Structural problems: the cut points may be wrong. Read once more, sequentially.
    var state = try makeState(head.names, 0)
    var range = FileRange(fd: fd, path: path, offset: head.end, end: size)
    var statistics = try parse(options: options, startLine: head.lines + 1, atFileStart: false,
                               { record in try body(&state, record) }, fill: { try range.fill($0, $1) })
    statistics.bytes += head.end
    statistics.lines += head.lines
    statistics.hadByteOrderMark = head.hadByteOrderMark
    return ([state], statistics)
  }

  /// The header's names, the byte offset just after it, and its line count.
  private static func header(fd: Int32, path: String, size: Int, options: CSVReadOptions) throws
    -> (names: [String], end: Int, lines: Int, hadByteOrderMark: Bool)
  {
    // The header ends at the first line end outside quotes: LF, CR LF or a bare CR.
    var range = FileRange(fd: fd, path: path)
    let capacity = min(1 << 16, max(size, 1))  // a small file costs a small buffer
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { chunk.deallocate() }
    var offset = 0
    var quotes = 0
    var lines = 0
    var end = size
    var afterCarriageReturn = false
    search: while true {
      let n = try range.fill(chunk, capacity)
      if n == 0 { break }
      for i in 0..<n {
        let byte = chunk[i]
        if afterCarriageReturn {
          // A CR outside quotes ended the header; a LF right after it belongs to that end.
          end = offset + i + (byte == 0x0A ? 1 : 0)
          break search
        }
        if byte == 0x22 { quotes += 1 }
        if byte == 0x0A {
          lines += 1
          if quotes % 2 == 0 { end = offset + i + 1; break search }
        } else if byte == 0x0D, quotes % 2 == 0 {
          lines += 1
          afterCarriageReturn = true
        }
      }
      offset += n
    }
    if end == size, size > 0, lines == 0 || quotes % 2 != 0 { lines += 1 }
    var headerBytes = [UInt8](repeating: 0, count: end)
    var at = 0
    var reader = FileRange(fd: fd, path: path, offset: 0, end: end)
    while at < end {
      let n = try headerBytes.withUnsafeMutableBufferPointer { try reader.fill($0.baseAddress! + at, end - at) }
      if n == 0 { break }
      at += n
    }
    var names: [String]?
    var hadByteOrderMark = false
    let statistics = try read(bytes: headerBytes, options: options) { record in
      if names == nil {
        if let issue = record.issue {
          throw InputError(file: path, message: "header line \(record.line): \(issue)")
        }
        names = record.strings
      }
    }
    hadByteOrderMark = statistics.hadByteOrderMark
    guard let names else {
      throw InputError(file: path, message: "the file is empty; expected a header row")
    }
    return (names, end, lines, hadByteOrderMark)
  }

  private struct Part: Sendable {
    var start: Int
    var end: Int
    var line: Int
  }

  /// Cuts `[from, to)` into record-aligned parts by quote parity.
  private static func boundaries(fd: Int32, path: String, from: Int, to: Int, partitions: Int,
                                 firstLine: Int) throws -> [Part]
  {
    guard partitions > 1 else { return [Part(start: from, end: to, line: firstLine)] }
    let length = to - from
    let raw = (0...partitions).map { from + length * $0 / partitions }
    // Pass 1, in parallel: quotes and line feeds per raw segment.
    let counts = Slots<SegmentCounts>(count: partitions)
    DispatchQueue.concurrentPerform(iterations: partitions) { k in
      do {
        var range = FileRange(fd: fd, path: path, offset: raw[k], end: raw[k + 1])
        counts.set(k, .success(try countQuotesAndNewlines(&range)))
      } catch {
        counts.set(k, .failure(error))
      }
    }
    // A bare CR anywhere (a CR not followed by LF) ends records that the line-feed cuts below
    // cannot see: such a file is read as one partition.
    var bareCarriageReturns = 0
    for k in 0..<partitions {
      let c = try counts.results[k]!.get()
      bareCarriageReturns += c.carriageReturns - c.crlfPairs
      if k > 0, c.firstByte == 0x0A, try counts.results[k - 1]!.get().lastByte == 0x0D { bareCarriageReturns -= 1 }
    }
    if bareCarriageReturns > 0 { return [Part(start: from, end: to, line: firstLine)] }
    var parts: [Part] = []
    var start = from
    var line = firstLine
    var quotesBefore = 0
    var newlinesBefore = 0
    for k in 1..<partitions {
      let c = try counts.results[k - 1]!.get()
      quotesBefore += c.quotes
      newlinesBefore += c.newlines
      // Walk forward from the raw cut to the first line feed outside quotes.
      var range = FileRange(fd: fd, path: path, offset: raw[k], end: to)
      var parity = quotesBefore % 2
      var extraNewlines = 0
      var cut = to
      let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
      defer { chunk.deallocate() }
      var offset = raw[k]
      walk: while true {
        let n = try range.fill(chunk, 1 << 16)
        if n == 0 { break }
        for i in 0..<n {
          if chunk[i] == 0x22 { parity ^= 1 }
          if chunk[i] == 0x0A {
            extraNewlines += 1
            if parity == 0 { cut = offset + i + 1; break walk }
          }
        }
        offset += n
      }
      guard cut > start, cut < to else { continue }
      parts.append(Part(start: start, end: cut, line: line))
      // Lines before `cut`: newlines up to the raw cut plus those walked.
      line = firstLine + newlinesBefore + extraNewlines
      start = cut
    }
    parts.append(Part(start: start, end: to, line: line))
    return parts
  }

  /// What pass 1 learns of one raw segment.
  private struct SegmentCounts: Sendable {
    var quotes = 0
    var newlines = 0
    var carriageReturns = 0
    /// CR bytes directly followed by a LF inside the segment.
    var crlfPairs = 0
    var firstByte: UInt8?
    var lastByte: UInt8?
  }

  private static func countQuotesAndNewlines(_ range: inout FileRange) throws -> SegmentCounts {
    let capacity = min(1 << 18, max(range.end - range.offset, 1))
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { chunk.deallocate() }
    var c = SegmentCounts()
    var previousIsCarriageReturn = false
    /// High bit set in exactly the bytes of `x` equal to the byte repeated in `word`.
    @inline(__always) func matches(_ x: UInt64, _ word: UInt64) -> UInt64 {
      let highs: UInt64 = 0x8080_8080_8080_8080
      let y = x ^ word
      return ~(((y & ~highs) &+ ~highs) | y) & highs
    }
    while true {
      let n = try range.fill(chunk, capacity)
      if n == 0 { break }
      if c.firstByte == nil { c.firstByte = chunk[0] }
      c.lastByte = chunk[n - 1]
      var i = 0
      while i + 8 <= n {
        let x = UnsafeRawPointer(chunk + i).loadUnaligned(as: UInt64.self)
        let lineFeeds = matches(x, 0x0A0A_0A0A_0A0A_0A0A)
        let carriageReturns = matches(x, 0x0D0D_0D0D_0D0D_0D0D)
        c.quotes &+= matches(x, 0x2222_2222_2222_2222).nonzeroBitCount
        c.newlines &+= lineFeeds.nonzeroBitCount
        if carriageReturns | (previousIsCarriageReturn ? 1 : 0) != 0 {
          c.carriageReturns &+= carriageReturns.nonzeroBitCount
          c.crlfPairs &+= (carriageReturns & (lineFeeds >> 8)).nonzeroBitCount
          if previousIsCarriageReturn, x & 0xFF == 0x0A { c.crlfPairs &+= 1 }
        }
        previousIsCarriageReturn = x >> 56 == 0x0D
        i += 8
      }
      while i < n {
        let byte = chunk[i]
        if byte == 0x22 { c.quotes += 1 }
        if byte == 0x0A {
          c.newlines += 1
          if previousIsCarriageReturn { c.crlfPairs += 1 }
        }
        if byte == 0x0D { c.carriageReturns += 1 }
        previousIsCarriageReturn = byte == 0x0D
        i += 1
      }
    }
    return c
  }
}

/// Per-partition results written by worker threads, each to its own slot.
final class Slots<Value: Sendable>: Sendable {
  private let storage: Mutex<[Result<Value, any Error>?]>

  init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

  func set(_ index: Int, _ result: Result<Value, any Error>) {
    storage.withLock { $0[index] = result }
  }

  /// The results, once the workers are done.
  var results: [Result<Value, any Error>?] { storage.withLock { $0 } }
}
