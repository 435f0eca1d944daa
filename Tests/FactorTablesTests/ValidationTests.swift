import FactorTables
import Foundation
import Quantities
import Testing

@Suite("Factor-set verification and validation")
struct ValidationTests {
  @Test func bundledEqualsTheRepositoryTables() throws {
    // scripts/embed-factors must be rerun after every change to EmissionFactors/.
    let disk = try FactorSet.load(directory: repositoryFactors)
    #expect(disk.digest == bundled.digest)
    #expect(disk.manifest == bundled.manifest)
  }

  @Test func aValidMiniSetLoads() throws {
    let set = try FactorSet.load(from: .files(miniSet(factors: [row()])))
    #expect(set.emissionFactors.count == 1)
  }

  @Test func digestMismatch() throws {
    var files = miniSet(factors: [row()])
    files["t/factors.csv"] = Array((String(decoding: files["t/factors.csv"]!, as: UTF8.self)
      .replacingOccurrences(of: "0.5,", with: "0.6,")).utf8)
    let message = try #require(loadError(files))
    #expect(message.contains("t: digest mismatch: manifest has sha256:"))
    #expect(message.contains("the tables changed since the manifest was made"))
  }

  @Test func overlappingValidity() throws {
    let files = miniSet(factors: [row(id: "A", from: "2022-01-01", to: "2022-12-31"),
                                  row(id: "B", value: "0.6", from: "2022-12-31", to: "2023-12-31")])
    let message = try #require(loadError(files))
    #expect(message.contains("A and B: overlapping validity (2022-01-01..2022-12-31 and 2022-12-31..2023-12-31)"))
  }

  @Test func adjacentValidityIsFine() throws {
    let files = miniSet(factors: [row(id: "A", from: "2022-01-01", to: "2022-12-31"),
                                  row(id: "B", value: "0.6", from: "2023-01-01", to: "")])
    #expect(loadError(files) == nil)
  }

  @Test func unitTypo() throws {
    let message = try #require(loadError(miniSet(factors: [row(unit: "kgCO2/kwh")])))
    #expect(message.contains("t/factors.csv:2: unit: expected a factor unit <mass><gas>/<unit>"))
    #expect(message.contains("unknown activity unit \"kwh\""))
  }

  @Test func unitOfTheWrongDimension() throws {
    let message = try #require(loadError(miniSet(factors: [row(unit: "kgCO2/t")])))
    #expect(message.contains("F1: unit kgCO2/t is per mass, but electricity factors must be per energy"))
  }

  @Test func gasColumnMustMatchTheUnit() throws {
    let message = try #require(loadError(miniSet(factors: [row(gas: "CH4")])))
    #expect(message.contains("gas of unit kgCO2/kWh differs from the gas column CH4"))
  }

  @Test func negativeValue() throws {
    let message = try #require(loadError(miniSet(factors: [row(value: "-0.5")])))
    #expect(message.contains("F1: negative value -0.5; emission factors are ≥ 0"))
  }

  @Test func valueOutsideTheReviewRange() throws {
    // 581 kgCO2/kWh: a tCO2/MWh value typed with a per-kWh unit slip of ×1000.
    let message = try #require(loadError(miniSet(factors: [row(value: "581")])))
    #expect(message.contains("outside the review range for electricity CO2 factors"))
  }

  @Test func unknownActivityFamily() throws {
    let message = try #require(loadError(miniSet(factors: [row(activity: "rocket.fuel")])))
    #expect(message.contains("F1: unknown activity family in \"rocket.fuel\""))
  }

  @Test func duplicateIDs() throws {
    let message = try #require(loadError(miniSet(factors: [row(id: "X"), row(id: "X", region: "CN-ZJ")])))
    #expect(message.contains("factor_id: duplicate value \"X\""))
  }

  @Test func oxidationRateAsPercentIsCaught() throws {
    let fuel = "P1,diesel,42.652,GJ/t,20.2,tC/TJ,98,,,,,2024,Pub,Doc,2024,,note"
    let message = try #require(loadError(miniSet(factors: [row()], fuels: [fuel])))
    #expect(message.contains("P1: oxidation rate 98.0 must be in (0, 1] (98 % is 0.98)"))
  }

  @Test func missingManifest() throws {
    var files = miniSet(factors: [row()])
    files["manifest.json"] = nil
    #expect(try #require(loadError(files)).contains("manifest.json: missing"))
  }

  @Test func diffReportsRelativeChange() throws {
    let a = try FactorSet.load(from: .files(miniSet(factors: [row(id: "A"), row(id: "B", region: "CN-ZJ")])))
    let b = try FactorSet.load(from: .files(miniSet(factors: [row(id: "A", value: "0.55"), row(id: "C", region: "CN-JS")])))
    let diff = FactorSetDiff(old: a, new: b)
    #expect(diff.added == ["C"])
    #expect(diff.removed == ["B"])
    let change = try #require(diff.changed.first { $0.id == "A" && $0.field == "value" })
    #expect(change.old == "0.5" && change.new == "0.55")
    #expect(abs(change.relativeChange! - 0.1) < 1e-12)  // (0.55 − 0.5) / 0.5
  }

  @Test func diffTextListsEachRow() throws {
    let a = try FactorSet.load(from: .files(miniSet(factors: [row(id: "A"), row(id: "B", region: "CN-ZJ")])))
    let b = try FactorSet.load(from: .files(miniSet(factors: [row(id: "A", value: "0.55"), row(id: "C", region: "CN-JS")])))
    let text = FactorSetDiff(old: a, new: b).text(oldDigest: "sha256:a", newDigest: "sha256:b")
    let lines = text.split(separator: "\n").map(String.init)
    #expect(Array(lines.prefix(4)) == ["old sha256:a", "new sha256:b", "+ C", "- B"])
    #expect(lines.contains("~ A value: 0.5 → 0.55 (+10.0%)"))  // (0.55 − 0.5) / 0.5 = +10 %
    #expect(FactorSetDiff(old: a, new: a).text(oldDigest: "x", newDigest: "x") == "old x\nnew x\nno differences")
  }
}
