#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Recognises the encodings that arrive instead of UTF-8 — UTF-16 (what Excel's "Unicode
/// Text" writes), GBK/GB 18030 (what Chinese Excel's "CSV" writes) and other non-UTF-8 text —
/// from the first bytes of a file, so that a reader can say "save it as UTF-8" instead of
/// decoding garbage or rejecting every row for an unknown unit.
///
/// The data contract is UTF-8 (DESIGN.md, "Data contract"); a UTF-8 byte-order mark is
/// accepted. The check reads a sample (the first chunk), so it costs nothing per row.
public enum TextEncodingCheck {
  /// What is wrong with a sample, if anything.
  public enum Problem: Hashable, Sendable, CustomStringConvertible {
    /// UTF-16 text (a UTF-16 byte-order mark, or NUL bytes between ASCII letters).
    case utf16(bigEndian: Bool)
    /// Not UTF-8, but every non-ASCII byte pairs up as a GBK / GB 18030 double-byte character.
    case gbk(offset: Int)
    /// Not UTF-8, at this byte offset.
    case notUTF8(offset: Int)
    /// A NUL byte: a binary file, not CSV text.
    case binary(offset: Int)
    /// A UTF-8 byte-order mark after the start: two files joined, or a BOM written twice.
    case repeatedByteOrderMark(offset: Int)

    /// What is wrong and how to fix it, for people.
    public var description: String {
      switch self {
      case .utf16(let bigEndian):
        "this file is UTF-16 (\(bigEndian ? "big" : "little")-endian), not UTF-8; save it as \"CSV UTF-8\""
      case .gbk(let offset):
        "this file is GBK/GB 18030-encoded (byte \(offset) is the first non-UTF-8 character), not UTF-8; "
          + "save it as \"CSV UTF-8\" or convert it: iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.csv"
      case .notUTF8(let offset):
        "byte \(offset) is not valid UTF-8; the data contract asks for UTF-8 text"
      case .binary(let offset):
        "byte \(offset) is a NUL byte: this is not a CSV text file"
      case .repeatedByteOrderMark(let offset):
        "a second byte-order mark (EF BB BF) at byte \(offset): two files joined, or the mark written twice; remove it"
      }
    }
  }

  /// The problem of a file that starts with `sample`, or `nil` for UTF-8 text.
  ///
  /// - Parameters:
  ///   - sample: the file's first bytes (any length; a multi-byte character cut at the end of
  ///     the sample is not an error unless `isWholeFile`).
  ///   - isWholeFile: whether `sample` is the whole file.
  /// - Complexity: O(n) in the sample's length.
  public static func problem(in sample: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> Problem? {
    let n = sample.count
    if n >= 2, sample[0] == 0xFF, sample[1] == 0xFE { return .utf16(bigEndian: false) }
    if n >= 2, sample[0] == 0xFE, sample[1] == 0xFF { return .utf16(bigEndian: true) }
    if n >= 4, sample[0] != 0, sample[1] == 0, sample[2] != 0, sample[3] == 0 { return .utf16(bigEndian: false) }
    if n >= 4, sample[0] == 0, sample[1] != 0, sample[2] == 0, sample[3] != 0 { return .utf16(bigEndian: true) }
    if let nul = sample.firstIndex(of: 0) { return .binary(offset: nul) }
    let textStart = n >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF ? 3 : 0
    if let mark = byteOrderMark(in: sample, from: textStart) { return .repeatedByteOrderMark(offset: mark) }
    guard let bad = firstInvalidUTF8(sample, isWholeFile: isWholeFile) else { return nil }
    return isDoubleByteGBK(sample, from: bad, isWholeFile: isWholeFile) ? .gbk(offset: bad) : .notUTF8(offset: bad)
  }

  /// The offset of the first UTF-8 byte-order mark at or after `start`.
  static func byteOrderMark(in s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    while i + 2 < s.count {
      if s[i] == 0xEF, s[i + 1] == 0xBB, s[i + 2] == 0xBF { return i }
      i += 1
    }
    return nil
  }

  /// Reads the first `sampleSize` bytes of an open file and refuses a file in another
  /// encoding (UTF-16, GBK) or with a repeated byte-order mark. A stray invalid byte or NUL
  /// in UTF-8 text is left to the row that holds it, which is rejected with its column.
  ///
  /// - Throws: ``InputError`` naming `path` and the problem; a read error.
  static func check(fd: Int32, path: String, sampleSize: Int = 1 << 16) throws(InputError) {
    var info = stat()
    let sampleSize = fstat(fd, &info) == 0 ? min(sampleSize, Int(info.st_size) + 1) : sampleSize
    var sample = [UInt8](repeating: 0, count: sampleSize)
    var range = FileRange(fd: fd, path: path)
    var count = 0
    var isWholeFile = false
    while count < sampleSize {
      let n = try sample.withUnsafeMutableBufferPointer { buffer throws(InputError) in
        try range.fill(buffer.baseAddress! + count, sampleSize - count)
      }
      if n == 0 { isWholeFile = true; break }
      count += n
    }
    let found: Problem? = sample.withUnsafeBufferPointer { all in
      problem(in: UnsafeBufferPointer(rebasing: all[0..<count]), isWholeFile: isWholeFile)
    }
    switch found {
    case .utf16?, .gbk?, .repeatedByteOrderMark?: throw InputError(file: path, message: found!.description)
    case .notUTF8?, .binary?, nil: return
    }
  }

  /// The offset of the first byte that does not start a well-formed UTF-8 sequence
  /// (Unicode 15, Table 3-7), ignoring a sequence cut by the end of a partial sample.
  static func firstInvalidUTF8(_ s: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> Int? {
    var i = 0
    while i < s.count {
      switch UTF8Sequence.step(at: i, in: s) {
      case .valid(let length): i += length
      case .truncated: return isWholeFile ? i : nil
      case .invalid: return i
      }
    }
    return nil
  }

  /// Whether every non-ASCII byte from `start` on pairs up as a GBK double-byte character
  /// (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F), at least two of them — GB 18030's
  /// four-byte forms are rare in CSV text and count against; one stray pair is more likely a
  /// damaged byte of a UTF-8 file, which its row's reject reports.
  static func isDoubleByteGBK(_ s: UnsafeBufferPointer<UInt8>, from start: Int, isWholeFile: Bool) -> Bool {
    var i = start
    var pairs = 0
    while i < s.count {
      let b = s[i]
      if b < 0x80 { i += 1; continue }
      guard (0x81...0xFE).contains(b) else { return false }
      guard i + 1 < s.count else { return !isWholeFile }
      let t = s[i + 1]
      guard (0x40...0xFE).contains(t), t != 0x7F else { return false }
      pairs += 1
      i += 2
    }
    return pairs >= 2
  }
}
