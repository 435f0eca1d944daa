#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// What makes CSV outputs open correctly in Excel on Chinese Windows, where a UTF-8 file
/// without a byte-order mark is read in the ANSI code page (GBK) and its Chinese text turns to
/// garbage: the UTF-8 byte-order mark (EF BB BF) in front (`--excel`).
///
/// GreenLedger's own readers accept the mark, so marked outputs can still be read back.
public enum SpreadsheetCompatibility {
  /// Puts the UTF-8 byte-order mark in front of every `.csv` file directly in `directory`
  /// that lacks one, each replaced atomically (a temporary file renamed into place).
  ///
  /// - Returns: the names of the files marked.
  /// - Throws: ``InputError`` when a file cannot be read or written.
  @discardableResult
  public static func addByteOrderMarks(inCSVFilesOf directory: String) throws(InputError) -> [String] {
    var marked: [String] = []
    for name in try FileSystem.contentsOfDirectory(directory) where name.hasSuffix(".csv") {
      let path = directory + "/" + name
      if !FileSystem.isDirectory(path), try addByteOrderMark(toFile: path) { marked.append(name) }
    }
    return marked
  }

  /// Puts the UTF-8 byte-order mark in front of the file at `path` unless it has one.
  ///
  /// - Returns: whether the file was changed.
  /// - Throws: ``InputError`` when the file cannot be read or written.
  @discardableResult
  public static func addByteOrderMark(toFile path: String) throws(InputError) -> Bool {
    let bytes = try FileSystem.contents(of: path)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
    let writer = try CSVWriter(path: path, header: [], byteOrderMark: true)
    bytes.withUnsafeBufferPointer { writer.writeBytes($0) }
    try writer.close()
    return true
  }
}
