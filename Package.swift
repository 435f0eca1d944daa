// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "GreenLedger",
  products: [
    .library(name: "GreenLedger", targets: ["GreenLedger"]),
    .executable(name: "greenledger", targets: ["greenledger"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // libcsv (Debian: libcsv-dev) as a system library.
    .systemLibrary(
      name: "CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    // OpenSSL's libcrypto (Debian: libssl-dev) for SM3 and SHA-256 digests of outputs.
    .systemLibrary(
      name: "CLibCrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    .target(name: "Quantities"),
    .target(name: "Integrity", dependencies: ["CLibCrypto", "Tabular"]),
    .target(name: "Tabular", dependencies: ["CLibCSV", "Quantities"]),
    .target(
      name: "FactorTables",
      dependencies: ["Quantities", "Tabular", .product(name: "Crypto", package: "swift-crypto")],
      exclude: ["Standards"]
    ),
    .target(name: "LoanBook", dependencies: ["Quantities", "Tabular"]),
    .target(name: "Accounting", dependencies: ["Quantities", "Tabular", "FactorTables", "LoanBook"]),
    .target(name: "ESGScoring", dependencies: ["Quantities", "Tabular"]),
    .target(name: "Tagging", dependencies: ["Quantities", "Tabular", "FactorTables", "LoanBook"], exclude: ["Catalogues"]),
    .target(name: "FinancedEmissions", dependencies: ["Quantities", "Tabular", "FactorTables", "LoanBook"]),
    // Whole jobs over files: the partitioned passes, shards and their merge, the pipeline and the report.
    .target(
      name: "BatchJobs",
      dependencies: ["Quantities", "Tabular", "FactorTables", "LoanBook", "Accounting", "ESGScoring", "Tagging", "FinancedEmissions",
                     "Integrity"],
      exclude: ["DisclosureTemplates"]
    ),
    .target(
      name: "GreenLedger",
      dependencies: ["Quantities", "Tabular", "FactorTables", "LoanBook", "Accounting", "ESGScoring", "Tagging", "FinancedEmissions",
                     "Integrity", "BatchJobs"]
    ),
    .executableTarget(
      name: "greenledger",
      dependencies: [
        "GreenLedger",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "QuantitiesTests",
      dependencies: [
        "Quantities",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "TabularTests",
      dependencies: [
        "Tabular", "Quantities",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "LoanBookTests", dependencies: ["LoanBook", "Quantities", "Tabular"]),
    .testTarget(name: "FactorTablesTests", dependencies: ["FactorTables", "Tabular", "Quantities"]),
    .testTarget(name: "AccountingTests", dependencies: ["LoanBook", "Accounting", "FactorTables", "Quantities", "Tabular"]),
    .testTarget(
      name: "ESGScoringTests",
      dependencies: ["ESGScoring", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(name: "IntegrityTests", dependencies: ["Integrity"]),
    .testTarget(name: "TaggingTests", dependencies: ["LoanBook", "Tagging", "FactorTables", "Quantities", "Tabular"], exclude: ["Fixtures"]),
    .testTarget(name: "FinancedEmissionsTests", dependencies: ["LoanBook", "FinancedEmissions", "FactorTables", "Quantities", "Tabular"]),
    .testTarget(name: "BatchJobsTests", dependencies: ["LoanBook", "BatchJobs", "Accounting", "FactorTables", "FinancedEmissions", "Tabular", "Tagging", "Quantities"]),
    .testTarget(name: "GreenLedgerCLITests", dependencies: ["greenledger"]),
  ]
)

for target in package.targets where target.type != .system {
  target.swiftSettings = (target.swiftSettings ?? []) + [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
  ]
}
