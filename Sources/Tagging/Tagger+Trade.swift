extension GreenTagger {
  /// Trade in a product whose item the text names: the trade item that refers to it
  /// (8.5.1 "符合性条件参照本目录 4.1.1"), added as a candidate with the product's words. The product
  /// may come from an item its own exclusions veto only because the text names trade (4.1.9
  /// excludes 代理销售: PEM电解槽进口代理销售 is trade in 4.1.9's goods).
  ///
  /// - Returns: trade rule index → the product item's code, for the evidence.
  func addTradeItems(for found: KeywordIndex.Matches, vetoed: [Int],
                     to keywords: inout [(rule: Int, phrase: KeywordIndex.Phrase)]) -> [Int: String]
  {
    guard let trade = found.stages.first(where: { catalogue.stages[$0.stage].name == "trade" }) else { return [:] }
    let rules = catalogue.rules
    let tradeWords = catalogue.stages[trade.stage].words
    var products = keywords
    for m in found.rules {
      guard let k = m.keyword, let x = m.exclusion, tradeWords.contains(catalogue.index.phrases[x].name) else { continue }
      products.append((m.rule, catalogue.index.phrases[k]))
    }
    var tradeOf: [Int: String] = [:]
    for k in products where catalogue.stageOfClass[catalogue.items2025[rules[k.rule].code]?.secondLevel ?? ""] != trade.stage {
      for code in catalogue.tradeItems[rules[k.rule].code] ?? [] {
        guard let t = rules.firstIndex(where: { $0.code == code }), !vetoed.contains(t),
              !keywords.contains(where: { $0.rule == t }) else { continue }
        keywords.append((t, KeywordIndex.Phrase(owner: t, kind: .keyword, parts: [], length: k.phrase.length,
                                                name: "\(trade.word)+\(k.phrase.name)")))
        tradeOf[t] = rules[k.rule].code
      }
    }
    return tradeOf
  }
}
