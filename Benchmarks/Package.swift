// swift-tools-version:6.1
// Benchmarks live in their own package so the main build and `swift test` never pay for them.
import PackageDescription

let package = Package(
  name: "GreenLedgerBenchmarks",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "ParseBenchmark",
      dependencies: [.product(name: "GreenLedger", package: "main")]
    ),
  ]
)
