import CFuzzDriver
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// The unit parser and conversions on arbitrary text: a unit parses or throws, conversions
/// across dimensions throw, nothing traps.
func fuzzUnits(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let parts = text.split(separator: "\n", maxSplits: 1).map(String.init)
  guard let a = try? UnitOfMeasure(parsing: parts.first ?? "") else { return 0 }
  if parts.count == 2, let b = try? UnitOfMeasure(parsing: parts[1]) {
    _ = try? a.conversionFactor(to: b)
    _ = try? Quantity(1.5, a).value(in: b)
  }
  _ = try? FactorUnit(parsing: text)
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzUnits(data, size) })
