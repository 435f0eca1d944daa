// The units GreenLedger understands, with their aliases. Every constant here is a defining
// value of the unit (SI, the international yard and pound of 1959, the International Table
// Btu, GB/T 2589-2020's standard coal), not a measured one.

extension UnitOfMeasure {
  // MARK: Energy (base: joule)

  /// Joule, the base unit of energy.
  public static let joules = UnitOfMeasure("J", .energy, 1)
  /// Kilojoule, 1 000 J.
  public static let kilojoules = UnitOfMeasure("kJ", .energy, 1_000)
  /// Megajoule, 10^6 J.
  public static let megajoules = UnitOfMeasure("MJ", .energy, 1_000_000)
  /// Gigajoule, 10^9 J.
  public static let gigajoules = UnitOfMeasure("GJ", .energy, 1_000_000_000)
  /// Terajoule, 10^12 J.
  public static let terajoules = UnitOfMeasure("TJ", .energy, 1_000_000_000_000)
  /// Kilowatt-hour, exactly 3.6 MJ.
  public static let kilowattHours = UnitOfMeasure("kWh", .energy, 3_600_000)
  /// Megawatt-hour, 1 000 kWh.
  public static let megawattHours = UnitOfMeasure("MWh", .energy, 3_600_000_000)
  /// Gigawatt-hour, 10^6 kWh.
  public static let gigawattHours = UnitOfMeasure("GWh", .energy, 3_600_000_000_000)
  /// 10 000 kWh (万千瓦时), the unit of Chinese electricity statistics.
  public static let tenThousandKilowattHours = UnitOfMeasure("10^4 kWh", .energy, 36_000_000_000)
  /// 10^8 kWh (亿千瓦时), the unit of provincial and national electricity statistics.
  public static let hundredMillionKilowattHours = UnitOfMeasure("10^8 kWh", .energy, 360_000_000_000_000)
  /// Kilogram of standard coal equivalent: 29 307 kJ (GB/T 2589-2020 §3.8).
  public static let kilogramsCoalEquivalent = UnitOfMeasure("kgce", .energy, 29_307_000)
  /// Tonne of standard coal equivalent: 29.307 GJ (GB/T 2589-2020 §3.8).
  public static let tonnesCoalEquivalent = UnitOfMeasure("tce", .energy, 29_307_000_000)
  /// One million International Table British thermal units, 1 Btu = 1 055.055 852 62 J.
  public static let millionBtu = UnitOfMeasure("mmBtu", .energy, 105_505_585_262, 100)
  /// One US therm, 100 000 Btu (IT).
  public static let therms = UnitOfMeasure("therm", .energy, 105_505_585_262, 1_000)
  /// Kilocalorie (International Table), exactly 4 186.8 J.
  public static let kilocalories = UnitOfMeasure("kcal", .energy, 41_868, 10)
  /// 10 000 kcal (万大卡, 万千卡), the unit of Chinese heat-supply bills: 41.868 MJ.
  public static let tenThousandKilocalories = UnitOfMeasure("10^4 kcal", .energy, 41_868_000)
  /// Gigacalorie (International Table), 10^6 kcal (百万大卡, 吉卡): 4.1868 GJ.
  public static let gigacalories = UnitOfMeasure("Gcal", .energy, 4_186_800_000)
  /// 10 000 tonnes of standard coal equivalent (万吨标准煤).
  public static let tenThousandTonnesCoalEquivalent = UnitOfMeasure("10^4 tce", .energy, 293_070_000_000_000)

  // MARK: Mass (base: gram)

  /// Gram, the base unit of mass.
  public static let grams = UnitOfMeasure("g", .mass, 1)
  /// Kilogram, 1 000 g.
  public static let kilograms = UnitOfMeasure("kg", .mass, 1_000)
  /// Metric tonne, 1 000 kg.
  public static let tonnes = UnitOfMeasure("t", .mass, 1_000_000)
  /// Kilotonne, 1 000 t.
  public static let kilotonnes = UnitOfMeasure("kt", .mass, 1_000_000_000)
  /// Megatonne, 10^6 t.
  public static let megatonnes = UnitOfMeasure("Mt", .mass, 1_000_000_000_000)
  /// 10 000 tonnes (万吨).
  public static let tenThousandTonnes = UnitOfMeasure("10^4 t", .mass, 10_000_000_000)
  /// Pound (avoirdupois), exactly 453.592 37 g.
  public static let pounds = UnitOfMeasure("lb", .mass, 45_359_237, 100_000)
  /// US short ton, 2 000 lb = 907 184.74 g.
  public static let shortTons = UnitOfMeasure("short_ton", .mass, 90_718_474, 100)

  // MARK: Volume (base: litre)

  /// Millilitre, 0.001 L.
  public static let millilitres = UnitOfMeasure("mL", .volume, 1, 1_000)
  /// Litre, the base unit of volume.
  public static let litres = UnitOfMeasure("L", .volume, 1)
  /// Cubic metre, 1 000 L.
  public static let cubicMetres = UnitOfMeasure("m3", .volume, 1_000)
  /// 10 000 cubic metres (万立方米): how Chinese statistics write gas volumes whose reference
  /// state they leave unsaid.
  public static let tenThousandCubicMetres = UnitOfMeasure("10^4 m3", .volume, 10_000_000)
  /// 1 000 cubic metres (千立方米, 千方).
  public static let thousandCubicMetres = UnitOfMeasure("10^3 m3", .volume, 1_000_000)
  /// US liquid gallon, exactly 3.785 411 784 L.
  public static let usGallons = UnitOfMeasure("gal", .volume, 3_785_411_784, 1_000_000_000)
  /// US oil barrel, 42 US gallons.
  public static let barrels = UnitOfMeasure("bbl", .volume, 158_987_294_928, 1_000_000_000)

  // MARK: Gas volume at reference conditions

  /// Normal cubic metre (0 °C, 101.325 kPa).
  public static let normalCubicMetres = UnitOfMeasure("Nm3", .normalVolume, 1)
  /// 1 000 normal cubic metres (千标准立方米).
  public static let thousandNormalCubicMetres = UnitOfMeasure("10^3 Nm3", .normalVolume, 1_000)
  /// 10 000 normal cubic metres (万标准立方米), the unit of GB/T 32151 gas parameters.
  public static let tenThousandNormalCubicMetres = UnitOfMeasure("10^4 Nm3", .normalVolume, 10_000)
  /// Standard cubic foot (60 °F, 14.7 psia: 40 CFR 98.6).
  public static let standardCubicFeet = UnitOfMeasure("scf", .standardVolume, 1)
  /// 1 000 standard cubic feet (Mscf), the unit of US gas sales and the EPA hub's heat contents.
  public static let thousandStandardCubicFeet = UnitOfMeasure("Mscf", .standardVolume, 1_000)

  // MARK: Distance, transport work, area

  /// Metre, the base unit of distance.
  public static let metres = UnitOfMeasure("m", .distance, 1)
  /// Kilometre, 1 000 m.
  public static let kilometres = UnitOfMeasure("km", .distance, 1_000)
  /// Statute mile, exactly 1 609.344 m.
  public static let miles = UnitOfMeasure("mi", .distance, 1_609_344, 1_000)
  /// Tonne-kilometre, the unit of freight transport work.
  public static let tonneKilometres = UnitOfMeasure("tkm", .massDistance, 1)
  /// Passenger-kilometre, the unit of passenger transport work.
  public static let passengerKilometres = UnitOfMeasure("pkm", .passengerDistance, 1)
  /// US short ton-mile (EPA hub Table 8): 0.907 184 74 t × 1.609 344 km.
  public static let tonMiles = UnitOfMeasure("ton_mile", .massDistance, 90_718_474 * 1_609_344, 100_000_000_000_000)
  /// Passenger-mile (EPA hub Table 10): 1.609 344 pkm.
  public static let passengerMiles = UnitOfMeasure("passenger_mile", .passengerDistance, 1_609_344, 1_000_000)
  /// Square metre, the base unit of area.
  public static let squareMetres = UnitOfMeasure("m2", .area, 1)
  /// Hectare, 10 000 m².
  public static let hectares = UnitOfMeasure("ha", .area, 10_000)
  /// Square kilometre, 10^6 m².
  public static let squareKilometres = UnitOfMeasure("km2", .area, 1_000_000)

  // MARK: Count

  /// One item of a plain count.
  public static let count = UnitOfMeasure("count", .count, 1)

  // MARK: Money

  /// One unit of `currency`.
  public static func money(_ currency: Currency) -> UnitOfMeasure {
    UnitOfMeasure(currency.code, money: currency)
  }

  /// `scale` units of `currency` (for `10^4 CNY`, 万元 and the like).
  public static func money(_ currency: Currency, scale: Int64) -> UnitOfMeasure {
    UnitOfMeasure(scale == 1 ? currency.code : "10^\(decimalExponent(scale)) \(currency.code)",
                  money: currency, scale: scale)
  }

  private static func decimalExponent(_ scale: Int64) -> Int {
    var (s, e) = (scale, 0)
    while s >= 10, s % 10 == 0 { s /= 10; e += 1 }
    return s == 1 ? e : 0
  }

  /// Every non-money unit by each of its accepted spellings.
  static let catalogue: [String: UnitOfMeasure] = {
    let entries: [(UnitOfMeasure, [String])] = [
      (.joules, ["J"]), (.kilojoules, ["kJ"]), (.megajoules, ["MJ", "兆焦"]),
      (.gigajoules, ["GJ", "吉焦", "百万千焦"]), (.terajoules, ["TJ"]),
      (.kilowattHours, ["kWh", "千瓦时", "度", "kW·h", "kW h", "kW.h", "kilowatt-hour", "kilowatt-hours", "kilowatt hours"]),
      (.megawattHours, ["MWh", "兆瓦时", "MW·h", "megawatt-hours"]),
      (.gigawattHours, ["GWh"]),
      (.tenThousandKilowattHours, ["10^4 kWh", "10^4kWh", "万kWh", "万千瓦时", "万度"]),
      (.hundredMillionKilowattHours, ["10^8 kWh", "亿kWh", "亿千瓦时", "亿度"]),
      (.gigacalories, ["Gcal", "百万大卡", "百万千卡", "吉卡"]),
      (.kilogramsCoalEquivalent, ["kgce", "千克标准煤", "千克标煤", "公斤标煤", "kg标煤"]),
      (.tonnesCoalEquivalent, ["tce", "吨标准煤", "吨标煤", "t标煤"]),
      (.tenThousandTonnesCoalEquivalent, ["10^4 tce", "10^4tce", "万tce", "万吨标准煤", "万吨标煤"]),
      (.millionBtu, ["mmBtu", "MMBtu"]), (.therms, ["therm", "therms"]),
      (.kilocalories, ["kcal", "千卡", "大卡"]),
      (.tenThousandKilocalories, ["10^4 kcal", "10^4kcal", "万kcal", "万千卡", "万大卡"]),
      (.grams, ["g", "克"]), (.kilograms, ["kg", "千克", "公斤"]), (.tonnes, ["t", "吨", "tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"]),
      (.kilotonnes, ["kt", "千吨"]), (.megatonnes, ["Mt"]),
      (.tenThousandTonnes, ["10^4 t", "10^4t", "万t", "万吨"]),
      (.pounds, ["lb", "lbs", "pound", "pounds"]), (.shortTons, ["short_ton", "short ton", "short_tons", "short tons"]),
      (.millilitres, ["mL", "ml"]), (.litres, ["L", "l", "升", "litre", "litres", "liter", "liters"]),
      (.cubicMetres, ["m3", "m³", "m^3", "立方米", "立方", "方", "kL", "千升", "cubic metres", "cubic meters"]),
      (.thousandCubicMetres, ["10^3 m3", "千立方米", "千方"]),
      (.usGallons, ["gal", "gallon", "gallons", "US gal", "US gallon", "US gallons"]),
      (.barrels, ["bbl", "barrel", "barrels"]),
      (.normalCubicMetres, ["Nm3", "Nm³", "Nm^3", "标准立方米", "标立方米", "标方"]),
      (.thousandNormalCubicMetres, ["10^3 Nm3", "千Nm3", "千标准立方米", "千标立方米", "千标方"]),
      (.tenThousandNormalCubicMetres,
       ["10^4 Nm3", "10^4Nm3", "10^4 Nm³", "万Nm3", "万Nm³", "万标准立方米", "万标方"]),
      (.tenThousandCubicMetres, ["10^4 m3", "10^4m3", "10^4 m³", "万m3", "万m³", "万立方米", "万方"]),
      (.standardCubicFeet, ["scf"]), (.thousandStandardCubicFeet, ["Mscf", "MCF"]),
      (.metres, ["m", "米"]), (.kilometres, ["km", "千米", "公里"]), (.miles, ["mi", "mile"]),
      (.tonneKilometres, ["tkm", "t·km", "t.km", "t-km", "tonne-km", "吨公里", "吨·公里", "吨千米"]),
      (.tonMiles, ["ton_mile", "ton-mile", "ton-miles", "short ton-mile"]),
      (.passengerMiles, ["passenger_mile", "passenger-mile", "passenger-miles", "pmi"]),
      (.passengerKilometres, ["pkm", "p·km", "passenger.km", "passenger-km", "人公里", "人·公里", "人千米"]),
      (.squareMetres, ["m2", "m²", "平方米"]), (.hectares, ["ha", "公顷"]),
      (.squareKilometres, ["km2", "km²"]),
      (.count, ["count", "1", "unit", "units", "pcs", "个", "台", "辆", "room_night", "room-night", "room night", "night", "间夜"]),
    ]
    var map: [String: UnitOfMeasure] = [:]
    for (unit, spellings) in entries {
      for spelling in spellings {
        precondition(map.updateValue(unit, forKey: spelling) == nil, "duplicate unit \(spelling)")
      }
    }
    return map
  }()

  /// The catalogue by letter-case-folded spelling, for units people type as `kwh`, `KWh` or
  /// `NM3`. A folded spelling two units share is left out (exact case decides those), and so
  /// are the units whose case people use for other units: `Mt` (megatonne) folds to `mt`,
  /// which most people write for the metric tonne.
  static let caseFolded: [String: UnitOfMeasure] = {
    var folded: [String: UnitOfMeasure?] = [:]
    for (spelling, unit) in catalogue where unit != .megatonnes {
      let key = spelling.lowercased()
      if let existing = folded[key], existing != unit { folded[key] = .some(nil) } else { folded[key] = unit }
    }
    return folded.compactMapValues { $0 }
  }()

  /// Chinese money words and their scale in yuan (元 = CNY).
  static let chineseMoney: [String: Int64] = [
    "元": 1, "人民币元": 1, "人民币": 1, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000,
  ]

  /// Chinese names of other currencies (ISO 4217 by the names the PBoC's rate notices use).
  static let currencyNames: [String: String] = [
    "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP",
    "新加坡元": "SGD", "澳门元": "MOP",
  ]

  /// Spellings that name more than one unit: refused with what to write instead.
  static let ambiguous: [String: String] = [
    "ton": "t (metric tonne) or short_ton", "tons": "t (metric tonne) or short_ton",
    "mt": "t (metric tonne) or Mt (megatonne)", "标煤": "tce or kgce",
  ]

  /// "did you mean kWh?", or what to write for an ambiguous spelling; `nil` when nothing is near.
  static func hint(for text: String) -> String? {
    if let meant = ambiguous[text.lowercased()] { return "ambiguous: write \(meant)" }
    return nearestSpelling(to: text).map { "did you mean \($0)?" }
  }

  /// Parses a unit symbol: any spelling in the catalogue (`kWh`, `千瓦时`, `万kWh`,
  /// `10^4 Nm3`, `吨`, …), an ISO 4217 currency code (`CNY`), a scaled currency
  /// (`10^4 CNY`, `10^6 USD`) or a Chinese money word (`元`, `万元`, `亿元`).
  ///
  /// An exact spelling wins; otherwise letter case is ignored where that names one unit only
  /// (`kwh`, `KWH` → kWh; `mwh` → MWh, as no milliwatt-hour is catalogued). `Mt` (megatonne)
  /// is matched exactly only, as `MT` usually means the metric tonne.
  ///
  /// - Parameters:
  ///   - text: the symbol as written.
  ///   - ignoringCase: `false` for reviewed data (factor tables), spelt exactly.
  /// - Throws: ``QuantityError`` for an unknown unit.
  public init(parsing text: String, ignoringCase: Bool = true) throws(QuantityError) {
    if let unit = Self.catalogue[text] { self = unit; return }
    if ignoringCase, let unit = Self.caseFolded[text.lowercased()] { self = unit; return }
    if let scale = Self.chineseMoney[text] { self = .money(.cny, scale: scale); return }
    if let code = Self.currencyNames[text], let currency = Currency(code) { self = .money(currency); return }
    if let currency = Currency(text) { self = .money(currency); return }
    // "10^k XXX": a power-of-ten multiple of a currency.
    if text.hasPrefix("10^"), let space = text.firstIndex(of: " ") {
      let exponentText = text[text.index(text.startIndex, offsetBy: 3)..<space]
      let codeText = text[text.index(after: space)...]
      if let exponent = Int(exponentText), (0...15).contains(exponent),
         let currency = Currency(codeText) {
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        self = .money(currency, scale: scale)
        return
      }
    }
    throw QuantityError(.unknownUnit(text))
  }

  /// The catalogued spelling nearest to `text` (at most two edits of its UTF-8 bytes, letter
  /// case ignored), for "did you mean" hints; `nil` when none is that close.
  static func nearestSpelling(to text: String) -> String? {
    let wanted = Array(text.lowercased().utf8)
    guard !wanted.isEmpty, wanted.count < 24 else { return nil }
    var best: (spelling: String, distance: Int)?
    for spelling in catalogue.keys.sorted() {
      let d = EditDistance.between(wanted, spelling.lowercased().utf8)
      // On a tie the unit's own symbol wins over an alias (kWh before "kW h").
      let isSymbol = catalogue[spelling]?.symbol == spelling
      if d <= 2, d < wanted.count, best == nil || d < best!.distance
        || (d == best!.distance && isSymbol && catalogue[best!.spelling]?.symbol != best!.spelling)
      {
        best = (spelling, d)
      }
    }
    return best?.spelling
  }
}
