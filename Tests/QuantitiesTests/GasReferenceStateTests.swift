import Quantities
import Testing

@Suite("Gas volumes at reference states")
struct GasReferenceStateTests {
  /// 1 Nm³ (273.15 K, 101 325 Pa) in scf (60 °F = 288.706 K, 14.7 psia = 101 352.93 Pa), by hand:
  /// 35.314 667 ft³/m³ (1 ft = 0.3048 m) × 288.706/273.15 × 101 325/101 352.93 = 37.3155 scf.
  @Test func normalCubicMetreInStandardCubicFeet() throws {
    let scf = try Quantity(1, .normalCubicMetres).gasVolume(in: .standardCubicFeet)
    #expect(abs(scf - 37.3155) < 0.0001)
    let back = try Quantity(scf, .standardCubicFeet).gasVolume(in: .tenThousandNormalCubicMetres)
    #expect(abs(back - 1e-4) < 1e-15)
  }

  @Test func actualVolumesHaveNoReferenceState() {
    #expect(throws: QuantityError.self) { try Quantity(1, .cubicMetres).gasVolume(in: .standardCubicFeet) }
    #expect(throws: QuantityError.self) { try Quantity(1, .normalCubicMetres).gasVolume(in: .tonnes) }
    #expect(GasReferenceState.of(.volume) == nil)
  }
}
