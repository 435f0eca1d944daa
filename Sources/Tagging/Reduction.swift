import LoanBook
public import FactorTables
public import Quantities

/// Annual carbon reduction (环境效益) of green projects, after 《绿色信贷项目节能减排量测算指引》
/// (CBRC, 2013): the project's annual reduction, and the bank's share by loan balance /
/// total project investment.
///
/// - Renewable generation: annual generation (MWh) × the MEE/NBS average grid factor of the
///   project's province (falling back to its grid region, then national) for the reporting
///   year: the power it displaces.
/// - Energy saving: tce saved × 29.307 GJ/tce (GB/T 2589-2020) × the CO2 factor of
///   bituminous coal from GB/T 32151 defaults (carbon content × oxidation rate × 44/12): the
///   coal it displaces; standard coal saved is the tce itself.
/// - Vehicles: km × (baseline − actual gCO2/km), only when a baseline is configured (no cited
///   baseline is bundled).
public struct ReductionCalculator: Sendable {
  /// The factor set the grid factors and fuel parameters come from.
  public let factors: FactorSet
  /// The day whose factors apply.
  public let reportingDay: Day
  /// gCO2/km of the vehicle a new-energy vehicle replaces; `nil`: vehicle reductions are not
  /// reported.
  public let vehicleBaselineGCO2PerKm: Double?

  /// A calculator over `factors` on `reportingDay`, with an optional vehicle baseline.
  public init(factors: FactorSet, reportingDay: Day, vehicleBaselineGCO2PerKm: Double? = nil) {
    self.factors = factors
    self.reportingDay = reportingDay
    self.vehicleBaselineGCO2PerKm = vehicleBaselineGCO2PerKm
  }

  /// tCO2 per tce of displaced coal, with its derivation, or `nil` if the factor set lacks
  /// the parameters.
  public var coalFactor: (tonnesPerTCE: Double, formula: String)? {
    guard let p = try? factors.fuelParameters("bituminous_coal", in: "CN", on: reportingDay) else { return nil }
    let (cc, of) = (p.carbonContent, p.oxidationRate)
    let gjPerTCE = UnitOfMeasure.kilogramsCoalEquivalent.sizeInBaseUnit * 1_000 / 1e9  // 29.307 GJ
    let t = gjPerTCE / 1_000 * cc * of * 44 / 12
    return (t, "\(DecimalFormat.shortest(gjPerTCE)) GJ/tce × \(DecimalFormat.shortest(cc)) tC/TJ × \(DecimalFormat.shortest(of)) × 44/12")
  }

  func fill(_ tag: inout GreenTag, rule: TagRule, loan: LoanFacts) {
    var reduction: Double?
    switch rule.reduction {
    case "renewable_generation":
      guard let mwh = loan.annualGenerationMWh else {
        tag.missingEvidence.append("annual_generation_mwh (for the reduction)")
        return
      }
      let region = loan.projectRegion ?? "CN"
      guard let f = try? factors.lookup("electricity.grid", in: region, on: reportingDay).primary,
            let perMWh = try? UnitOfMeasure.megawattHours.conversionFactor(to: f.unit.perUnit) else {
        tag.missingEvidence.append("a grid factor for \(region)")
        return
      }
      let t = mwh * perMWh * f.unit.tonnes(of: f.value)
      reduction = t
      tag.evidence.append("reduction: \(DecimalFormat.shortest(mwh)) MWh × \(DecimalFormat.shortest(f.value)) \(f.unit) (\(f.id)) = \(DecimalFormat.fixed(t, places: 3)) tCO2/yr")
    case "energy_saving":
      guard let tce = loan.annualEnergySavingTCE else {
        tag.missingEvidence.append("annual_energy_saving_tce (for the reduction)")
        return
      }
      guard let (k, formula) = coalFactor else { return }
      reduction = tce * k
      tag.standardCoalSavedTCE = tce
      tag.evidence.append("reduction: \(DecimalFormat.shortest(tce)) tce × \(formula) = \(DecimalFormat.fixed(tce * k, places: 3)) tCO2/yr")
    case "vehicle":
      guard let base = vehicleBaselineGCO2PerKm, let km = loan.annualKm, let g = loan.vehicleGCO2PerKm else { return }
      let t = km * max(base - g, 0) / 1_000_000
      reduction = t
      tag.evidence.append("reduction: \(DecimalFormat.shortest(km)) km × (\(DecimalFormat.shortest(base)) − \(DecimalFormat.shortest(g))) gCO2/km = \(DecimalFormat.fixed(t, places: 3)) tCO2/yr")
    default:
      return
    }
    guard let reduction else { return }
    tag.annualReduction = reduction
    if let v = loan.projectValue, v > 0 {
      tag.attributedReduction = reduction * min(loan.outstanding / v, 1)
    }
  }
}
