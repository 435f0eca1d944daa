import CFuzzDriver
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// The scoring-methodology, pricing-grid and ratchet parsers on arbitrary bytes; a
/// methodology that validates is also used to score.
func fuzzMethodology(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let m = try? ScoringMethodology.decode(bytes, file: "fuzz") {
    _ = ESGScorer(methodology: m).score([
      ESGProfile(entityID: "A", year: 2024, sector: "C3011", values: ["carbon_grade": 2, "safety_incidents": 1]),
      ESGProfile(entityID: "B", year: 2024, sector: "C3011", values: ["carbon_grade": 5]),
    ])
  }
  _ = try? PricingGrid.decode(bytes, file: "fuzz", methodology: .bundled)
  if let r = try? MarginRatchet.decode(bytes, file: "fuzz") { _ = r.evaluate(year: 2025, observed: ["k": 1]) }
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMethodology(data, size) })
