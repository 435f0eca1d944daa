import LoanBook
import Accounting
import FactorTables
import Quantities
import Testing

/// One activity row as a Chinese (or foreign) enterprise reports it, and the tCO2e a person
/// computes by hand from the cited factor.
struct CoverageCase: CustomTestStringConvertible, Sendable {
  let activity: String
  let quantity: Double
  let unit: String
  var country = "CN"
  var region: String? = "CN-ZJ"
  var year = 2023
  /// tCO2e in the scopes (scope 1 + scope 2 location-based + scope 3), by hand.
  let expected: Double
  var testDescription: String { "\(activity) \(DecimalFormat.shortest(quantity)) \(unit) in \(region ?? country) \(year)" }
}

/// GB/T 32151 default parameters (EmissionFactors/cn-gbt32151-fuels, 表C.1): tCO2 = AD × NCV ×
/// CC × 10⁻³ × OF × 44/12.
func gbt(_ t: Double, _ ncv: Double, _ cc: Double, _ of: Double) -> Double { t * ncv * cc / 1_000 * of * 44 / 12 }

/// IPCC 2006 Vol.2 Tier 1 (GHG Protocol): CO2 = AD × NCV × CC × 44/12 (oxidation 1), CH4 and N2O
/// per TJ of Table 2.3 (manufacturing) weighted with AR6 GWPs (CH4 27.9, N2O 273).
func ipcc(_ t: Double, _ ncv: Double, _ cc: Double, ch4: Double, n2o: Double) -> Double {
  let tj = t * ncv / 1_000
  return tj * cc * 44 / 12 + tj * (ch4 * 27.9 + n2o * 273) / 1_000
}

/// Standard cubic feet (60 °F = 288.705 K, 14.7 psia) of `nm3` normal cubic metres (273.15 K,
/// 101 325 Pa): V₂ = V₁ × T₂/T₁ × p₁/p₂, with 1 ft = 0.3048 m and 1 psi = 6 894.757 Pa (NIST SP 811).
func usScf(fromNormal nm3: Double) -> Double {
  let kelvin = (60 + 459.67) * 5 / 9, pascals = 14.7 * 6_894.757_293_168
  return nm3 * (kelvin / 273.15) * (101_325 / pascals) / (0.3048 * 0.3048 * 0.3048)
}

// AR6 GWP-100 (IPCC AR6 WG1 Ch.7 Table 7.SM.7 / 7.15).
let gwpSF6 = 25_200.0, gwp134a = 1_530.0, gwp32 = 771.0, gwp125 = 3_740.0, gwp143a = 5_810.0
let gwpN2O = 273.0

/// Every activity type of the vocabulary in the units Chinese statistics and reports use,
/// with default options (each entity under its region's own method).
@Suite("Activity coverage: 60+ activity types by hand")
struct ActivityCoverageTests {
  static let cases: [CoverageCase] = [
    // Stationary combustion, GB/T 32151 表C.1 (NCV GJ/t, CC tC/TJ, OF).
    .init(activity: "stationary.anthracite", quantity: 100, unit: "t", expected: gbt(100, 26.7, 27.4, 0.94)),
    .init(activity: "stationary.bituminous_coal", quantity: 100, unit: "吨", expected: gbt(100, 19.570, 26.1, 0.93)),
    .init(activity: "stationary.lignite", quantity: 100, unit: "t", expected: gbt(100, 11.9, 28.0, 0.96)),
    .init(activity: "stationary.washed_coal", quantity: 100, unit: "t", expected: gbt(100, 26.334, 25.41, 0.90)),
    .init(activity: "stationary.other_washed_coal", quantity: 100, unit: "t", expected: gbt(100, 12.545, 25.41, 0.90)),
    .init(activity: "stationary.briquette", quantity: 100, unit: "t", expected: gbt(100, 17.460, 33.6, 0.90)),
    .init(activity: "stationary.coke", quantity: 100, unit: "t", expected: gbt(100, 28.435, 29.5, 0.93)),
    .init(activity: "stationary.petroleum_coke", quantity: 100, unit: "t", expected: gbt(100, 32.5, 27.5, 0.98)),
    .init(activity: "stationary.crude_oil", quantity: 100, unit: "t", expected: gbt(100, 41.816, 20.1, 0.98)),
    .init(activity: "stationary.fuel_oil", quantity: 100, unit: "t", expected: gbt(100, 41.816, 21.1, 0.98)),
    .init(activity: "stationary.gasoline", quantity: 10, unit: "t", expected: gbt(10, 43.070, 18.9, 0.98)),
    .init(activity: "stationary.diesel", quantity: 10, unit: "吨", expected: gbt(10, 42.652, 20.2, 0.98)),
    .init(activity: "stationary.kerosene", quantity: 10, unit: "t", expected: gbt(10, 43.070, 19.6, 0.98)),
    .init(activity: "stationary.naphtha", quantity: 10, unit: "t", expected: gbt(10, 44.5, 20.0, 0.98)),
    .init(activity: "stationary.lng", quantity: 10, unit: "t", expected: gbt(10, 51.498, 15.3, 0.98)),
    .init(activity: "stationary.lpg", quantity: 10, unit: "t", expected: gbt(10, 50.179, 17.2, 0.98)),
    .init(activity: "stationary.coal_tar", quantity: 10, unit: "t", expected: gbt(10, 33.453, 22.0, 0.98)),
    .init(activity: "stationary.refinery_gas", quantity: 10, unit: "t", expected: gbt(10, 45.998, 18.2, 0.99)),
    // Gases per 10⁴ Nm³; 万立方米 of statistics taken as 10⁴ Nm³ (the line says so).
    .init(activity: "stationary.natural_gas", quantity: 10, unit: "万Nm3", expected: gbt(10, 389.31, 15.3, 0.99)),
    .init(activity: "stationary.natural_gas", quantity: 100_000, unit: "立方米", expected: gbt(10, 389.31, 15.3, 0.99)),
    .init(activity: "stationary.coke_oven_gas", quantity: 10, unit: "10^4 Nm3", expected: gbt(10, 179.81, 13.58, 0.99)),
    .init(activity: "stationary.blast_furnace_gas", quantity: 10, unit: "万标方", expected: gbt(10, 33.00, 70.80, 0.99)),
    .init(activity: "stationary.converter_gas", quantity: 10, unit: "10^4 Nm3", expected: gbt(10, 84.00, 49.60, 0.99)),
    .init(activity: "stationary.other_gas", quantity: 10, unit: "10^4 Nm3", expected: gbt(10, 52.270, 12.2, 0.99)),
    // 原煤: GB/T 2589-2020 NCV 20.908 GJ/t; MEE power guideline (2022) 0.03085 tC/GJ, OF 99 %.
    .init(activity: "stationary.raw_coal", quantity: 1_000, unit: "t", expected: gbt(1_000, 20.908, 30.85, 0.99)),
    .init(activity: "mobile.diesel", quantity: 5, unit: "t", expected: gbt(5, 42.652, 20.2, 0.98)),
    .init(activity: "mobile.gasoline", quantity: 5, unit: "t", expected: gbt(5, 43.070, 18.9, 0.98)),
    .init(activity: "mobile.lng", quantity: 5, unit: "t", expected: gbt(5, 51.498, 15.3, 0.98)),
    .init(activity: "mobile.lpg", quantity: 5, unit: "t", expected: gbt(5, 50.179, 17.2, 0.98)),
    // Litres through the default densities: diesel 839.5 and gasoline 745.2 kg/m³ (Statistics
    // Canada 57-601-X), LPG 0.53 kg/L (CBS).
    .init(activity: "mobile.diesel", quantity: 10_000, unit: "L", expected: gbt(8.395, 42.652, 20.2, 0.98)),
    .init(activity: "mobile.gasoline", quantity: 10_000, unit: "升", expected: gbt(7.452, 43.070, 18.9, 0.98)),
    .init(activity: "stationary.lpg", quantity: 10_000, unit: "L", expected: gbt(5.3, 50.179, 17.2, 0.98)),
    // Grid electricity, MEE/NBS 2023 (公告2025年第47号): 浙江 0.4974; national 0.5306 (Tibet has
    // no value of its own); 2021 (公告2024年第12号): 四川 0.1255 kgCO2/kWh.
    .init(activity: "electricity.grid", quantity: 100_000, unit: "kWh", expected: 100_000 * 0.4974 / 1_000),
    .init(activity: "electricity.grid", quantity: 10, unit: "万度", expected: 100_000 * 0.4974 / 1_000),
    .init(activity: "electricity.grid", quantity: 500, unit: "MWh", region: "CN-SC", year: 2021, expected: 500 * 0.1255),
    .init(activity: "electricity.grid", quantity: 100_000, unit: "千瓦时", region: "CN-XZ", expected: 100_000 * 0.5306 / 1_000),
    // Outside mainland China: UBA 2023 386 g/kWh; eGRID2022 (Summary Tables, Table 1) U.S. 823.1 lb
    // CO2, 0.066 lb CH4, 0.009 lb N2O per MWh (1 lb = 0.45359237 kg);
    // DESNZ 2024 0.20705 kgCO2e/kWh; Ember 2023 world 480 g/kWh as the GLOBAL fallback (Hong Kong).
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "DE", region: nil, expected: 1_000 * 0.386),
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "US", region: nil, year: 2022,
          expected: 1_000 * (823.1 + 0.066 * 27.9 + 0.009 * 273) * 0.45359237 / 1_000),
    // A Californian facility on its eGRID subregion: CAMX 497.4 lb CO2, 0.030 lb CH4, 0.004 lb N2O per MWh.
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "US", region: "US-EGRID-CAMX", year: 2022,
          expected: 1_000 * (497.4 + 0.030 * 27.9 + 0.004 * 273) * 0.45359237 / 1_000),
    // Singapore (EMA GEF) 2023 0.4120 and 2024 0.402 kgCO2/kWh; Japan FY2024 (April 2024 to March
    // 2025) national average 0.000423 tCO2/kWh (MOE/METI, 令和8年提出用).
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "SG", region: nil, year: 2023,
          expected: 1_000 * 0.4120),
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "SG", region: nil, year: 2024,
          expected: 1_000 * 0.402),
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "JP", region: nil, year: 2025,
          expected: 1_000_000 * 0.000423),
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "GB", region: nil, year: 2024,
          expected: 1_000 * 0.20705),
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "HK", region: nil, expected: 1_000 * 0.480),
    // Singapore 2022: EMA Singapore Energy Statistics 2023, grid emission factor 0.4168 kgCO2/kWh.
    .init(activity: "electricity.grid", quantity: 1_000, unit: "MWh", country: "SG", region: nil, year: 2022,
          expected: 1_000 * 0.4168),
    // Purchased heat, NDRC guideline default 0.11 tCO2/GJ; 1 万大卡 = 41.868 MJ; 1 MWh = 3.6 GJ.
    .init(activity: "heat.purchased", quantity: 1_000, unit: "GJ", expected: 110),
    .init(activity: "heat.purchased", quantity: 1_000, unit: "万大卡", expected: 1_000 * 0.041868 * 0.11),
    .init(activity: "heat.purchased", quantity: 100, unit: "MWh", expected: 360 * 0.11),
    // Fugitive: mass × AR6 GWP; blends by ASHRAE 34 mass fractions.
    .init(activity: "fugitive.sf6", quantity: 10, unit: "kg", expected: 0.010 * gwpSF6),
    .init(activity: "fugitive.hfc134a", quantity: 100, unit: "kg", expected: 0.1 * gwp134a),
    .init(activity: "fugitive.r134a", quantity: 100, unit: "kg", expected: 0.1 * gwp134a),
    .init(activity: "fugitive.r32", quantity: 100, unit: "kg", expected: 0.1 * gwp32),
    .init(activity: "fugitive.r410a", quantity: 100, unit: "kg", expected: 0.1 * (0.5 * gwp32 + 0.5 * gwp125)),
    .init(activity: "fugitive.r407c", quantity: 100, unit: "kg", expected: 0.1 * (0.23 * gwp32 + 0.25 * gwp125 + 0.52 * gwp134a)),
    .init(activity: "fugitive.r404a", quantity: 100, unit: "kg", expected: 0.1 * (0.44 * gwp125 + 0.52 * gwp143a + 0.04 * gwp134a)),
    .init(activity: "fugitive.r507a", quantity: 100, unit: "kg", expected: 0.1 * (0.5 * gwp125 + 0.5 * gwp143a)),
    .init(activity: "fugitive.nf3", quantity: 1, unit: "kg", expected: 0.001 * 17_400),
    .init(activity: "fugitive.cf4", quantity: 1, unit: "kg", expected: 0.001 * 7_380),
    // R-22 (HCFC-22): a Montreal-Protocol gas, on its line but outside every total.
    .init(activity: "fugitive.r22", quantity: 100, unit: "kg", expected: 0),
    // Process, IPCC 2006 Vol.3: clinker 0.52 tCO2/t (Eq. 2.4), lime 0.75 / hydraulic 0.59
    // (Table 2.4), nitric acid 9 kg N2O/t (high pressure, Table 3.3), adipic acid 300 kg N2O/t
    // (Table 3.4), prebake anode 1.6 tCO2/t Al (Table 4.10), CWPB PFCs 0.4 kg CF4 + 0.04 kg C2F6
    // per t Al (Table 4.15; AR6 CF4 7 380, C2F6 12 400); MEE steel guideline electrodes 3.663 tCO2/t.
    .init(activity: "process.clinker", quantity: 1_000, unit: "t", expected: 520),
    .init(activity: "process.lime", quantity: 1_000, unit: "吨", expected: 750),
    .init(activity: "process.lime_hydraulic", quantity: 1_000, unit: "t", expected: 590),
    .init(activity: "process.nitric_acid_high_pressure", quantity: 1_000, unit: "t", expected: 9 * gwpN2O),
    .init(activity: "process.nitric_acid_nscr", quantity: 1_000, unit: "t", expected: 2 * gwpN2O),
    .init(activity: "process.adipic_acid", quantity: 100, unit: "t", expected: 30 * gwpN2O),
    .init(activity: "process.aluminium_prebake", quantity: 1_000, unit: "t", expected: 1_600),
    .init(activity: "process.aluminium_soderberg", quantity: 1_000, unit: "t", expected: 1_700),
    .init(activity: "process.aluminium_pfc_cwpb", quantity: 1_000, unit: "t", expected: 0.4 * 7_380 + 0.04 * 12_400),
    .init(activity: "process.electrode", quantity: 10, unit: "t", expected: 36.63),
    .init(activity: "process.nitric_acid_medium_pressure", quantity: 1_000, unit: "t", expected: 7 * gwpN2O),
    // VSS cells: 0.8 kg CF4 + 0.04 kg C2F6 per t Al (Table 4.15).
    .init(activity: "process.aluminium_pfc_vss", quantity: 1_000, unit: "t", expected: 0.8 * 7_380 + 0.04 * 12_400),
    // Carbonates calcined (flux, glass batch, ceramics): a Chinese entity by the NDRC steel guideline
    // (2013, 附录二: limestone 0.440, dolomite 0.471 tCO2/t); elsewhere, and for the carbonates that
    // guideline lacks, IPCC 2006 Vol.3 Table 2.1 (calcite 0.43971, magnesite 0.52197, siderite
    // 0.37987, rhodochrosite 0.38286, soda ash 0.41492 tCO2/t).
    .init(activity: "process.limestone", quantity: 1_000, unit: "t", expected: 440),
    .init(activity: "process.dolomite", quantity: 1_000, unit: "吨", expected: 471),
    .init(activity: "process.limestone", quantity: 1_000, unit: "t", country: "DE", region: nil, expected: 439.71),
    .init(activity: "process.magnesite", quantity: 100, unit: "t", expected: 52.197),
    .init(activity: "process.siderite", quantity: 100, unit: "t", expected: 37.987),
    .init(activity: "process.rhodochrosite", quantity: 100, unit: "t", expected: 38.286),
    .init(activity: "process.soda_ash", quantity: 100, unit: "t", expected: 41.492),
    // Scope 3. Spend: CNY ÷ Fed G.5A average CNY/USD × BEA deflator 2022/year × US EPA v1.3 with
    // margins (steel 0.787, cement 3.924, electronics 0.058, aluminium 1.018 kg per 2022 USD).
    .init(activity: "spend.steel", quantity: 1_000_000, unit: "CNY", expected: 1_000_000 / 7.0809 * 118.026 / 122.273 * 0.787 / 1_000),
    .init(activity: "spend.cement", quantity: 100, unit: "万元", expected: 1_000_000 / 7.0809 * 118.026 / 122.273 * 3.924 / 1_000),
    .init(activity: "spend.electronics", quantity: 1_000_000, unit: "CNY", year: 2022, expected: 1_000_000 / 6.7290 * 0.058 / 1_000),
    // Chemicals 1.184 (NAICS 325199), paper 0.649 (NAICS 322121) kg per 2022 USD with margins.
    .init(activity: "spend.chemicals", quantity: 1_000_000, unit: "CNY", expected: 1_000_000 / 7.0809 * 118.026 / 122.273 * 1.184 / 1_000),
    .init(activity: "spend.paper", quantity: 1_000_000, unit: "CNY", expected: 1_000_000 / 7.0809 * 118.026 / 122.273 * 0.649 / 1_000),
    // 2024: the 2023 rate (no 2024 average in the set), BEA 2024 deflator 125.230.
    .init(activity: "spend.aluminium", quantity: 1_000_000, unit: "元", year: 2024, expected: 1_000_000 / 7.0809 * 118.026 / 125.230 * 1.018 / 1_000),
    // Freight, travel, waste: DESNZ 2024 as the proxy (HGV 0.09752 /tkm, container ship 0.01612 /tkm,
    // short-haul average with RF 0.18592 /pkm, C&I landfill 520.3342 kg/t).
    .init(activity: "freight.road", quantity: 1_000_000, unit: "tkm", year: 2024, expected: 97.52),
    .init(activity: "freight.sea", quantity: 1_000_000, unit: "吨公里", year: 2024, expected: 16.12),
    .init(activity: "travel.air", quantity: 100_000, unit: "pkm", year: 2024, expected: 18.592),
    .init(activity: "waste.landfill", quantity: 10, unit: "吨", year: 2024, expected: 5.203342),
    // United States (EPA hub 2024): bituminous coal 2 325 kg CO2 + 274 g CH4 + 40 g N2O per short ton;
    // mobile diesel 10.21 kg CO2 per gallon.
    .init(activity: "stationary.bituminous_coal", quantity: 100, unit: "short_ton", country: "US", region: nil, year: 2024,
          expected: 100 * (2_325 + 0.274 * 27.9 + 0.040 * 273) / 1_000),
    .init(activity: "mobile.diesel", quantity: 1_000, unit: "gal", country: "US", region: nil, year: 2024, expected: 10.21),
    // EPA hub 2024 Table 1 biomass: the CO2 is biogenic (outside the scopes), CH4 and N2O count in
    // scope 1 — wood 126 g CH4 + 63 g N2O per short ton, landfill gas 0.001552 g CH4 + 0.000306 g
    // N2O per scf.
    .init(activity: "stationary.wood", quantity: 100, unit: "short_ton", country: "US", region: nil, year: 2024,
          expected: 100 * (0.126 * 27.9 + 0.063 * 273) / 1_000),
    .init(activity: "stationary.landfill_gas", quantity: 1_000_000, unit: "scf", country: "US", region: nil, year: 2024,
          expected: 1_000_000 * (0.001552 * 27.9 + 0.000306 * 273) / 1_000_000),
    // A US entity's scope 3 under the EPA hub 2024: Table 8 truck 0.168 kg CO2, 0.0015 g CH4, 0.0047 g
    // N2O and aircraft 0.905 kg CO2, 0 g CH4, 0.0279 g N2O per short ton-mile (1 ton-mile =
    // 0.90718474 t × 1.609344 km); Table 10 medium-haul flight 0.129 kg, 0.0006 g, 0.0041 g per
    // passenger-mile; Table 9 mixed MSW landfilled 0.58 tCO2e per short ton.
    .init(activity: "freight.road", quantity: 1_000, unit: "ton-mile", country: "US", region: nil, year: 2024,
          expected: 1_000 * (0.168 + (0.0015 * 27.9 + 0.0047 * 273) / 1_000) / 1_000),
    .init(activity: "freight.air", quantity: 1_000, unit: "tkm", country: "US", region: nil, year: 2024,
          expected: 1_000 / (0.90718474 * 1.609344) * (0.905 + 0.0279 * 273 / 1_000) / 1_000),
    .init(activity: "travel.air", quantity: 1_000, unit: "passenger-mile", country: "US", region: nil, year: 2024,
          expected: 1_000 * (0.129 + (0.0006 * 27.9 + 0.0041 * 273) / 1_000) / 1_000),
    .init(activity: "waste.landfill", quantity: 10, unit: "short_ton", country: "US", region: nil, year: 2024, expected: 5.8),
    // DESNZ 2024: hotel stay in China 53.5 kgCO2e per room-night (business travel, category 6);
    // UK water supply 0.15311 and treatment 0.18574 kgCO2e/m3 (categories 1 and 5); T&D losses
    // of UK electricity 0.01830 kgCO2e/kWh (category 3).
    .init(activity: "travel.hotel", quantity: 10, unit: "间夜", year: 2024, expected: 10 * 53.5 / 1_000),
    .init(activity: "water.supply", quantity: 1_000, unit: "m3", country: "GB", region: nil, year: 2024, expected: 0.15311),
    .init(activity: "water.treatment", quantity: 1_000, unit: "立方米", country: "GB", region: nil, year: 2024, expected: 0.18574),
    .init(activity: "electricity.td_losses", quantity: 1_000, unit: "MWh", country: "GB", region: nil, year: 2024, expected: 18.30),
    // United Kingdom (DESNZ 2024): diesel, average biofuel blend, 2.51279 kg CO2e per litre.
    .init(activity: "mobile.diesel", quantity: 1_000, unit: "L", country: "GB", region: nil, year: 2024, expected: 2.51279),
    // Hong Kong (IPCC 2006 Tier 1, Table 2.3 CH4/N2O): diesel 43.0 GJ/t × 20.2 tC/TJ, 3 / 0.6 kg/TJ;
    // coke oven coke 28.2 × 29.2, 10 / 1.5 kg/TJ; crude oil 42.3 × 20.0, 3 / 0.6 kg/TJ.
    .init(activity: "stationary.diesel", quantity: 10, unit: "t", country: "HK", region: nil, expected: ipcc(10, 43.0, 20.2, ch4: 3, n2o: 0.6)),
    .init(activity: "stationary.coke", quantity: 10, unit: "t", country: "HK", region: nil, expected: ipcc(10, 28.2, 29.2, ch4: 10, n2o: 1.5)),
    .init(activity: "stationary.crude_oil", quantity: 10, unit: "t", country: "SG", region: nil, expected: ipcc(10, 42.3, 20.0, ch4: 3, n2o: 0.6)),
    // Sub-bituminous coal 18.9 GJ/t × 26.2 tC/TJ: IPCC gives no CH4/N2O row in this set, so the
    // line states them left out and the CO2 stands.
    .init(activity: "stationary.sub_bituminous_coal", quantity: 10, unit: "t", country: "JP", region: nil,
          expected: ipcc(10, 18.9, 26.2, ch4: 0, n2o: 0)),
    // What IPCC 2006 cannot compute outside China takes the Chinese defaults (region_proxies):
    // 原煤 and 洗精煤 have no IPCC class, gases per Nm³ no IPCC NCV per volume. CH4 and N2O stay
    // IPCC's (natural gas, Table 2.3: 1 kg CH4 and 0.1 kg N2O per TJ).
    .init(activity: "stationary.raw_coal", quantity: 1_000, unit: "t", country: "HK", region: nil,
          expected: gbt(1_000, 20.908, 30.85, 0.99)),
    .init(activity: "stationary.washed_coal", quantity: 100, unit: "t", country: "SG", region: nil,
          expected: gbt(100, 26.334, 25.41, 0.90)),
    .init(activity: "stationary.coke_oven_gas", quantity: 10, unit: "10^4 Nm3", country: "HK", region: nil,
          expected: gbt(10, 179.81, 13.58, 0.99)),
    .init(activity: "stationary.natural_gas", quantity: 10, unit: "万Nm3", country: "DE", region: nil,
          expected: gbt(10, 389.31, 15.3, 0.99) + 3.8931 * (1 * 27.9 + 0.1 * 273) / 1_000),
    // A US entity's Nm³ (0 °C, 101.325 kPa) restated as the EPA's scf (60 °F, 14.7 psia: 40 CFR
    // 98.6) by the ideal-gas law, then EPA hub 2024 Table 1 natural gas per scf: 0.05444 kg CO2,
    // 0.00103 g CH4, 0.0001 g N2O.
    .init(activity: "stationary.natural_gas", quantity: 100_000, unit: "Nm3", country: "US", region: nil, year: 2024,
          expected: usScf(fromNormal: 100_000) * (0.05444 + (0.00103 * 27.9 + 0.0001 * 273) / 1_000) / 1_000),
  ]

  @Test("each activity type computes the hand-computed value", arguments: cases)
  func activity(_ c: CoverageCase) throws {
    let e = Enterprise(id: EntityID("E1"), sector: "C3011", country: c.country, region: c.region, currency: .cny)
    var a = accounting([e], method: nil)
    let lines = try a.add(record("E1", .year(c.year)!, c.activity, c.quantity, c.unit))
    let inScopes = lines.filter { $0.scope != .outside && $0.scope2Method != .market }.reduce(0) { $0 + $1.tonnesCO2e }
    #expect(close(inScopes, c.expected, 1e-9), "\(lines.map(\.formula))")
    #expect(lines.allSatisfy { !$0.factorID.isEmpty })
  }

  @Test("at least 60 activity types are covered")
  func breadth() {
    #expect(Set(Self.cases.map(\.activity)).count >= 60)
  }

  @Test("lines state the assumptions and fallbacks they rest on")
  func linesSayWhatWasAssumed() throws {
    let cn = Enterprise(id: EntityID("E1"), sector: "C3011", country: "CN", region: "CN-ZJ", currency: .cny)
    let hk = Enterprise(id: EntityID("H1"), sector: "C3011", country: "HK", region: nil, currency: Currency("HKD")!)
    let us = Enterprise(id: EntityID("U1"), sector: "C3011", country: "US", region: nil, currency: Currency("USD")!)
    var a = accounting([cn, hk, us], method: nil)
    func first(_ entity: String, _ activity: String, _ q: Double, _ unit: String, year: Int = 2023) throws -> EmissionLine {
      try a.add(record(entity, .year(year)!, activity, q, unit))[0]
    }
    // AR6 GWP of HCFC-22 1 960, reported outside the scopes.
    let r22 = try first("E1", "fugitive.r22", 100, "kg")
    #expect(r22.scope == .outside && close(r22.tonnesCO2e, 0.1 * 1_960) && r22.gas == "HCFC-22")
    #expect(try first("E1", "stationary.natural_gas", 1_000, "m3").method.contains("taken as normal cubic metres"))
    #expect(try first("H1", "electricity.grid", 10, "MWh").method.contains("GLOBAL fallback: no factor for HK"))
    #expect(try first("E1", "freight.road", 1_000, "tkm", year: 2024).method.contains("proxy region GB"))
    #expect(try first("E1", "spend.steel", 1_000, "CNY").method.contains("estimate"))
    #expect(try first("H1", "stationary.sub_bituminous_coal", 1, "t").method.contains("CH4 and N2O left out"))
    // The US entity's fuel is under the EPA hub; raw coal has no EPA or IPCC default: the
    // Chinese default stands in, and the line says both steps.
    #expect(try first("U1", "stationary.bituminous_coal", 1, "short_ton", year: 2024).method == "EPA GHG Emission Factors Hub")
    let rawCoal = try first("U1", "stationary.raw_coal", 1, "t", year: 2024).method
    #expect(rawCoal.contains("has no factor here") && rawCoal.contains("proxy region CN"))
    #expect(try first("U1", "stationary.natural_gas", 1_000, "Nm3", year: 2024).method.contains("restated as scf"))
    #expect(try first("U1", "mobile.diesel", 100, "gal", year: 2024).method.contains("CH4 and N2O left out"))
    // A proxy does not rescue what no method can compute: gas in kWh has no NCV basis anywhere.
    #expect(throws: AccountingError.self) { try a.add(record("H1", .year(2024)!, "stationary.natural_gas", 1, "kWh")) }
    // A half year reads as a period of its own (2024-H1, January to June).
    let h1 = try a.add(record("E1", .half(1, of: 2024)!, "electricity.grid", 1_000, "kwh"))[0]
    #expect(h1.period.description == "2024-H1")
  }
}
