import Quantities
import Tabular

/// The differences between two factor sets, row by row: what a reviewer reads before a
/// factor update lands (`greenledger factors diff OLD NEW`).
public struct FactorSetDiff: Hashable, Sendable {
  /// One changed number of a row present in both sets.
  public struct Change: Hashable, Sendable {
    /// Row id (`CN-MEE-ELEC-AVG-CN-2022`, `GWP-AR6-CH4_fossil`).
    public let id: String
    /// Which number (`value`, `ncv`, `carbon_content`, `oxidation_rate`, `unit`, `valid_to`).
    public let field: String
    /// The field's value in the old set, as text.
    public let old: String
    /// The field's value in the new set, as text; empty when the new row lacks the field.
    public let new: String
    /// (new − old) / old for numbers; `nil` for text or when old is 0.
    public let relativeChange: Double?
  }

  /// Row ids only in the new set.
  public let added: [String]
  /// Row ids only in the old set.
  public let removed: [String]
  /// Changed numbers, by row id then field.
  public let changed: [Change]

  /// Whether the sets hold the same rows and numbers.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

  /// Compares `old` with `new`.
  public init(old: FactorSet, new: FactorSet) {
    let a = Self.rows(of: old)
    let b = Self.rows(of: new)
    added = b.keys.filter { a[$0] == nil }.sorted()
    removed = a.keys.filter { b[$0] == nil }.sorted()
    var changed: [Change] = []
    for id in a.keys.sorted() {
      guard let before = a[id], let after = b[id] else { continue }
      for (field, oldValue) in before.sorted(by: { $0.key < $1.key }) {
        let newValue = after[field] ?? ""
        guard oldValue != newValue else { continue }
        var relative: Double?
        if let x = Double(oldValue), let y = Double(newValue), x != 0 { relative = (y - x) / x }
        changed.append(Change(id: id, field: field, old: oldValue, new: newValue, relativeChange: relative))
      }
    }
    self.changed = changed
  }

  /// Every row's comparable fields, by id.
  private static func rows(of set: FactorSet) -> [String: [String: String]] {
    func text(_ d: Day?) -> String { d?.description ?? "" }
    var rows: [String: [String: String]] = [:]
    for f in set.emissionFactors {
      rows[f.id] = ["value": "\(f.value)", "unit": f.unit.description, "activity": f.activity,
                    "region": f.region, "series": f.series,
                    "valid_from": text(f.validity.from), "valid_to": text(f.validity.to)]
    }
    for p in set.fuelParameters {
      rows[p.id] = ["ncv": "\(p.ncv)", "ncv_unit": p.ncvUnit.description,
                    "carbon_content": "\(p.carbonContent)", "oxidation_rate": "\(p.oxidationRate)",
                    "density": p.density.map { "\($0)" } ?? "",
                    "valid_from": text(p.validity.from), "valid_to": text(p.validity.to)]
    }
    for c in set.coefficients {
      rows[c.id] = ["value": "\(c.value)", "unit": c.unit.description]
    }
    for s in set.sectorIntensities {
      rows[s.id] = ["value": "\(s.value)", "unit": s.unit.description, "year": "\(s.year)"]
    }
    for (gwpSet, values) in set.gwp {
      for (gas, v) in values { rows["GWP-\(gwpSet.rawValue)-\(gas)"] = ["value": "\(v.value)"] }
    }
    return rows
  }
}
