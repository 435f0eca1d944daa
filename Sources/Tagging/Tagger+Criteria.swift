internal import LoanBook
internal import Quantities

/// What criteria read: the loan's columns first, then the facts its text states (read once,
/// when a criterion first needs one).
struct CriteriaInputs {
  let loan: LoanFacts
  /// The activity stages the text names (indices into ``Catalogue/stages``).
  var stages: Set<Int> = []
  /// The item whose criteria are being checked.
  var item = ""
  /// The grade scales standards define (GB 40879: PUE → grade).
  let scales: [GradeScale]
  private var read: StatedFacts?

  init(loan: LoanFacts, scales: [GradeScale]) {
    self.loan = loan
    self.scales = scales
  }

  /// The facts of the use-of-proceeds text.
  var stated: StatedFacts {
    mutating get {
      if let read { return read }
      let facts = StatedFacts(reading: loan.useOfProceeds ?? "")
      read = facts
      return facts
    }
  }

  /// A numeric field and where it came from (`pue 1.25 (use_of_proceeds "PUE由1.6降至1.25")`).
  mutating func number(_ field: String) -> (value: Double, source: String)? {
    if let v = column(field) { return (v, "\(field) \(DecimalFormat.shortest(v))") }
    if let f = stated[field], let v = f.value { return (v, "\(field) \(DecimalFormat.shortest(v)) (use_of_proceeds \"\(f.span)\")") }
    // A grade the item's standard derives from a measured value (GB 40879: PUE → grade).
    for scale in scales where scale.derivedField == field && scale.items.contains(item) {
      guard scale.field != field, let (measured, source) = number(scale.field) else { continue }
      let (grade, reason) = scale.grade(of: measured)
      return (Double(grade), "\(field) \(grade) from \(source): \(reason)")
    }
    return nil
  }

  /// A categorical field and where it came from.
  mutating func category(_ field: String) -> (value: String, source: String)? {
    guard let f = stated[field], let c = f.category else { return nil }
    return (c, "\(field) \(c) (use_of_proceeds \"\(f.span)\")")
  }

  func column(_ field: String) -> Double? {
    switch field {
    case "epc_star": loan.epcLabel.flatMap(GreenTagger.star)
    case "vehicle_gco2_per_km": loan.vehicleGCO2PerKm
    case "lifecycle_gco2e_per_kwh": loan.lifecycleGCO2ePerKWh
    case "capacity_mw": loan.capacityMW
    case "annual_energy_saving_tce": loan.annualEnergySavingTCE
    case "floor_area_m2": loan.floorAreaM2
    case "pue": loan.pue
    default: nil
    }
  }
}

extension GreenTagger {
  /// A criterion's outcome; `notApplicable`: a dated criterion outside its period.
  enum Outcome { case met(String), failed(String), unknown(String), notApplicable }

  func evaluate(_ c: Criterion, _ inputs: inout CriteriaInputs) -> Outcome {
    switch c {
    case .none: return .met("criteria: the item sets no technical threshold")
    case .evidence(let what): return .unknown(what)
    case .compare(let field, let comparison, let v):
      let limit = "\(comparison.rawValue) \(DecimalFormat.shortest(v))"
      guard let (x, source) = inputs.number(field) else { return .unknown("\(field) \(limit)") }
      return comparison.holds(x, v) ? .met("\(source) \(limit)") : .failed("\(source) is not \(limit): threshold not met")
    case .category(let field, let value):
      guard let (x, source) = inputs.category(field) else { return .unknown("\(field) = \(value)") }
      return x == value ? .met(source) : .failed("\(source) is not \(value): criterion not met")
    case .dated(let from, let until, let inner):
      let period = from.map { "from \($0)" } ?? until.map { "until \($0)" } ?? ""
      guard from.map({ asOf >= $0 }) ?? true, until.map({ asOf <= $0 }) ?? true else { return .notApplicable }
      switch evaluate(inner, &inputs) {
      case .met(let e): return .met("\(e) (\(period))")
      case .failed(let e): return .failed("\(e) (\(period))")
      case .unknown(let m): return .unknown("\(m) (\(period))")
      case .notApplicable: return .notApplicable
      }
    case .anyOf(let alternatives):
      var unknown: [String] = [], failed: [String] = []
      for a in alternatives {
        switch evaluate(a, &inputs) {
        case .met(let e): return .met("\(e) (one of \(alternatives.count) alternatives)")
        case .unknown(let m): unknown.append(m)
        case .failed(let e): failed.append(e)
        case .notApplicable: continue
        }
      }
      if unknown.isEmpty { return .failed("none of the alternatives is met: " + failed.joined(separator: "; ")) }
      return .unknown("one of: " + unknown.joined(separator: " or ") + (failed.isEmpty ? "" : " (not met: " + failed.joined(separator: "; ") + ")"))
    case .epcClassA:
      guard let label = inputs.loan.epcLabel else { return .unknown("EPC class A certificate") }
      return label.uppercased() == "A" ? .met("EPC class A") : .unknown("EPC class A certificate (label \"\(label)\" is not an EU EPC class)")
    }
  }

  /// Green-building star level of an EPC label: `一星级`/`1星`/`one-star` → 1, … 3; 基本级 → 0.
  static func star(_ label: String) -> Double? {
    let l = label.lowercased()
    for (n, words) in [(3.0, ["三星", "3星", "three-star", "3-star"]), (2.0, ["二星", "2星", "two-star", "2-star"]),
                       (1.0, ["一星", "1星", "one-star", "1-star"]), (0.0, ["基本级"])] where words.contains(where: l.contains) {
      return n
    }
    return nil
  }
}
