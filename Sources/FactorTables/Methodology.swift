/// Which standard's method computes combustion emissions.
///
/// The factor set's `region_methods` table gives each region its own (``FactorSet/method(for:)``):
/// GB/T 32151 in China, the EPA hub in the US, DESNZ in the UK, IPCC 2006 elsewhere.
public enum Methodology: String, Hashable, Sendable, CaseIterable {
  /// Chinese national method (GB/T 32150-2015, GB/T 32151 series and the MEE/NDRC industry
  /// guidelines): CO2 = AD × NCV × CC × OF × 44/12 with the Chinese default parameters; CO2
  /// only for combustion.
  case chinaGBT = "cn-gbt"
  /// GHG Protocol Corporate Standard with IPCC 2006 Tier 1 defaults: CO2 from NCV × CC × OF
  /// (the region's defaults, IPCC 2006 Vol.2 Tables 1.2–1.4 outside China) plus CH4 and N2O
  /// per energy (Vol.2 Tables 2.2–2.3, 3.2.1–3.2.2), converted with the GWP set.
  case ghgProtocol = "ghg-protocol"
  /// US EPA GHG Emission Factors Hub: CO2, CH4 and N2O per physical unit or mmBtu, as the EPA
  /// Simplified GHG Emissions Calculator computes them.
  case epa = "epa"
  /// UK DESNZ greenhouse-gas conversion factors: kg CO2e per litre, cubic metre or tonne of
  /// fuel (AR5 GWPs, as DESNZ publishes them).
  case desnz = "desnz"

  /// The factor series prefix of a per-unit method (`epa.hub`, `desnz.`), `nil` for the
  /// parameter methods.
  public var perUnitSeriesPrefix: String? {
    switch self {
    case .epa: "epa.hub"
    case .desnz: "desnz."
    case .chinaGBT, .ghgProtocol: nil
    }
  }

  /// What outputs record as the methodology when each entity takes its region's method.
  public static let byRegion = "by-region"

  /// The method of a CO2 line computed from parameters (`GB/T 32151 NCV×CC×OF×44/12`).
  public var parameterLineName: String {
    switch self {
    case .chinaGBT: "GB/T 32151 NCV×CC×OF×44/12"
    case .ghgProtocol: "IPCC 2006 Tier 1 (GHG Protocol) NCV×CC×OF×44/12"
    case .epa: "EPA GHG Emission Factors Hub NCV×CC×OF×44/12"
    case .desnz: "DESNZ conversion factors NCV×CC×OF×44/12"
    }
  }

  /// A short name for lines and messages.
  public var title: String {
    switch self {
    case .chinaGBT: "GB/T 32151"
    case .ghgProtocol: "IPCC 2006 Tier 1 (GHG Protocol)"
    case .epa: "EPA GHG Emission Factors Hub"
    case .desnz: "DESNZ conversion factors"
    }
  }
}
