public import Quantities
public import Tabular

/// The green book in the breakdown of PBoC's green-loan statistics: count and balance of
/// green (aligned) loans by first- and second-level class of the 2025 catalogue (a loan on
/// a historical standard counts under its 2025 equivalent), by GHG marker (√√ direct, √
/// enabling), the annual reductions, the share of the book and the flags raised.
///
/// Sums are exact (`ExactSum`): statistics of partitions or shards merged in any order
/// give the same bytes as one pass (green_summary.json).
public struct GreenLoanStatistics: Sendable {
  /// Loans counted.
  public private(set) var loans = 0
  /// Loans whose Chinese tag is `aligned`.
  public private(set) var alignedLoans = 0
  /// Loans whose Chinese tag is `eligible`.
  public private(set) var eligibleLoans = 0
  /// The whole book in CNY.
  public private(set) var book = ExactSum(decimalPlaces: 2)
  /// Count and CNY balance of aligned loans by class code (`4` and `4.2`).
  public private(set) var byCategory: [String: (count: Int, balance: ExactSum)] = [:]
  /// Count and CNY balance of aligned loans by GHG marker (`√√`, `√`, `mixed`, `none`).
  public private(set) var byMarker: [String: (count: Int, balance: ExactSum)] = [:]
  /// Annual CO2 reduction of the aligned loans' projects, tonnes.
  public private(set) var reduction = ExactSum(decimalPlaces: 6)
  /// The bank's attributed share of that reduction, tonnes.
  public private(set) var attributed = ExactSum(decimalPlaces: 6)
  /// Standard coal the aligned loans' projects save per year, tce.
  public private(set) var coal = ExactSum(decimalPlaces: 6)
  /// Number of tags that raised each flag.
  public private(set) var flags: [String: Int] = [:]

  /// A class's aligned loans: count and balance, or zero.
  public func green(inClass code: String) -> (count: Int, balanceCNY: Double) {
    byCategory[code].map { ($0.count, $0.balance.value) } ?? (0, 0)
  }

  /// partials.csv rows (`group, key, value`): every exact total as an integer, for `greenledger merge`.
  public func partialRows(run: [(String, String)]) -> [[String]] {
    var rows = run.map { ["run", $0.0, $0.1] }
    for (k, v) in [("loans", loans), ("aligned", alignedLoans), ("eligible", eligibleLoans)] { rows.append(["counts", k, String(v)]) }
    for (k, v) in [("book", book), ("reduction", reduction), ("attributed", attributed), ("coal", coal)] {
      rows.append(["sums", k, String(v.quanta)])
    }
    for k in byCategory.keys.sorted() { rows.append(["category", k, "\(byCategory[k]!.count) \(byCategory[k]!.balance.quanta)"]) }
    for k in byMarker.keys.sorted() { rows.append(["marker", k, "\(byMarker[k]!.count) \(byMarker[k]!.balance.quanta)"]) }
    for k in flags.keys.sorted() { rows.append(["flag", k, String(flags[k]!)]) }
    return rows
  }

  /// Statistics restored from ``partialRows(run:)`` groups; `nil` if a value is malformed.
  public init?(partials raw: [String: [String: String]]) {
    func count(_ key: String) -> Int? { raw["counts"]?[key].flatMap { Int($0) } }
    func sum(_ key: String, _ places: Int) -> ExactSum? {
      raw["sums"]?[key].flatMap { Int128($0) }.map { ExactSum(decimalPlaces: places, quanta: $0, count: 0) }
    }
    guard let l = count("loans"), let a = count("aligned"), let e = count("eligible"), let b = sum("book", 2),
          let r = sum("reduction", 6), let at = sum("attributed", 6), let c = sum("coal", 6) else { return nil }
    (loans, alignedLoans, eligibleLoans, book, reduction, attributed, coal) = (l, a, e, b, r, at, c)
    func pairs(_ group: String) -> [String: (count: Int, balance: ExactSum)]? {
      var result: [String: (count: Int, balance: ExactSum)] = [:]
      for (k, v) in raw[group] ?? [:] {
        let parts = v.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[0]), let q = Int128(String(parts[1])) else { return nil }
        result[k] = (n, ExactSum(decimalPlaces: 2, quanta: q, count: 0))
      }
      return result
    }
    guard let cats = pairs("category"), let marks = pairs("marker") else { return nil }
    byCategory = cats
    byMarker = marks
    for (k, v) in raw["flag"] ?? [:] {
      guard let n = Int(v) else { return nil }
      flags[k] = n
    }
  }

  /// Empty statistics.
  public init() {}

  /// Adds another partition's statistics (exact sums: the result does not depend on the split).
  public mutating func merge(_ o: GreenLoanStatistics) {
    loans += o.loans
    alignedLoans += o.alignedLoans
    eligibleLoans += o.eligibleLoans
    try? book.merge(o.book)
    try? reduction.merge(o.reduction)
    try? attributed.merge(o.attributed)
    try? coal.merge(o.coal)
    for (k, v) in o.flags { flags[k, default: 0] += v }
    for (k, v) in o.byCategory {
      var e = byCategory[k] ?? (0, ExactSum(decimalPlaces: 2))
      e.count += v.count
      try? e.balance.merge(v.balance)
      byCategory[k] = e
    }
    for (k, v) in o.byMarker {
      var e = byMarker[k] ?? (0, ExactSum(decimalPlaces: 2))
      e.count += v.count
      try? e.balance.merge(v.balance)
      byMarker[k] = e
    }
  }

  /// Counts one loan with its tags and its outstanding balance in CNY.
  public mutating func add(_ tags: [GreenTag], outstandingCNY: Double) {
    loans += 1
    try? book.add(outstandingCNY)
    for t in tags { for f in t.flags { flags[f, default: 0] += 1 } }
    guard let cn = tags.first(where: { $0.taxonomy.hasPrefix("CN-") }) else { return }
    if cn.status == .aligned { alignedLoans += 1 } else if cn.status == .eligible { eligibleLoans += 1 }
    guard cn.status == .aligned else { return }
    // Categories by the 2025 item (a 2021-standard loan counts under its 2025 equivalent).
    if let code = cn.code2025 {
      let parts = code.split(separator: ".")
      for key in [String(parts[0]), parts.prefix(2).joined(separator: ".")] {
        var entry = byCategory[key] ?? (0, ExactSum(decimalPlaces: 2))
        entry.count += 1
        try? entry.balance.add(outstandingCNY)
        byCategory[key] = entry
      }
    }
    let marker = cn.ghgMarker.map { $0.hasPrefix("mixed") ? "mixed" : ($0.isEmpty ? "none" : $0) } ?? "none"
    var m = byMarker[marker] ?? (0, ExactSum(decimalPlaces: 2))
    m.count += 1
    try? m.balance.add(outstandingCNY)
    byMarker[marker] = m
    if let r = cn.annualReduction { try? reduction.add(r) }
    if let r = cn.attributedReduction { try? attributed.add(r) }
    if let c = cn.standardCoalSavedTCE { try? coal.add(c) }
  }

  /// green_summary.json, with the classes' names from `catalogue`.
  public func json(catalogue: Catalogue) -> JSONValue {
    func entries(_ d: [String: (count: Int, balance: ExactSum)], names: Bool) -> JSONValue {
      .object(d.keys.sorted { $0.precedesNumerically($1) }.map { k in
        var fields: [(String, JSONValue)] = []
        if names {
          fields.append(("name", .string(catalogue.items2025[k]?.nameZH ?? "")))
          fields.append(("name_en", .string(catalogue.items2025[k]?.nameEN ?? "")))
        }
        fields += [("loans", .int(d[k]!.count)), ("balance_cny", .number(d[k]!.balance.decimalString))]
        return (k, .object(fields))
      })
    }
    var green = ExactSum(decimalPlaces: 2)
    for (k, v) in byCategory where !k.contains(".") { try? green.merge(v.balance) }
    let share = book.value > 0 ? DecimalFormat.fixed(green.value / book.value, places: 6) : "0"
    return .object([
      ("taxonomy", .string("CN-GFC-2025 (2021-standard loans counted under their 2025 equivalent)")),
      ("loans", .int(loans)), ("aligned", .int(alignedLoans)), ("eligible", .int(eligibleLoans)),
      ("book_balance_cny", .number(book.decimalString)),
      ("green_balance_cny", .number(green.decimalString)),
      ("green_share", .number(share)),
      ("by_category", entries(byCategory, names: true)),
      ("by_ghg_marker", entries(byMarker, names: false)),
      ("annual_reduction_tco2", .number(reduction.decimalString)),
      ("attributed_annual_reduction_tco2", .number(attributed.decimalString)),
      ("standard_coal_saved_tce", .number(coal.decimalString)),
      ("flags", .object(flags.keys.sorted().map { ($0, .int(flags[$0]!)) })),
    ])
  }
}

extension String {
  /// Orders catalogue codes numerically (1.3 < 1.10), other keys by their text: a total
  /// order, so that the output does not depend on insertion order.
  package func precedesNumerically(_ other: String) -> Bool {
    let a = split(separator: ".").map { Int($0) }
    let b = other.split(separator: ".").map { Int($0) }
    if !a.contains(nil), !b.contains(nil), a != b {
      return a.map { $0! }.lexicographicallyPrecedes(b.map { $0! })
    }
    return self < other
  }
}
