public import Quantities
internal import Tabular

/// The taxonomy tables: the 2025 catalogue, the historical standards (the 2019 industry
/// catalogue for loans, the 2021 bond catalogue for bonds) with their crosswalks, which
/// standard applies when, the rules and the EU activities, with their rule version.
public struct Catalogue: Sendable {
  /// 《绿色金融支持项目目录（2025年版）》: its items by code.
  public let items2025: [String: CatalogueItem]
  /// 《绿色债券支持项目目录（2021年版）》: the historical standard of bonds.
  public let items2021: [String: CatalogueItem]
  /// 《绿色产业指导目录（2019年版）》: the historical standard of loans (green-loan statistics).
  public let items2019: [String: CatalogueItem]
  /// 2025 code → 2021 codes (unofficial, by name).
  public let crosswalk: [String: [String]]
  /// 2025 code → 2019 codes (unofficial, by name and content).
  public let crosswalk2019: [String: [String]]
  /// Which catalogue applies to which products approved when.
  public let standards: [StandardPeriod]
  /// The tagging rules of the 2025 items, at most one per level-3 item (cn-gfc-2025-rules.csv).
  public let rules: [TagRule]
  /// The EU taxonomy activities the tagger knows (eu-taxonomy-activities.csv).
  public let euActivities: [EUActivity]
  /// Version of the rule tables (`cn-gfc-2025-rules@2026.2`).
  public let ruleVersion: String
  /// The rules' keywords, exclusions and the fossil phrases, compiled for one pass per text.
  let index: KeywordIndex
  /// The EU activities' keywords, compiled likewise.
  let euIndex: KeywordIndex
  /// Phrases of activities the 2025 catalogue does not support, with the reason (not-supported.csv).
  public let fossilPhrases: [(phrase: String, reason: String)]
  /// Project types the catalogue does not support, with the reason.
  public let unsupportedTypes: [String: String]
  /// Rule indices by structured activity (`project_type`).
  let rulesByType: [String: [Int]]
  /// Grades standards define by a measured value (GB 40879: PUE → grade).
  public let gradeScales: [GradeScale]
  /// Stages of an activity (manufacturing, trade, service), their classes and words (stages.csv).
  public let stages: [ActivityStage]
  /// Stage index by second-level class (`8.5` → trade).
  let stageOfClass: [String: Int]
  /// Trade items by the item whose goods they trade (`4.1.1` → `8.5.1`), from each trade
  /// item's 参照本目录 reference.
  public let tradeItems: [String: [String]]

  /// The tables compiled into the library.
  public static let bundled: Catalogue = {
    do { return try Catalogue(files: BundledCatalogues.files) } catch {
      preconditionFailure("bundled catalogue tables are invalid: \(error)")  // a test guards this
    }
  }()

  /// Loads the tables from their bytes by file name.
  public init(files: [String: [UInt8]]) throws(CatalogueError) {
    let table = CatalogueTable(files: files)
    items2025 = try table.items("cn-gfc-2025-items.csv")
    items2021 = try table.items("cn-gbc-2021-items.csv")
    items2019 = try table.items("cn-gic-2019-items.csv")
    crosswalk = try table.crosswalk("crosswalk-2021-2025.csv", from: "gbc2021_code", known: items2021)
    crosswalk2019 = try table.crosswalk("crosswalk-2019-2025.csv", from: "gic2019_code", known: items2019)
    for code in crosswalk.keys.sorted() + crosswalk2019.keys.sorted() where items2025[code] == nil {
      throw CatalogueError("crosswalk to unknown 2025 item \(code)")
    }
    standards = try table.rows("standards.csv").map { r throws(CatalogueError) in try StandardPeriod(row: r) }
    var rules: [TagRule] = []
    for r in try table.rows("cn-gfc-2025-rules.csv") {
      let code = r["code"] ?? ""
      guard items2025[code]?.level == 3 else { throw CatalogueError("cn-gfc-2025-rules.csv: rule for unknown 2025 item \(code)") }
      guard !rules.contains(where: { $0.code == code }) else { throw CatalogueError("cn-gfc-2025-rules.csv: two rules for \(code)") }
      rules.append(TagRule(code: code, projectTypes: Self.list(r["project_types"]), criteria: try Self.criteria(r["criteria"]),
                           keywords: Self.list(r["keywords_zh"]) + Self.list(r["keywords_en"]),
                           exclusions: Self.list(r["exclusions"]), isFossilSubstitution: r["fossil_substitution"] == "true",
                           reduction: r["reduction"] ?? "none", note: r["note"] ?? ""))
    }
    self.rules = rules
    var eu: [EUActivity] = []
    for r in try table.rows("eu-taxonomy-activities.csv") {
      let codes = (r["common_ground_2025"] ?? "").split(separator: "|").map(String.init)
      for c in codes where items2025[c] == nil { throw CatalogueError("eu-taxonomy-activities.csv: unknown 2025 item \(c)") }
      eu.append(EUActivity(code: r["activity"] ?? "", name: r["name"] ?? "", projectTypes: Self.list(r["project_types"]),
                           sectors: (r["sectors"] ?? "").split(separator: "|").map(String.init),
                           keywords: Self.list(r["keywords"]), criteria: try Self.criteria(r["criteria"]),
                           commonGroundCodes: codes, source: r["source"] ?? ""))
    }
    euActivities = eu
    ruleVersion = "cn-gfc-2025-rules@2026.2"
    var words: [String: [String]] = [:]
    for r in try table.rows("negations.csv") {
      words[r["kind"] ?? "", default: []].append((r["word"] ?? "") == "\\n" ? "\n" : r["word"] ?? "")
    }
    let negations = KeywordIndex.Negations(chinese: words["chinese"] ?? [], english: words["english"] ?? [],
                                           clauseBreaks: words["clause_break"] ?? [])
    let unsupported = try table.rows("not-supported.csv")
    fossilPhrases = unsupported.filter { $0["kind"] == "phrase" }.map { ($0["value"] ?? "", $0["reason"] ?? "") }
    unsupportedTypes = Dictionary(unsupported.filter { $0["kind"] == "project_type" }.map { ($0["value"] ?? "", $0["reason"] ?? "") },
                                  uniquingKeysWith: { a, _ in a })
    // A stage item's keyword that pairs a product with one stage word (风电机组+出口) takes any
    // word of its stage (风电机组 + 批发, 经销, export …; 风电机组 + 年产, 生产基地 …).
    let stageRows = try table.rows("stages.csv")
    var tokens: [String: [String]] = [:]
    var keywordLists = rules.map(\.keywords)
    // Trade and manufacturing, not services (运维, 检测 also name an operator's own work). A
    // manufacturing word can also name the use of equipment in a line (光伏玻璃生产线…窑炉 reads
    // as 1.1.2 kiln manufacture): measured on the labelled sets, the generalisation wins more
    // than it loses (+4 of 345, +3 of 160, −1 of 193).
    for row in stageRows where row["stage"] != "service" {
      let name = row["stage"] ?? "", words = Self.list(row["words"]), token = "<\(name)>"
      tokens[token] = words
      let classes = Set((row["classes"] ?? "").split(separator: "|").map(String.init))
      for (i, rule) in rules.enumerated() where classes.contains(items2025[rule.code]?.secondLevel ?? "") {
        var seen: Set<String> = []
        keywordLists[i] = rule.keywords.map { k in
          let parts = k.split(separator: "+").map { words.contains(String($0)) ? token : String($0) }
          return parts.allSatisfy { $0 == token } ? k : parts.joined(separator: "+")  // a stage word alone stays itself
        }.filter { seen.insert($0).inserted }
      }
    }
    let stages = stageRows.map { r in
      ActivityStage(name: r["stage"] ?? "", classes: (r["classes"] ?? "").split(separator: "|").map(String.init),
                    words: Self.list(r["words"]), note: r["note"] ?? "")
    }
    self.stages = stages
    index = KeywordIndex(keywords: keywordLists, exclusions: rules.map(\.exclusions), fossilPhrases: fossilPhrases.map(\.phrase),
                         stagePhrases: stages.map(\.words), negations: negations, wordClasses: tokens)
    euIndex = KeywordIndex(keywords: eu.map(\.keywords), exclusions: eu.map { _ in [] }, fossilPhrases: [], negations: negations)
    var scales: [GradeScale] = []
    for r in try table.rows("grade-scales.csv") {
      guard let grade = Int(r["grade"] ?? ""), let limit = Double(r["upper_limit"] ?? "") else {
        throw CatalogueError("grade-scales.csv: grade and upper_limit must be numbers")
      }
      let items = (r["items"] ?? "").split(separator: "|").map(String.init)
      if let i = scales.firstIndex(where: { $0.standard == r["standard"] && $0.derivedField == r["derived_field"] }) {
        let s = scales[i]
        scales[i] = GradeScale(standard: s.standard, field: s.field, derivedField: s.derivedField,
                               limits: (s.limits + [(grade, limit)]).sorted { $0.grade < $1.grade }, items: s.items, source: s.source)
      } else {
        scales.append(GradeScale(standard: r["standard"] ?? "", field: r["field"] ?? "", derivedField: r["derived_field"] ?? "",
                                 limits: [(grade, limit)], items: items, source: r["source"] ?? ""))
      }
    }
    gradeScales = scales
    var stageOfClass: [String: Int] = [:]
    for (i, stage) in stages.enumerated() { for c in stage.classes { stageOfClass[c] = i } }
    self.stageOfClass = stageOfClass
    var trade: [String: [String]] = [:]
    for item in items2025.values.sorted(by: { $0.code.precedesNumerically($1.code) })
    where item.level == 3 && stages.indices.contains(stageOfClass[item.secondLevel] ?? -1) && stages[stageOfClass[item.secondLevel]!].name == "trade" {
      for code in Self.references(in: item.criteria) where items2025[code]?.level == 3 { trade[code, default: []].append(item.code) }
    }
    tradeItems = trade
    var byType: [String: [Int]] = [:]
    for (i, r) in rules.enumerated() { for t in r.projectTypes { byType[t, default: []].append(i) } }
    rulesByType = byType
  }

  /// The standard that applies to a product of `kind` approved on `day`.
  public func standard(for kind: StandardPeriod.Product, approvedOn day: Day) -> StandardPeriod? {
    standards.first { $0.products.contains(kind) && $0.covers(day) }
  }

  /// The items of a taxonomy by its name (`CN-GFC-2025`, `CN-GBC-2021`, `CN-GIC-2019`).
  public func items(of taxonomy: String) -> [String: CatalogueItem] {
    switch taxonomy {
    case "CN-GBC-2021": items2021
    case "CN-GIC-2019": items2019
    default: items2025
    }
  }

  /// The item codes a criteria text refers to (`符合性条件参照本目录 1.1.1、1.1.2 规定要求`).
  static func references(in text: String) -> [String] {
    var codes: [String] = []
    var rest = Substring(text)
    while let start = rest.firstRange(of: "本目录") {
      let tail = rest[start.upperBound...]
      let end = tail.firstRange(of: "规定")?.lowerBound ?? tail.endIndex
      var code = ""
      for c in tail[..<end] + " " {
        if c.isASCII && (c.isNumber || c == ".") { code.append(c); continue }
        if code.split(separator: ".").count == 3 { codes.append(code.trimmingDots) }
        code = ""
      }
      rest = tail[end...]
    }
    return codes
  }

  static func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: "|").map { $0.trimmingSpaces.lowercased() }.filter { !$0.isEmpty }
  }

  static func criteria(_ text: String?) throws(CatalogueError) -> [Criterion] {
    try (text ?? "none").split(separator: ";").map { t throws(CatalogueError) in try Criterion(parsing: t.trimmingSpaces) }
  }
}

extension StringProtocol {
  var trimmingDots: String {
    var s = Substring(self)
    while s.last == "." { s = s.dropLast() }
    return String(s)
  }

  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
