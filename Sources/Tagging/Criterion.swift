public import Quantities

/// A checkable criterion of a catalogue item or an EU activity, as written in the rule tables.
///
/// Text forms: `none`, `min:FIELD:V` (≥, 不低于), `max:FIELD:V` (≤, 不高于), `gt:FIELD:V`
/// (>, 高于), `lt:FIELD:V` (<, 低于), `is:FIELD:VALUE` (a category such as
/// `is:efficiency_level:benchmark`), `evidence:TEXT`, `epc_class_a`, `from:DAY:…` and `until:DAY:…`
/// for thresholds that change on a date, and
/// `any:A|B|…` for alternatives (`any:max:efficiency_grade:1|is:efficiency_level:benchmark|evidence:…`). The fields
/// are those of ``LoanFacts`` and ``StatedFacts``.
public enum Criterion: Hashable, Sendable {
  /// The activity alone qualifies (the item sets no technical threshold).
  case none
  /// A numeric field compared with a value.
  case compare(field: String, comparison: Comparison, value: Double)
  /// A categorical field must have a value (`efficiency_level` = `benchmark`).
  case category(field: String, value: String)
  /// Documentary evidence the loan data cannot carry: the tag can be at most `eligible`.
  case evidence(String)
  /// A criterion that applies on the tagger's as-of day only within a period
  /// (`until:2025-12-31:lt:vehicle_gco2_per_km:50`, `from:2026-01-01:max:vehicle_gco2_per_km:0`).
  indirect case dated(from: Day?, until: Day?, Criterion)
  /// EU 7.7: EPC class A.
  case epcClassA
  /// Alternatives (符合下列条件之一): met when one is met, failed when every one fails.
  case anyOf([Criterion])

  /// How a field is compared with a criterion's value.
  public enum Comparison: String, Hashable, Sendable {
    case atLeast = "≥", atMost = "≤", above = ">", below = "<"

    func holds(_ x: Double, _ v: Double) -> Bool {
      switch self {
      case .atLeast: x >= v
      case .atMost: x <= v
      case .above: x > v
      case .below: x < v
      }
    }
  }

  /// The field the criterion reads, if it reads one.
  public var field: String? {
    switch self {
    case .compare(let f, _, _), .category(let f, _): f
    case .dated(_, _, let c): c.field
    case .none, .evidence, .epcClassA, .anyOf: nil
    }
  }

  /// Whether data can decide the criterion (a number or a category, not a document), or one
  /// of its alternatives.
  public var isQuantitative: Bool {
    if case .anyOf(let alternatives) = self { return alternatives.contains(where: \.isQuantitative) }
    return field != nil
  }

  init(parsing text: String) throws(CatalogueError) {
    switch text {
    case "none", "": self = .none; return
    case "epc_class_a": self = .epcClassA; return
    default: break
    }
    if text.hasPrefix("evidence:") { self = .evidence(String(text.dropFirst(9))); return }
    for prefix in ["from:", "until:"] where text.hasPrefix(prefix) {
      let rest = text.dropFirst(prefix.count)
      let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
      let ymd = parts.first.map { $0.split(separator: "-").compactMap { Int($0) } } ?? []
      guard parts.count == 2, ymd.count == 3, let day = Day(year: ymd[0], month: ymd[1], day: ymd[2]) else {
        throw CatalogueError("criterion \"\(text)\": expected \(prefix)YYYY-MM-DD:criterion")
      }
      let inner = try Criterion(parsing: parts[1])
      // until: inclusive, as the Act writes "until 31 December 2025".
      self = prefix == "from:" ? .dated(from: day, until: nil, inner) : .dated(from: nil, until: day, inner)
      return
    }
    if text.hasPrefix("any:") {
      let alternatives = try text.dropFirst(4).split(separator: "|").map { t throws(CatalogueError) in try Criterion(parsing: String(t)) }
      guard alternatives.count >= 2 else { throw CatalogueError("criterion \"\(text)\": any: needs two or more alternatives") }
      self = .anyOf(alternatives)
      return
    }
    let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
    guard parts.count == 3, !parts[1].isEmpty else { throw CatalogueError("unknown criterion \"\(text)\"") }
    if parts[0] == "is" { self = .category(field: parts[1], value: parts[2]); return }
    let comparisons: [String: Comparison] = ["min": .atLeast, "max": .atMost, "gt": .above, "lt": .below]
    guard let c = comparisons[parts[0]], let v = Double(parts[2]) else { throw CatalogueError("unknown criterion \"\(text)\"") }
    self = .compare(field: parts[1], comparison: c, value: v)
  }
}
