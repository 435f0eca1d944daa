import Foundation
import Testing

@Suite("greenledger factors")
struct FactorsCLITests {
  let cli = CLITests()

  @Test func validateTheBundledAndTheRepositorySets() throws {
    let bundled = try cli.run(["factors", "validate"])
    #expect(bundled.status == 0, "\(bundled.stderr)")
    #expect(bundled.stdout.contains("bundled factor set: valid"))
    let disk = try cli.run(["factors", "validate", "--factors", "EmissionFactors"])
    #expect(disk.status == 0)
    // Same digest either way.
    let digest = { (s: String) in s.split(separator: "\n").first { $0.hasPrefix("factor-set digest") } }
    #expect(digest(bundled.stdout) == digest(disk.stdout))
  }

  @Test func lookupJSONCarriesValueUnitIdDatasetVersionAndTrace() throws {
    let r = try cli.run(["factors", "lookup", "--activity", "electricity.grid", "--region", "CN-ZJ",
                         "--date", "2022-06-30", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    // MEE/NBS 2022 provincial factor for Zhejiang: 0.5153 kgCO2/kWh.
    #expect(json["value"] as? Double == 0.5153)
    #expect(json["unit"] as? String == "kgCO2/kWh")
    #expect(json["factor_id"] as? String == "CN-MEE-ELEC-AVG-CN-ZJ-2022")
    #expect(json["dataset"] as? String == "cn-mee-nbs-electricity")
    #expect(json["version"] as? String == "2026.2")
    #expect((json["trace"] as? [String])?.first?.hasPrefix("matched:") == true)
  }

  @Test func lookupOfACombustionActivityDerivesTheFactor() throws {
    let r = try cli.run(["factors", "lookup", "--activity", "stationary.diesel", "--region", "CN",
                         "--date", "2024-05-01", "--format", "json"])
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let value = try #require(json["value"] as? Double)
    // GB/T 32151 diesel: 42.652 GJ/t × 20.2 tC/TJ × 10⁻³ × 0.98 × 44/12, computed here.
    #expect(abs(value - 42.652 * 20.2e-3 * 0.98 * 44 / 12) < 1e-12)
    #expect(json["unit"] as? String == "tCO2/t")
    #expect(json["formula"] as? String == "42.652 GJ/t × 20.2 tC/TJ × 0.98 × 44/12")
  }

  /// A look-up takes the proxy region `account` takes, and says so.
  @Test func lookupFollowsTheProxyRegionsAsAccountDoes() throws {
    // Freight of a Singapore entity: no SG factor; DESNZ 2024 HGV average laden 0.09752 kgCO2e/tkm.
    let freight = try cli.run(["factors", "lookup", "--activity", "freight.road", "--region", "SG",
                               "--date", "2024-06-30", "--quantity", "1000", "--unit", "tkm"])
    #expect(freight.status == 0, "\(freight.stderr)")
    #expect(freight.stdout.contains("proxy region GB: no factor for SG") && freight.stdout.contains("= 0.09752 tCO2e"))
    // 原煤 in Hong Kong: the MEE/GB/T 2589 default, 20.908 × 30.85 × 10⁻³ × 0.99 × 44/12 tCO2/t.
    let coal = try cli.run(["factors", "lookup", "--activity", "stationary.raw_coal", "--region", "HK",
                            "--date", "2024-06-30", "--format", "json"])
    let json = try JSONSerialization.jsonObject(with: Data(coal.stdout.utf8)) as! [String: Any]
    let value = try #require(json["value"] as? Double)
    let byHand: Double = 20.908 * 30.85e-3 * 0.99 * 44 / 12
    #expect(abs(value - byHand) < 1e-12)
    #expect((json["trace"] as? [String])?.first?.contains("proxy region CN") == true)
  }

  @Test func lookupFailuresAreInputErrors() throws {
    let r = try cli.run(["factors", "lookup", "--activity", "electricity.grid", "--region", "CN-ZJ",
                         "--date", "2024-06-30", "--pin", "cn-mee-nbs-electricity@2026.2"])
    #expect(r.status == 3)
    #expect(r.stderr.contains("a pinned look-up does not fall back"))
    #expect(try cli.run(["factors", "lookup", "--activity", "x.y", "--region", "CN", "--date", "2024-02-30"]).status == 2)
  }

  @Test func digestMismatchExitsWithThree() throws {
    let dir = try cli.temporaryDirectory()
    try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("EmissionFactors"),
                                     to: dir.appendingPathComponent("EF"))
    let csv = dir.appendingPathComponent("EF/cn-ets-grid/factors.csv")
    let text = try String(contentsOf: csv, encoding: .utf8).replacingOccurrences(of: ",0.5703,", with: ",0.5704,")
    try text.write(to: csv, atomically: true, encoding: .utf8)
    let r = try cli.run(["factors", "validate", "--factors", dir.appendingPathComponent("EF").path])
    #expect(r.status == 3)
    #expect(r.stderr.contains("cn-ets-grid: digest mismatch"))

    // The review step: diff shows the change, then sealing makes the set valid again.
    let diff = try cli.run(["factors", "diff", "EmissionFactors", dir.appendingPathComponent("EF").path])
    #expect(diff.status == 0)
    #expect(diff.stdout.contains("~ CN-ETS-GRID-2023-2025 value: 0.5703 → 0.5704 (+0.02%)"))
    #expect(try cli.run(["factors", "manifest", "--factors", dir.appendingPathComponent("EF").path]).status == 0)
    #expect(try cli.run(["factors", "validate", "--factors", dir.appendingPathComponent("EF").path]).status == 0)
  }

  @Test func listShowsEveryDataset() throws {
    let r = try cli.run(["factors", "list", "--format", "json"])
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let ids = (json["datasets"] as! [[String: Any]]).map { $0["id"] as! String }
    for id in ["cn-mee-nbs-electricity", "cn-ets-grid", "cn-gbt32151-fuels", "gwp", "epa-ghg-hub", "ipcc2006-combustion"] {
      #expect(ids.contains(id))
    }
    #expect((json["factor_set_digest"] as! String).hasPrefix("sha256:"))
  }
}
