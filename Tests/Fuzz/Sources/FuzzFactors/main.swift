import CFuzzDriver
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// The factor-table loader and validator with one table replaced by arbitrary bytes: it
/// loads or reports errors, never traps.
nonisolated(unsafe) let baseFiles: [String: [UInt8]] = {
  var files: [String: [UInt8]] = [:]
  let root = "EmissionFactors"
  for dataset in (try? FileSystem.contentsOfDirectory(root)) ?? [] where FileSystem.isDirectory(root + "/" + dataset) {
    for name in (try? FileSystem.contentsOfDirectory(root + "/" + dataset)) ?? [] {
      files[dataset + "/" + name] = try? FileSystem.contents(of: root + "/" + dataset + "/" + name)
    }
  }
  files["manifest.json"] = try? FileSystem.contents(of: root + "/manifest.json")
  return files
}()

let targets = ["cn-mee-nbs-electricity/factors.csv", "cn-gbt32151-fuels/fuels.csv", "gwp/gwp.csv",
               "cn-zj-carbon-efficiency/grades.csv", "sector-intensities/intensities.csv", "cn-mee-nbs-electricity/dataset.json"]

func fuzzFactors(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  guard size > 0, !baseFiles.isEmpty else { return 0 }
  // One dataset at a time (its dataset.json and the fuzzed table): fast enough for millions of runs.
  let target = targets[Int(data[0]) % targets.count]
  let dataset = String(target.split(separator: "/")[0])
  var files = baseFiles.filter { $0.key.hasPrefix(dataset + "/") }
  files[target] = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  if let set = try? FactorSet.load(from: .files(files), verifyingDigests: false) {
    _ = try? set.lookup("electricity.grid", in: "CN-ZJ", on: Day(year: 2023, month: 6, day: 1)!)
    _ = try? set.combustionFactor("diesel", in: "CN", on: Day(year: 2024, month: 1, day: 1)!)
  }
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzFactors(data, size) })
