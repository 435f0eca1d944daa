import PropertyBased
import Quantities
import Testing

@Suite("Units of measure")
struct UnitOfMeasureTests {
  // Defining values: SI (1 kWh = 3.6 MJ; prefixes), GB/T 2589-2020 §3.8 (1 kgce = 29 307 kJ),
  // the International Table Btu (1 Btu = 1 055.055 852 62 J), the international pound of 1959
  // (0.453 592 37 kg) and the US gallon (231 in³ = 3.785 411 784 L).
  @Test("defined conversion constants are exact", arguments: [
    (1.0, UnitOfMeasure.kilowattHours, UnitOfMeasure.megajoules, 3.6),
    (1.0, .megawattHours, .gigajoules, 3.6),
    (1.0, .terajoules, .gigajoules, 1_000),
    (1.0, .tonnesCoalEquivalent, .gigajoules, 29.307),
    (1.0, .kilogramsCoalEquivalent, .kilojoules, 29_307),
    (1.0, .millionBtu, .megajoules, 1_055.055_852_62),
    (1.0, .shortTons, .kilograms, 907.184_74),
    (1.0, .usGallons, .litres, 3.785_411_784),
    (1.0, .tenThousandKilowattHours, .kilowattHours, 10_000),
    (1.0, .tenThousandNormalCubicMetres, .normalCubicMetres, 10_000),
    (2_500.0, .kilograms, .tonnes, 2.5),
    (1.0, .miles, .kilometres, 1.609_344),
  ])
  func definedConstants(value: Double, from: UnitOfMeasure, to: UnitOfMeasure, expected: Double) throws {
    #expect(try Quantity(value, from).value(in: to) == expected)
  }

  @Test("Chinese and alternative spellings parse to the same unit", arguments: [
    ("吨", UnitOfMeasure.tonnes), ("千瓦时", .kilowattHours), ("度", .kilowattHours),
    ("万kWh", .tenThousandKilowattHours), ("万千瓦时", .tenThousandKilowattHours),
    ("10^4 kWh", .tenThousandKilowattHours), ("万Nm3", .tenThousandNormalCubicMetres),
    ("10^4 Nm3", .tenThousandNormalCubicMetres), ("Nm³", .normalCubicMetres),
    ("MMBtu", .millionBtu), ("公斤", .kilograms), ("tkm", .tonneKilometres),
    ("pkm", .passengerKilometres), ("m2", .squareMetres), ("tce", .tonnesCoalEquivalent),
    // The words people write in reports and spreadsheets.
    ("tonnes", .tonnes), ("metric ton", .tonnes), ("litres", .litres), ("liters", .litres),
    ("kL", .cubicMetres), ("千升", .cubicMetres), ("m^3", .cubicMetres), ("立方", .cubicMetres),
    ("千立方米", .thousandCubicMetres), ("千标立方米", .thousandNormalCubicMetres), ("标立方米", .normalCubicMetres),
    ("kW·h", .kilowattHours), ("亿千瓦时", .hundredMillionKilowattHours), ("百万千焦", .gigajoules),
    ("百万大卡", .gigacalories), ("Gcal", .gigacalories), ("gallons", .usGallons), ("barrel", .barrels),
    ("lbs", .pounds), ("short tons", .shortTons), ("Mscf", .thousandStandardCubicFeet),
    ("吨·公里", .tonneKilometres), ("人·公里", .passengerKilometres),
  ])
  func aliases(text: String, unit: UnitOfMeasure) throws {
    #expect(try UnitOfMeasure(parsing: text) == unit)
  }

  @Test func moneyUnitsCarryTheirCurrency() throws {
    let wan = try UnitOfMeasure(parsing: "万元")
    #expect(wan.currency == .cny)
    #expect(try Quantity(3, wan).value(in: .money(.cny)) == 30_000)
    #expect(try Quantity(2, UnitOfMeasure(parsing: "10^6 USD")).value(in: .money(.usd)) == 2_000_000)
    #expect(try UnitOfMeasure(parsing: "10^4 CNY") == wan)
  }

  @Test func definedMultiplesConvertExactly() throws {
    // 1 Gcal = 10^6 kcal (IT) = 4.1868 GJ; 1 亿千瓦时 = 10^8 kWh = 10^5 MWh; 1 Mscf = 1 000 scf.
    #expect(try Quantity(1, .gigacalories).value(in: .megajoules) == 4_186.8)
    #expect(try Quantity(1, .hundredMillionKilowattHours).value(in: .megawattHours) == 100_000)
    #expect(try Quantity(2, .thousandStandardCubicFeet).value(in: .standardCubicFeet) == 2_000)
  }

  @Test func ambiguousWordsAndCurrencyNames() throws {
    // "ton" is a metric tonne or a US short ton (907.18474 kg): never guessed.
    for word in ["ton", "tons", "MT"] {
      #expect { try UnitOfMeasure(parsing: word) } throws: { ($0 as? QuantityError)?.suggestion?.hasPrefix("ambiguous") == true }
    }
    #expect(try UnitOfMeasure(parsing: "美元").currency?.code == "USD")
    #expect(try UnitOfMeasure(parsing: "港币").currency?.code == "HKD")
    #expect(try UnitOfMeasure(parsing: "人民币") == .money(.cny))
  }

  @Test func crossDimensionConversionIsATypedError() {
    #expect(throws: QuantityError.self) { try Quantity(1, .kilowattHours).converted(to: .tonnes) }
    do {
      _ = try Quantity(1, .kilowattHours).converted(to: .tonnes)
    } catch {
      #expect(error.kind == .dimensionMismatch)
      #expect(error.description.contains("different dimensions"))
    }
  }

  @Test func moneyNeverConvertsAcrossCurrencies() {
    do {
      _ = try Quantity(1, .money(.usd)).converted(to: .money(.cny))
      Issue.record("USD converted to CNY without a rate")
    } catch {
      #expect(error.kind == .currencyMismatch)
    }
  }

  @Test("gas volumes at different reference conditions do not convert")
  func referenceConditions() {
    // Converting m³ to Nm³ needs temperature and pressure: a unit mismatch, never a guess.
    #expect(throws: QuantityError.self) { try Quantity(1, .cubicMetres).converted(to: .normalCubicMetres) }
    #expect(throws: QuantityError.self) {
      try Quantity(1, .standardCubicFeet).converted(to: .normalCubicMetres)
    }
  }

  @Test("unknown units are rejected", arguments: ["tonnes?", "", "10^4", "万", "kwhh"])
  func unknownUnits(text: String) {
    #expect(throws: QuantityError.self) { try UnitOfMeasure(parsing: text) }
  }

  @Test("units in another letter case are read where the case names one unit")
  func letterCase() throws {
    #expect(try UnitOfMeasure(parsing: "kwh") == .kilowattHours)
    #expect(try UnitOfMeasure(parsing: "KWH") == .kilowattHours)
    #expect(try UnitOfMeasure(parsing: "mwh") == .megawattHours)  // no milliwatt-hour is catalogued
    #expect(try UnitOfMeasure(parsing: "NM3") == .normalCubicMetres)
    // "MT" is how many write the metric tonne: never folded to Mt (megatonne).
    #expect(throws: QuantityError.self) { try UnitOfMeasure(parsing: "MT") }
    #expect(try UnitOfMeasure(parsing: "Mt") == .megatonnes)
    // Reviewed data (factor tables) spell units exactly.
    #expect(throws: QuantityError.self) { try UnitOfMeasure(parsing: "kwh", ignoringCase: false) }
    // A typo names the nearest spelling.
    #expect {
      try UnitOfMeasure(parsing: "kwhh")
    } throws: { error in
      (error as? QuantityError)?.suggestion == "did you mean kWh?"
    }
  }

  @Test("Chinese statistics' units: 万度, 吨标煤, 万大卡, 万立方米")
  func chineseUnits() throws {
    // 1 万度 = 10 000 kWh; 1 万大卡 = 10^4 × 4.1868 kJ = 41.868 MJ (IT calorie); 1 吨标煤 =
    // 29.307 GJ (GB/T 2589-2020); 1 万立方米 = 10 000 m³.
    #expect(try Quantity(2, try UnitOfMeasure(parsing: "万度")).value(in: .kilowattHours) == 20_000)
    #expect(try Quantity(1, try UnitOfMeasure(parsing: "万大卡")).value(in: .megajoules) == 41.868)
    #expect(try Quantity(1, try UnitOfMeasure(parsing: "吨标煤")).value(in: .gigajoules) == 29.307)
    #expect(try Quantity(3, try UnitOfMeasure(parsing: "万立方米")).value(in: .cubicMetres) == 30_000)
    #expect(try Quantity(1, try UnitOfMeasure(parsing: "万吨标煤")).value(in: .tonnesCoalEquivalent) == 10_000)
  }

  @Test("round trips through any unit of the same dimension come back within one ulp")
  func roundTrips() async {
    let energy: [UnitOfMeasure] = [.joules, .kilowattHours, .megawattHours, .gigajoules,
                                   .terajoules, .tonnesCoalEquivalent, .millionBtu,
                                   .tenThousandKilowattHours]
    await propertyCheck(
      input: Gen.double(in: 1e-6...1e12), Gen.element(of: energy), Gen.element(of: energy)
    ) { value, a, b in
      let a = a!, b = b!
      let there = try! Quantity(value, a).converted(to: b)
      let back = try! there.value(in: a)
      #expect(abs(back - value) <= 2 * value.ulp, "\(value) \(a) → \(b) → \(back)")
    }
  }

  @Test("conversion factors compose: a→b→c equals a→c to rounding")
  func composition() async {
    let mass: [UnitOfMeasure] = [.grams, .kilograms, .tonnes, .kilotonnes, .pounds, .shortTons]
    await propertyCheck(
      input: Gen.double(in: 1e-3...1e9), Gen.element(of: mass), Gen.element(of: mass),
      Gen.element(of: mass)
    ) { value, a, b, c in
      let direct = try! Quantity(value, a!).value(in: c!)
      let viaB = try! Quantity(value, a!).converted(to: b!).value(in: c!)
      #expect(abs(direct - viaB) <= 4 * direct.ulp)
    }
  }
}
