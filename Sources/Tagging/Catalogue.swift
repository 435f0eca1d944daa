import Quantities
internal import Tabular

/// One item of a Chinese green catalogue.
public struct CatalogueItem: Hashable, Sendable {
  /// `4.2.1` (2025) or `3.2.2.1` (2021).
  public let code: String
  public let level: Int
  public let nameZH: String
  public let nameEN: String
  public let parent: String?
  /// 2025: `√√` direct reduction, `√` low-carbon enabling, empty, or `mixed(…)`.
  public let ghgMarker: String
  /// The 国民经济行业 classes the item lists (`4415 风力发电; 4874 …`).
  public let industries: String
  /// 条件/标准 and 备注, as transcribed.
  public let criteria: String
}

/// A checkable criterion of a rule.
public enum Criterion: Hashable, Sendable {
  /// The activity alone qualifies (the item sets no technical threshold).
  case none
  /// A loan field must be at least / at most a value.
  case minimum(field: String, value: Double)
  case maximum(field: String, value: Double)
  /// Documentary evidence the loan data cannot carry: the tag can be at most `eligible`.
  case evidence(String)
  /// EU 6.5: < 50 gCO2/km until 2025-12-31, 0 from 2026-01-01.
  case vehicleCO2
  /// EU 7.7: EPC class A.
  case epcClassA

  init(parsing text: String) throws(CatalogueError) {
    if text == "none" || text.isEmpty { self = .none; return }
    if text == "vehicle_co2" { self = .vehicleCO2; return }
    if text == "epc_class_a" { self = .epcClassA; return }
    if text.hasPrefix("evidence:") { self = .evidence(String(text.dropFirst(9))); return }
    let parts = text.split(separator: ":").map(String.init)
    guard parts.count == 3, let v = Double(parts[2]) else { throw CatalogueError("unknown criterion \"\(text)\"") }
    switch parts[0] {
    case "min": self = .minimum(field: parts[1], value: v)
    case "max": self = .maximum(field: parts[1], value: v)
    default: throw CatalogueError("unknown criterion \"\(text)\"")
    }
  }
}

/// Phrases precompiled to lower-cased UTF-8 bytes, `A+B` split into its parts.
public struct Phrases: Hashable, Sendable {
  public let names: [String]
  /// Every part of every phrase, back to back.
  let parts: WordList
  /// The parts of phrase `i`: `parts.ranges[partsOf[i]]`.
  let partsOf: [Range<Int>]
  let lengths: [Int]

  public init(_ names: [String]) {
    self.names = names
    var words: [[UInt8]] = []
    var partsOf: [Range<Int>] = []
    for name in names {
      let split = name.lowercased().split(separator: "+").map { Array($0.utf8) }
      partsOf.append(words.count..<(words.count + split.count))
      words += split
    }
    parts = WordList(words)
    self.partsOf = partsOf
    lengths = names.map { $0.split(separator: "+").reduce(0) { $0 + $1.count } }
  }
}

/// How an item's tagging works: which structured activities and which words point to it,
/// which phrases veto it, and its criteria. A keyword `A+B` matches when both parts occur.
public struct TagRule: Hashable, Sendable {
  public let code: String
  public let projectTypes: [String]
  public let criteria: [Criterion]
  /// Keywords (Chinese and English) and exclusions, precompiled for matching.
  let keywordPhrases: Phrases
  let exclusionPhrases: Phrases
  /// Lower-cased keywords, Chinese and English.
  public var keywords: [String] { keywordPhrases.names }
  public var exclusions: [String] { exclusionPhrases.names }
  /// Whether the activity replaces fossil fuels, so that naming them (替代燃煤锅炉) does not veto it.
  public let isFossilSubstitution: Bool
  /// `renewable_generation`, `energy_saving`, `vehicle` or `none`.
  public let reduction: String
  public let note: String
}

/// An EU taxonomy activity the tagger knows.
public struct EUActivity: Hashable, Sendable {
  public let code: String
  public let name: String
  public let projectTypes: [String]
  /// GB/T 4754 prefixes of borrowers whose own activity this is (3.7 cement: C3011).
  public let sectors: [String]
  public let criterion: Criterion
  public let source: String
}

public struct CatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The taxonomy tables: the 2025 catalogue, the 2021 catalogue, the crosswalk, the rules and
/// the EU activities, with their rule version.
public struct Catalogue: Sendable {
  public let items2025: [String: CatalogueItem]
  public let items2021: [String: CatalogueItem]
  /// 2025 code → 2021 codes (unofficial, by name).
  public let crosswalk: [String: [String]]
  public let rules: [TagRule]
  public let euActivities: [EUActivity]
  /// Version of the rule tables (`cn-gfc-2025-rules@2026.1`).
  public let ruleVersion: String

  /// The tables compiled into the library.
  public static let bundled: Catalogue = {
    do { return try Catalogue(files: BundledCatalogues.files) } catch {
      preconditionFailure("bundled catalogue tables are invalid: \(error)")  // a test guards this
    }
  }()

  /// Loads the tables from their bytes by file name.
  public init(files: [String: [UInt8]]) throws(CatalogueError) {
    func rows(_ name: String) throws(CatalogueError) -> [[String: String]] {
      guard let bytes = files[name] else { throw CatalogueError("missing table \(name)") }
      var header: [String] = []
      var out: [[String: String]] = []
      do {
        try CSVReader.read(bytes: bytes) { record in
          if header.isEmpty { header = record.strings; return }
          guard record.count == header.count else {
            throw CatalogueError("\(name):\(record.line): expected \(header.count) fields as in the header, found \(record.count)")
          }
          out.append(Dictionary(uniqueKeysWithValues: zip(header, record.strings)))
        }
      } catch { throw CatalogueError("\(name): \(error)") }
      return out
    }
    func items(_ name: String) throws(CatalogueError) -> [String: CatalogueItem] {
      var result: [String: CatalogueItem] = [:]
      for r in try rows(name) {
        let code = r["code"] ?? ""
        result[code] = CatalogueItem(code: code, level: Int(r["level"] ?? "") ?? 0, nameZH: r["name_zh"] ?? "",
                                     nameEN: r["name_en"] ?? "", parent: (r["parent_code"] ?? "").isEmpty ? nil : r["parent_code"],
                                     ghgMarker: r["ghg_contribution"] ?? "", industries: r["nbs_industry"] ?? "",
                                     criteria: r["criteria_zh"] ?? "")
      }
      return result
    }
    items2025 = try items("cn-gfc-2025-items.csv")
    items2021 = try items("cn-gbc-2021-items.csv")
    var crosswalk: [String: [String]] = [:]
    for r in try rows("crosswalk-2021-2025.csv") { crosswalk[r["gfc2025_code"]!, default: []].append(r["gbc2021_code"]!) }
    self.crosswalk = crosswalk
    func list(_ text: String?) -> [String] {
      (text ?? "").split(separator: "|").map { $0.trimmingSpaces.lowercased() }.filter { !$0.isEmpty }
    }
    var rules: [TagRule] = []
    for r in try rows("cn-gfc-2025-rules.csv") {
      let code = r["code"]!
      guard items2025[code] != nil else { throw CatalogueError("rule for unknown 2025 item \(code)") }
      rules.append(TagRule(code: code, projectTypes: list(r["project_types"]),
                           criteria: try (r["criteria"] ?? "none").split(separator: ";").map { t throws(CatalogueError) in
                             try Criterion(parsing: String(t))
                           },
                           keywordPhrases: Phrases(list(r["keywords_zh"]) + list(r["keywords_en"])),
                           exclusionPhrases: Phrases(list(r["exclusions"])),
                           isFossilSubstitution: r["fossil_substitution"] == "true",
                           reduction: r["reduction"] ?? "none", note: r["note"] ?? ""))
    }
    self.rules = rules
    var eu: [EUActivity] = []
    for r in try rows("eu-taxonomy-activities.csv") {
      eu.append(EUActivity(code: r["activity"]!, name: r["name"]!, projectTypes: list(r["project_types"]),
                           sectors: (r["sectors"] ?? "").split(separator: "|").map(String.init),
                           criterion: try Criterion(parsing: r["criterion"] ?? "none"), source: r["source"] ?? ""))
    }
    euActivities = eu
    ruleVersion = "cn-gfc-2025-rules@2026.1"
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
