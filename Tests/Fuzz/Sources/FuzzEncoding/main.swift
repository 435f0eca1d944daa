import CFuzzDriver
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// The encoding check against the standard library's UTF-8 validation: a sample it finds
/// well formed is valid UTF-8 (String(validating:)), and valid UTF-8 without NUL bytes, a
/// UTF-16 pattern or a second byte-order mark is never refused; nothing traps.
func fuzzEncoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let problem = TextEncodingCheck.problem(in: bytes, isWholeFile: true)
  let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
  if problem == nil, !isUTF8 {
    FileSystem.printError("accepted as UTF-8 but not valid UTF-8")
    abort()
  }
  if isUTF8, !bytes.contains(0), let problem {
    switch problem {
    case .repeatedByteOrderMark: break
    default:
      FileSystem.printError("valid UTF-8 refused: \(problem)")
      abort()
    }
  }
  _ = TextEncodingCheck.problem(in: bytes, isWholeFile: false)
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzEncoding(data, size) })
