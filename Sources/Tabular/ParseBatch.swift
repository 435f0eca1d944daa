internal import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The state libcsv's callbacks write into: the bytes and field boundaries of the records
/// completed during one `csv_parse` call, plus the record still open at its end.
///
/// It lives in one stable heap allocation reached through libcsv's `void *data` pointer, so
/// the callbacks capture nothing and touch no reference counts. Memory is bounded: fields
/// longer than ``maximumFieldLength`` and records larger than ``maximumRecordBytes`` are
/// replaced by empty fields and flagged, never stored.
struct ParseBatch {
  /// Completed-record descriptor.
  struct Span {
    var firstField: Int
    var fieldCount: Int
    var line: Int
    var flaw: Flaw?
  }

  /// Something wrong with a record that libcsv nonetheless delimited.
  enum Flaw: Equatable {
    case fieldTooLong(field: Int, length: Int)
    case recordTooLarge
  }

  var bytes: UnsafeMutablePointer<UInt8>
  var byteCapacity: Int
  var byteCount = 0
  /// End offset (exclusive) in `bytes` of each field; a field starts where the previous one
  /// of its record ends, the first at its record's `recordByteStart`.
  var fieldEnds: UnsafeMutablePointer<Int>
  var fieldCapacity: Int
  var fieldCount = 0
  var spans: [Span] = []

  // The open record.
  var openFirstField = 0
  var openByteStart = 0
  var openLine = 0
  var openFlaw: Flaw?
  var isRecordOpen = false

  /// Newlines consumed so far: the current physical line is `newlines + 1`.
  var newlines = 0
  var pendingCarriageReturn = false

  let maximumFieldLength: Int
  let maximumRecordBytes: Int

  /// Buffers start in proportion to the chunk (they grow when a chunk needs more), so a small
  /// input costs small allocations.
  init(maximumFieldLength: Int, maximumRecordBytes: Int, chunkSize: Int = 256 << 10) {
    self.maximumFieldLength = maximumFieldLength
    self.maximumRecordBytes = maximumRecordBytes
    byteCapacity = min(1 << 20, max(4 * chunkSize, 4_096))
    bytes = .allocate(capacity: byteCapacity)
    fieldCapacity = min(1 << 16, max(chunkSize / 4, 256))
    fieldEnds = .allocate(capacity: fieldCapacity)
    spans.reserveCapacity(min(8_192, max(chunkSize / 32, 64)))
  }

  func deallocate() {
    bytes.deallocate()
    fieldEnds.deallocate()
  }

  @inline(__always)
  mutating func appendField(_ pointer: UnsafeRawPointer?, _ length: Int) {
    pendingCarriageReturn = false
    if !isRecordOpen {
      isRecordOpen = true
      openFirstField = fieldCount
      openByteStart = byteCount
      openLine = newlines + 1
      openFlaw = nil
    }
    var length = length
    if length > 0, let pointer {
      let source = pointer.assumingMemoryBound(to: UInt8.self)
      // Newlines inside quoted fields are physical lines too. Short fields (nearly all)
      // are scanned eight bytes at a time; long ones through memchr.
      if length >= 64 {
        var p = pointer
        var remaining = length
        while remaining > 0, let hit = memchr(p, 0x0A, remaining) {
          newlines += 1
          let consumed = UnsafeRawPointer(hit) - p + 1
          p += consumed
          remaining -= consumed
        }
      } else {
        newlines &+= Self.countNewlines(source, length)
      }
      if length > maximumFieldLength {
        if openFlaw == nil { openFlaw = .fieldTooLong(field: fieldCount - openFirstField, length: length) }
        length = 0
      } else if byteCount - openByteStart + length > maximumRecordBytes {
        if openFlaw == nil { openFlaw = .recordTooLarge }
        length = 0
      }
      if length > 0 {
        if byteCount + length > byteCapacity { growBytes(toFit: byteCount + length) }
        (bytes + byteCount).update(from: source, count: length)
        byteCount += length
      }
    }
    if fieldCount == fieldCapacity { growFields() }
    fieldEnds[fieldCount] = byteCount
    fieldCount += 1
  }

  /// Line feeds in a short field, by SWAR over 8-byte words (no call, no branch per byte).
  @inline(__always)
  static func countNewlines(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var count = 0
    var i = 0
    while i + 8 <= n {
      let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ (ones &* 0x0A)
      // High bit set exactly in the bytes of x that are zero (no false positives).
      let zero = ~(((x & ~highs) &+ ~highs) | x) & highs
      count &+= zero.nonzeroBitCount
      i += 8
    }
    while i < n {
      if p[i] == 0x0A { count &+= 1 }
      i += 1
    }
    return count
  }

  @inline(__always)
  mutating func endRecord(_ terminator: Int32) {
    if isRecordOpen {
      spans.append(Span(firstField: openFirstField, fieldCount: fieldCount - openFirstField,
                        line: openLine, flaw: openFlaw))
      isRecordOpen = false
    }
    switch terminator {
    case 0x0D:
      newlines += 1
      pendingCarriageReturn = true
    case 0x0A:
      if pendingCarriageReturn { pendingCarriageReturn = false } else { newlines += 1 }
    default:
      break
    }
  }

  /// Drops every completed record, keeping the open one (moved to the front).
  mutating func discardCompleted() {
    spans.removeAll(keepingCapacity: true)
    guard isRecordOpen else {
      byteCount = 0
      fieldCount = 0
      return
    }
    let keptBytes = byteCount - openByteStart
    if openByteStart > 0 { bytes.update(from: bytes + openByteStart, count: keptBytes) }
    let keptFields = fieldCount - openFirstField
    for i in 0..<keptFields { fieldEnds[i] = fieldEnds[openFirstField + i] - openByteStart }
    byteCount = keptBytes
    fieldCount = keptFields
    openByteStart = 0
    openFirstField = 0
  }

  /// Takes the open record out as an unfinished one (after a parse error), returning its
  /// span; the caller reads it before the next `discardCompleted`.
  mutating func closeOpenRecord() -> Span? {
    guard isRecordOpen else { return nil }
    isRecordOpen = false
    return Span(firstField: openFirstField, fieldCount: fieldCount - openFirstField,
                line: openLine, flaw: openFlaw)
  }

  /// Start offset of field `index`: fields of consecutive records are contiguous.
  @inline(__always)
  func startOfField(_ index: Int) -> Int { index == 0 ? 0 : fieldEnds[index - 1] }

  private mutating func growBytes(toFit needed: Int) {
    var capacity = byteCapacity * 2
    while capacity < needed { capacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.update(from: bytes, count: byteCount)
    bytes.deallocate()
    bytes = grown
    byteCapacity = capacity
  }

  private mutating func growFields() {
    let capacity = fieldCapacity * 2
    let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    grown.update(from: fieldEnds, count: fieldCount)
    fieldEnds.deallocate()
    fieldEnds = grown
    fieldCapacity = capacity
  }
}

// MARK: - libcsv callbacks (plain C functions: no captures, state through `data`)

func onField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
  data.unsafelyUnwrapped.assumingMemoryBound(to: ParseBatch.self).pointee.appendField(field, length)
}

func onRecord(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
  data.unsafelyUnwrapped.assumingMemoryBound(to: ParseBatch.self).pointee.endRecord(terminator)
}

/// Hard ceiling on libcsv's field buffer; past it `csv_parse` stops with `CSV_ENOMEM`,
/// which the reader turns into a rejected record and recovers from.
let libcsvBufferCeiling = 1 << 20

func cappedRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
  size > libcsvBufferCeiling ? nil : realloc(pointer, size)
}
