extension StatedFacts {
  /// How one numeric field is stated: the units that may follow the number (with their factor
  /// into the field's unit), the word sets of which one word each must come earlier in its
  /// clause, the words none of which may, and the plausible range.
  struct Grammar: Sendable {
    let field: String
    /// Unit spellings and their factor; empty: the number stands alone (PUE 1.25).
    let units: [(String, Double)]
    let cues: [[String]]
    var vetoes: [String] = []
    let range: ClosedRange<Double>
    /// Whether a target after a change wins (`由1.6降至1.25` → 1.25); otherwise the first number.
    var prefersTarget = false

    static let targetWords = ["降至", "降到", "降低至", "降低到", "下降至", "至", "到", "→", "->", "to", "≤", "<=", "<",
                              "不高于", "不超过", "低于", "小于", "以内"]

    func read(_ chars: [Character], numbers: [Number], shown: [Character]) -> Fact? {
      var chosen: (Double, Range<Int>)?
      for n in numbers {
        guard let (factor, unitLength) = unit(after: n, in: chars) else { continue }
        let before = StatedFacts.clause(chars, before: n.range.lowerBound)
        guard cues.allSatisfy({ $0.contains(where: before.contains) }) else { continue }
        guard !(vetoes + StatedFacts.failures).contains(where: before.contains) else { continue }
        let value = n.value * factor
        guard range.contains(value) else { continue }
        let end = n.range.upperBound + unitLength
        if chosen == nil {
          chosen = (value, n.range.lowerBound..<end)
        } else if prefersTarget, Self.targetWords.contains(where: before.hasSuffix) {
          chosen = (value, chosen!.1.lowerBound..<end)
        }
        if !prefersTarget { break }
      }
      return chosen.map { Fact(value: $0.0, category: nil, span: StatedFacts.span(shown, $0.1)) }
    }

    /// The factor and length of the unit right after `n` (spaces allowed), or nil.
    func unit(after n: Number, in chars: [Character]) -> (Double, Int)? {
      if units.isEmpty { return (1, 0) }
      var i = n.range.upperBound
      while i < chars.count && chars[i] == " " { i += 1 }
      let rest = String(chars[i..<min(chars.count, i + 8)])
      for (spelling, factor) in units where rest.hasPrefix(spelling) {
        // MW, not MWh; 千瓦, not 千瓦时.
        let next = rest.dropFirst(spelling.count).first
        if spelling.hasSuffix("w") || spelling.hasSuffix("瓦") || spelling.hasSuffix("wp"), next == "h" || next == "时" { return nil }
        return (factor, i - n.range.upperBound + spelling.count)
      }
      return nil
    }
  }

  static let coalCues = ["标准煤", "标煤"]
  static let carbonCues = ["二氧化碳", "co2", "碳排放", "碳"]
  static let savingCues = ["节约", "节能", "节省", "节煤", "减少", "降低", "saving", "save"]
  static let reductionCues = ["减排", "减少", "降低", "削减", "reduc", "avoid", "abate"]
  static let captureCues = ["捕集", "封存", "利用与封存", "capture", "ccus", "ccs"]

  /// The numeric fields read from text, with the spellings loan officers use.
  static let grammars: [Grammar] = [
    Grammar(field: "pue", units: [], cues: [["pue", "电能利用效率"]], range: 1...3, prefersTarget: true),
    Grammar(field: "capacity_mw",
            units: [("gwp", 1_000), ("gw", 1_000), ("吉瓦", 1_000), ("mwp", 1), ("mw", 1), ("兆瓦", 1), ("万千瓦", 10),
                    ("万kw", 10), ("kwp", 0.001), ("kw", 0.001), ("千瓦", 0.001)],
            cues: [], range: 0.000_001...1_000_000),
    Grammar(field: "annual_energy_saving_tce",
            units: [("万吨标准煤", 10_000), ("万吨标煤", 10_000), ("万tce", 10_000), ("吨标准煤", 1), ("吨标煤", 1), ("tce", 1),
                    ("t标准煤", 1), ("t标煤", 1)],
            cues: [savingCues], vetoes: consumptionWords, range: 0.001...100_000_000),
    Grammar(field: "annual_energy_saving_tce", units: [("万吨", 10_000), ("吨", 1), ("t", 1)],
            cues: [savingCues, coalCues], vetoes: consumptionWords, range: 0.001...100_000_000),
    Grammar(field: "co2_capture_t_per_year",
            units: [("万吨", 10_000), ("吨", 1), ("mt", 1_000_000), ("kt", 1_000), ("t", 1)],
            cues: [captureCues], range: 0.001...1_000_000_000),
    Grammar(field: "annual_co2_reduction_t",
            units: [("万吨二氧化碳", 10_000), ("万吨co2", 10_000), ("吨二氧化碳", 1), ("吨co2", 1), ("tco2", 1), ("t co2", 1)],
            cues: [reductionCues], vetoes: captureCues, range: 0.001...1_000_000_000),
    Grammar(field: "annual_co2_reduction_t", units: [("万吨", 10_000), ("吨", 1), ("t", 1)],
            cues: [reductionCues, carbonCues], vetoes: captureCues + coalCues + ["tce"], range: 0.001...1_000_000_000),
    Grammar(field: "energy_saving_rate_pct", units: [("%", 1)], cues: [["节能率", "节能量比例", "energy saving rate"]], range: 0...100),
    Grammar(field: "floor_area_m2",
            units: [("万平方米", 10_000), ("万平米", 10_000), ("万㎡", 10_000), ("万m2", 10_000), ("平方米", 1), ("平米", 1), ("㎡", 1),
                    ("m2", 1), ("m²", 1), ("sqm", 1)],
            cues: [], range: 1...100_000_000),
    Grammar(field: "conversion_efficiency_pct", units: [("%", 1)], cues: [["转换效率", "conversion efficiency", "电池效率", "组件效率"]],
            range: 1...100),
    Grammar(field: "thermal_efficiency_pct", units: [("%", 1)], cues: [["热效率", "thermal efficiency"]], range: 1...100),
  ]

  static let consumptionWords = ["综合能耗", "能源消费", "耗能", "消耗", "consumption"]
}
