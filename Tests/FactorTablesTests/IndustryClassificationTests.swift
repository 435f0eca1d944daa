import Foundation
import Testing

@testable import FactorTables

@Suite struct IndustryClassificationTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/FactorTables/Standards").standardized

  /// The compiled-in tables are the repository's tables (run scripts/embed-standards after a change).
  @Test func bundledTablesAreTheRepositorysTables() throws {
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.directory.path) where !name.hasPrefix(".") {
      files[name] = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
    }
    #expect(files == BundledStandards.files)
  }

  /// GB/T 4754-2017 has 20 sections, A … T (section 4.1 of the standard: 门类 20 个).
  @Test func sectionsAreTheTwentyOfGBT4754() {
    #expect(IndustryClassification.sectionNames.keys.sorted() == "ABCDEFGHIJKLMNOPQRST".map(String.init))
    #expect(IndustryClassification.sectionNames["D"] == "电力、热力、燃气及水生产和供应业")
  }

  /// IPCC 2006 Vol. 2 Table 1.1: 1.A.1 covers electricity and heat, refining, solid fuels and
  /// the own use of coal mining and oil and gas extraction — not manufacturing.
  @Test func energyIndustriesAreCategory1A1() {
    #expect(IndustryClassification.isEnergyIndustry("D4411"))
    #expect(IndustryClassification.isEnergyIndustry("B0610"))
    #expect(IndustryClassification.isEnergyIndustry("B0711"))
    #expect(IndustryClassification.isEnergyIndustry("C2511"))
    #expect(!IndustryClassification.isEnergyIndustry("C3011"))
    #expect(!IndustryClassification.isEnergyIndustry("D4610"))  // water supply
  }
}
