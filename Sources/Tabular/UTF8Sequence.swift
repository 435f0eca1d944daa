/// One step of UTF-8 validation, shared by the field check (``FieldParser/checkText(_:)``) and
/// the file-encoding check (``TextEncodingCheck``): the well-formed byte sequences of the
/// Unicode Standard, Table 3-7 (RFC 3629).
enum UTF8Sequence {
  /// What starts at one byte.
  enum Step: Equatable {
    /// A well-formed sequence of this many bytes (1 for ASCII).
    case valid(length: Int)
    /// A lead byte that could start a sequence, cut by the end of the buffer.
    case truncated
    /// Not a well-formed sequence.
    case invalid
  }

  /// The sequence starting at `i` of `bytes`.
  @inline(__always)
  static func step(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Step {
    let b = bytes[i]
    if b < 0x80 { return .valid(length: 1) }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return .invalid
    }
    for k in 1..<length {
      guard i + k < bytes.count else { return .truncated }
      let c = bytes[i + k]
      if k == 1 ? !(low...high).contains(c) : c & 0xC0 != 0x80 { return .invalid }
    }
    return .valid(length: length)
  }
}
