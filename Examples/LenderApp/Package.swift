// swift-tools-version:6.1
import PackageDescription

// A bank's own program linking GreenLedger as a library (by path here; by Git URL in practice).
let package = Package(
  name: "LenderApp",
  dependencies: [.package(name: "GreenLedger", path: "../..")],
  targets: [
    .executableTarget(name: "LenderApp", dependencies: [.product(name: "GreenLedger", package: "GreenLedger")])
  ]
)
