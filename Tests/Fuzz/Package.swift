// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for GreenLedger's parsers: code instrumented with sanitizer coverage and
// address sanitizer, driven by libFuzzer's LLVMFuzzerRunDriver. Build and run with Tests/Fuzz/run.
let package = Package(
  name: "GreenLedgerFuzz",
  dependencies: [.package(name: "GreenLedger", path: "../..")],
  targets: [.target(name: "CFuzzDriver")] + ["FuzzCSV", "FuzzUnits", "FuzzFactors", "FuzzMethodology", "FuzzLineEnds", "FuzzEncoding"].map { name in
    .executableTarget(name: name, dependencies: ["CFuzzDriver", .product(name: "GreenLedger", package: "GreenLedger")])
  }
)
