import LoanBook
public import Tabular
import Quantities

/// Running totals as a file, so that the shards of one run (each holding every record of its
/// own entities) can be finished together: ``CarbonAccounting/writeLedgers(to:)`` in each
/// shard, ``CarbonAccounting/mergeLedgers(file:)`` of every file into one accounting, then
/// ``CarbonAccounting/finish(benchmarks:)`` — the same accounts as one run over all records,
/// because the totals are exact quanta and `finish` sees the same ledgers.
///
/// One row per total (`entity_id, year, item, key, value`), values in quanta of 10⁻⁶ t or
/// 10⁻⁶ MWh as integers, so nothing is rounded on the way:
///
/// | item | key | value |
/// |---|---|---|
/// | `scope1`, `scope2_location`, `scope2_market`, `scope3`, `biogenic`, `energy_co2`, `certificate_mwh` | | quanta |
/// | `lines` | | number of lines |
/// | `gas` | gas | quanta |
/// | `category` | scope 3 category | quanta |
/// | `facility_scope1`, `facility_scope2_location`, `facility_scope2_market`, `facility_scope3` | facility id (empty: none) | quanta |
/// | `residual_mwh` | factor id | quanta of MWh |
/// | `residual_factor` | factor id | tCO2/MWh, shortest round-trip text |
/// | `certificate_origin` | file | line |
extension CarbonAccounting {
  /// The header of a ledger file.
  public static let ledgerColumns = ["entity_id", "year", "item", "key", "value"]

  /// Writes the running totals to `path`, sorted by entity, year and item: the same records
  /// give the same bytes, whatever their order.
  ///
  /// - Throws: `InputError` when the file cannot be written.
  public func writeLedgers(to path: String) throws(InputError) {
    let w = try CSVWriter(path: path, header: Self.ledgerColumns, guardsFormulas: false)
    func row(_ key: EntityYear, _ item: String, _ sub: String, _ value: String) {
      w.writeField(key.entity.rawValue)
      w.writeField(String(key.year))
      w.writeField(item)
      w.writeField(sub)
      w.writeField(value)
      w.endRow()
    }
    for (key, l) in ledgers.sorted(by: { $0.key < $1.key }) {
      for (item, q) in [("scope1", l.scope1), ("scope2_location", l.scope2Location), ("scope2_market", l.scope2Market),
                        ("scope3", l.scope3), ("biogenic", l.biogenic), ("energy_co2", l.energyCO2),
                        ("certificate_mwh", l.certificateMWh)] {
        row(key, item, "", String(q))
      }
      row(key, "lines", "", String(l.lines))
      for (gas, q) in l.byGas.sorted(by: { $0.key < $1.key }) { row(key, "gas", gas, String(q)) }
      for (c, q) in l.byCategory.sorted(by: { $0.key < $1.key }) { row(key, "category", String(c), String(q)) }
      for (f, t) in l.byFacility.sorted(by: { $0.key < $1.key }) {
        row(key, "facility_scope1", f, String(t.scope1))
        row(key, "facility_scope2_location", f, String(t.scope2Location))
        row(key, "facility_scope2_market", f, String(t.scope2Market))
        row(key, "facility_scope3", f, String(t.scope3))
      }
      for (id, r) in l.residual.sorted(by: { $0.key < $1.key }) {
        row(key, "residual_mwh", id, String(r.mwh))
        row(key, "residual_factor", id, "\(r.factor)")
      }
      for o in l.certificateOrigins.sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
        row(key, "certificate_origin", o.file, String(o.line))
      }
    }
    try w.close()
  }

  /// Adds the totals of a file written by ``writeLedgers(to:)`` (another shard of the same
  /// run, with the same factors and options).
  ///
  /// - Throws: `InputError` naming the line of a row that is not a ledger total, or when
  ///   the file cannot be read.
  public mutating func mergeLedgers(file path: String) throws {
    var read: [EntityYear: EntityLedger] = [:]
    var header = true
    try CSVReader.read(file: path) { r in
      let fields = r.strings
      if header {
        header = false
        guard fields == Self.ledgerColumns else {
          throw InputError(file: path, message: "line 1: expected the ledger columns \(Self.ledgerColumns.joined(separator: ","))")
        }
        return
      }
      func bad(_ what: String) -> InputError {
        InputError(file: path, message: "line \(r.line): \(what), found \"\(r.csvLine)\"")
      }
      guard r.issue == nil, fields.count == 5, let year = Int(fields[1]), !fields[0].isEmpty else {
        throw bad("expected entity_id, year, item, key, value")
      }
      let key = EntityYear(entity: EntityID(fields[0]), year: year)
      let (item, sub, text) = (fields[2], fields[3], fields[4])
      if item == "residual_factor" {
        guard let f = Double(text), f.isFinite else { throw bad("expected a factor in tCO2/MWh") }
        read[key, default: EntityLedger()].residual[sub, default: (0, f)].factor = f
        return
      }
      guard let q = Int128(text) else { throw bad("expected an integer value") }
      try Self.add(q, item: item, key: sub, to: &read[key, default: EntityLedger()], bad: bad)
    }
    for (key, l) in read {
      if let r = l.residual.first(where: { !$0.value.factor.isFinite }) {
        throw InputError(file: path, message: "\(key.entity) \(key.year): residual_mwh of \(r.key) has no residual_factor row")
      }
      ledgers[key, default: EntityLedger()].merge(l)
    }
  }

  /// Adds `q` to the total `item` (`key`) of `l`.
  private static func add(_ q: Int128, item: String, key sub: String, to l: inout EntityLedger, bad: (String) -> InputError)
    throws(InputError)
  {
    switch item {
    case "scope1": l.scope1 += q
    case "scope2_location": l.scope2Location += q
    case "scope2_market": l.scope2Market += q
    case "scope3": l.scope3 += q
    case "biogenic": l.biogenic += q
    case "energy_co2": l.energyCO2 += q
    case "certificate_mwh": l.certificateMWh += q
    case "lines":
      guard let n = Int(exactly: q) else { throw bad("expected a line count") }
      l.lines += n
    case "gas": l.byGas[sub, default: 0] += q
    case "category":
      guard let c = Int(sub) else { throw bad("expected a scope 3 category number as key") }
      l.byCategory[c, default: 0] += q
    case "facility_scope1": l.byFacility[sub, default: .init()].scope1 += q
    case "facility_scope2_location": l.byFacility[sub, default: .init()].scope2Location += q
    case "facility_scope2_market": l.byFacility[sub, default: .init()].scope2Market += q
    case "facility_scope3": l.byFacility[sub, default: .init()].scope3 += q
    case "residual_mwh": l.residual[sub, default: (0, .nan)].mwh += q
    case "certificate_origin":
      guard let line = Int(exactly: q) else { throw bad("expected a line number") }
      l.certificateOrigins.append(RecordOrigin(file: sub, line: line))
    default: throw bad("unknown ledger item \"\(item)\"")
    }
  }
}
