/// Activity keys as people write them, read as the vocabulary's keys: `Electricity.Grid` is
/// `electricity.grid`, `fugitive.R-410A` is `fugitive.r410a`, `stationary.Raw Coal` is
/// `stationary.raw_coal`, and a fuel may be named as the standards that define it name it
/// (`stationary.柴油`, `stationary.Distillate Fuel Oil No. 2`, `mobile.petrol` are
/// `….diesel`, `….diesel`, `mobile.gasoline`).
///
/// Rules, in order: blanks around the key are dropped; letters are lowercased; the family
/// (before the first `.`) must be one of ``DataContract/activityFamilies``; in the name, runs
/// of blanks, `-`, `/`, `(`, `)`, `#` and `%` become one `_` (none at either end), and a fugitive
/// gas loses every `_` (`r_410a` is `r410a`, as its ASHRAE number is written without one);
/// finally a fuel name of ``fuelNames`` (read with `.` as a blank: `No. 2`) is replaced by its key.
public enum ActivityKeySpelling {
  /// The vocabulary key that `text` spells, or `nil` when it spells none (no known family, or
  /// characters outside `a`–`z`, `0`–`9`, `_` and `.` remain in the name).
  public static func canonical(_ text: String) -> String? {
    let trimmed = text.trimmingBlanks
    guard let dot = trimmed.firstIndex(of: ".") else { return nil }
    let family = trimmed[..<dot].lowercased()
    guard DataContract.activityFamilies.contains(family) else { return nil }
    let written = trimmed[trimmed.index(after: dot)...].lowercased()
    let name: String
    if family == "stationary" || family == "mobile",
       let fuel = fuelNames[separated(String(written.map { $0 == "." ? " " : $0 }))]
    {
      name = fuel
    } else {
      name = family == "fugitive" ? separated(written).filter { $0 != "_" } : separated(written)
    }
    guard !name.isEmpty, name.utf8.allSatisfy(isKeyByte) else { return nil }
    return family + "." + name
  }

  /// Fuel names of the standards behind the factor tables, each with the vocabulary's fuel key:
  /// GB/T 32151.1-2015 Table B.1 and GB/T 2589-2020 (Chinese names), the 2006 IPCC Guidelines
  /// Vol. 2 Table 1.2 and the EPA GHG Emission Factors Hub 2024 Table 1 (English names, written
  /// in the separated form of the rules above), and DESNZ 2024's Fuels sheet (`petrol`,
  /// `burning_oil`).
  public static let fuelNames: [String: String] = [
    // GB/T 32151.1-2015 表B.1 / GB/T 2589-2020 附录A
    "原煤": "raw_coal", "无烟煤": "anthracite", "烟煤": "bituminous_coal", "褐煤": "lignite",
    "洗精煤": "washed_coal", "其他洗煤": "other_washed_coal", "型煤": "briquette", "焦炭": "coke",
    "石油焦": "petroleum_coke", "原油": "crude_oil", "燃料油": "fuel_oil", "汽油": "gasoline",
    "柴油": "diesel", "煤油": "kerosene", "一般煤油": "kerosene", "航空煤油": "jet_kerosene",
    "石脑油": "naphtha", "液化天然气": "lng", "液化石油气": "lpg", "炼厂干气": "refinery_gas",
    "天然气": "natural_gas", "焦炉煤气": "coke_oven_gas", "高炉煤气": "blast_furnace_gas",
    "转炉煤气": "converter_gas", "其他煤气": "other_gas", "煤焦油": "coal_tar",
    "木材": "wood", "木炭": "charcoal", "填埋气": "landfill_gas",
    // 2006 IPCC Guidelines Vol. 2 Ch. 1 Table 1.2
    "motor_gasoline": "gasoline", "gas_diesel_oil": "diesel", "gas_oil": "diesel",
    "other_kerosene": "kerosene", "residual_fuel_oil": "fuel_oil",
    "liquefied_petroleum_gases": "lpg", "liquefied_petroleum_gas": "lpg",
    "liquefied_natural_gas": "lng", "coke_oven_coke": "coke", "other_bituminous_coal": "bituminous_coal",
    "sub_bituminous": "sub_bituminous_coal", "oxygen_steel_furnace_gas": "converter_gas",
    "wood_wood_waste": "wood",
    // EPA GHG Emission Factors Hub 2024, Table 1 (stationary) and Tables 2–5 (mobile)
    "distillate_fuel_oil_no_2": "diesel", "distillate_fuel_oil": "diesel", "diesel_fuel": "diesel",
    "distillate_fuel_oil_2": "diesel", "fuel_oil_no_2": "diesel", "no_2_fuel_oil": "diesel", "fuel_oil_2": "diesel",
    "residual_fuel_oil_no_6": "fuel_oil", "residual_fuel_oil_6": "fuel_oil", "fuel_oil_no_6": "fuel_oil",
    "no_6_fuel_oil": "fuel_oil", "fuel_oil_6": "fuel_oil", "heavy_fuel_oil": "fuel_oil", "coal_coke": "coke", "bituminous": "bituminous_coal",
    "kerosene_type_jet_fuel": "jet_kerosene", "jet_fuel": "jet_kerosene",
    "liquefied_petroleum_gases_lpg": "lpg", "liquefied_natural_gas_lng": "lng",
    "compressed_natural_gas_cng": "natural_gas", "compressed_natural_gas": "natural_gas", "cng": "natural_gas",
    "wood_and_wood_residuals": "wood", "other_biomass_gases": "other_biogas",
    "rendered_animal_fat": "animal_fat", "biodiesel_100": "biodiesel", "ethanol_100": "ethanol",
    // DESNZ 2024 Fuels sheet
    "petrol": "gasoline", "burning_oil": "kerosene",
  ]

  /// The names of ``fuelNames`` that look like vocabulary names (`petrol`, `gas_oil`), which a
  /// byte check alone would let through unchanged.
  package static let vocabularyLookingFuelNames = WordList(
    fuelNames.keys.filter { $0.utf8.allSatisfy(isKeyByte) }.sorted().map { Array($0.utf8) })

  /// `name` with each run of separators made one `_`, none at either end.
  static func separated(_ name: String) -> String {
    var out = ""
    var pendingSeparator = false
    for c in name {
      if c == " " || c == "-" || c == "_" || c == "/" || c == "(" || c == ")" || c == "%" || c == "#"
        || c == "\u{3000}" || c == "（" || c == "）" {
        pendingSeparator = !out.isEmpty
      } else {
        if pendingSeparator { out.append("_") }
        pendingSeparator = false
        out.append(c)
      }
    }
    return out
  }

  private static func isKeyByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2E
  }
}
