public import Quantities

#if canImport(Glibc)
  import Glibc
#endif

/// The outcome of checking one file against a ``TableSchema``.
public struct ValidationReport: Hashable, Sendable {
  /// Data rows read (the header is not a row): always `accepted + rejected`.
  public var read = 0
  /// Rows that satisfy the schema.
  public var accepted = 0
  /// Rows written to the rejects.
  public var rejected = 0
  /// File-level warnings (unknown columns), each once.
  public var warnings: [String] = []
  /// Counters of the CSV pass.
  public var statistics = CSVReadStatistics()

  /// An empty report.
  public init() {}
}

/// Checks every row of a file against a schema: field count, required values, each field's
/// grammar, unique ids and companion columns. Rejected rows go to a ``RejectsWriter`` with
/// their line, column and reason; nothing is dropped silently.
public struct TableValidator {
  /// The schema rows are checked against.
  public let schema: TableSchema

  /// Creates a validator for `schema`.
  public init(schema: TableSchema) { self.schema = schema }

  /// Validates the file at `path`.
  ///
  /// - Parameters:
  ///   - path: the CSV file.
  ///   - rejects: where rejected rows are recorded.
  ///   - displayName: the file name used in messages (defaults to `path`).
  /// - Throws: ``InputError`` when the file cannot be read, is empty, or its header lacks a
  ///   required column.
  public func validate(file path: String, displayName: String? = nil,
                       rejects: RejectsWriter) throws -> ValidationReport
  {
    let name = displayName ?? path
    var report = ValidationReport()
    var binding: HeaderBinding?
    var checker: RowChecker?
    report.statistics = try CSVReader.read(file: path) { record in
      guard let checker else {
        if let issue = record.issue {
          throw InputError(file: name, message: "header line \(record.line): \(issue)")
        }
        let bound = try HeaderBinding(header: record.strings, schema: schema, file: name)
        if let warning = bound.unknownColumnsWarning { report.warnings.append(warning) }
        binding = bound
        checker = RowChecker(schema: schema, binding: bound, file: name)
        return
      }
      report.read += 1
      if let error = checker.check(record) {
        report.rejected += 1
        rejects.reject(error, raw: record.csvLine)
      } else {
        report.accepted += 1
      }
    }
    if binding == nil {
      throw InputError(file: name, message:
        "the file is empty; expected a header row naming the \(schema.name) columns "
        + schema.columns.filter(\.isRequired).map(\.name).joined(separator: ", "))
    }
    return report
  }
}

/// Row-level checks against a bound schema. Reusable by any module that streams a contract
/// file and wants the contract's field rules before its own.
public final class RowChecker {
  let schema: TableSchema
  let binding: HeaderBinding
  let file: String
  /// Field indices of unique columns and the values seen in each.
  private var uniqueFields: [Int] = []
  // A checker belongs to one thread (it is not Sendable): no dynamic exclusivity checks per row.
  @exclusivity(unchecked) private var seen: [ByteKeyTable] = []
  @exclusivity(unchecked) private var units = UnitCache()
  private let companionIndices: [(Int, Int, String, String)]
  /// Field indices of the schema's ``TableSchema/RegionInCountry`` columns when the file has both.
  private let regionInCountry: (Int, Int)?
  /// One check per schema column present in the file, as plain values (no reference counting
  /// per row); names, kinds and vocabularies sit beside them at the same position.
  private struct Step {
    var index: Int
    var isRequired: Bool
    /// Position in ``vocabularies`` for a `oneOf` column, else -1.
    var vocabulary: Int
  }
  private let steps: [Step]
  private let stepSpecs: [ColumnSpec]
  private let vocabularies: [Vocabulary]

  /// Creates a checker for `file`, whose header `binding` matched to `schema`.
  public init(schema: TableSchema, binding: HeaderBinding, file: String) {
    self.schema = schema
    self.binding = binding
    self.file = file
    companionIndices = schema.companions.compactMap { c in
      guard let a = binding.fieldIndex(of: c.column, in: schema) else { return nil }
      let b = binding.fieldIndex(of: c.requires, in: schema) ?? -1
      return (a, b, c.column, c.requires)
    }
    if let rule = schema.regionInCountry, let r = binding.fieldIndex(of: rule.region, in: schema),
       let c = binding.fieldIndex(of: rule.country, in: schema) {
      regionInCountry = (r, c)
    } else {
      regionInCountry = nil
    }
    var steps: [Step] = []
    var specs: [ColumnSpec] = []
    var vocabularies: [Vocabulary] = []
    for (spec, index) in zip(schema.columns, binding.fieldIndex) {
      guard let index else { continue }
      var vocabulary = -1
      if case .oneOf(let values) = spec.kind {
        vocabulary = vocabularies.count
        vocabularies.append(Vocabulary(values))
      }
      steps.append(Step(index: index, isRequired: spec.isRequired, vocabulary: vocabulary))
      specs.append(spec)
    }
    (self.steps, stepSpecs, self.vocabularies) = (steps, specs, vocabularies)
    for name in schema.uniqueColumns {
      if let i = binding.fieldIndex(of: name, in: schema) {
        uniqueFields.append(i)
        seen.append(ByteKeyTable())
      }
    }
  }

  /// The reason `record` must be rejected, or `nil` if it satisfies the schema.
  public func check(_ record: borrowing CSVRecord) -> RowError? {
    if let issue = record.issue {
      let column = issue.column
      return RowError(file: file, line: record.line, column: column,
                      columnName: column <= binding.header.count ? binding.header[column - 1] : nil,
                      reason: issue.reason)
    }
    guard record.count == binding.header.count else {
      return RowError(file: file, line: record.line, column: nil, columnName: nil, reason:
        "expected \(binding.header.count) fields as in the header, found \(record.count)")
    }
    for s in steps.indices {
      let step = steps[s]
      let field = record[step.index]
      if field.isEmpty {
        if step.isRequired {
          return RowError(file: file, line: record.line, column: step.index + 1, columnName: stepSpecs[s].name,
                          reason: "required value is missing")
        }
        continue
      }
      do throws(FieldIssue) {
        if step.vocabulary >= 0 {
          _ = try vocabularies[step.vocabulary].index(of: field)
        } else {
          try check(field, as: stepSpecs[s].kind)
        }
      } catch {
        return RowError(file: file, line: record.line, column: step.index + 1, columnName: stepSpecs[s].name,
                        issue: error, found: field)
      }
    }
    if let (r, c) = regionInCountry, !record[r].isEmpty, !record[c].isEmpty, record[r].count > 2 {
      let region = record.regionCode(r) ?? ""
      let country = record.string(at: c)
      if region.count > 2, !region.hasPrefix(country + "-") && region != "CN-" + country {
        return RowError(file: file, line: record.line, column: r + 1, columnName: binding.header[r],
                        reason: "region \(region) is not in country \(country); give a region of \(country) "
                          + "(\(country)-…) or correct the country")
      }
    }
    for (a, b, nameA, nameB) in companionIndices where !record[a].isEmpty {
      if b < 0 || record[b].isEmpty {
        return RowError(file: file, line: record.line, column: b < 0 ? a + 1 : b + 1,
                        columnName: nameB, reason: "required when \(nameA) is given")
      }
    }
    for k in uniqueFields.indices {
      let index = uniqueFields[k]
      if !seen[k].insert(record[index], value: record.line) {
        let first = seen[k].value(for: record[index]) ?? 0
        return RowError(file: file, line: record.line, column: index + 1,
                        columnName: binding.header[index],
                        reason: "duplicate value \"\(record.string(at: index))\" (first on line \(first)); "
                          + "it must be unique in the file")
      }
    }
    return nil
  }

  private func check(_ field: UnsafeBufferPointer<UInt8>, as kind: FieldKind) throws(FieldIssue) {
    switch kind {
    case .text: try FieldParser.checkText(field)
    case .identifier: try FieldParser.checkIdentifier(field)
    case .decimal: _ = try FieldParser.decimal(field)
    case .nonNegativeDecimal: _ = try FieldParser.nonNegativeDecimal(field)
    case .fraction: _ = try FieldParser.fraction(field)
    case .integer(let range): _ = try FieldParser.integer(field, in: range)
    case .date: _ = try FieldParser.date(field)
    case .boolean: _ = try FieldParser.boolean(field)
    case .period: _ = try FieldParser.period(field)
    case .oneOf(let values): _ = try FieldParser.oneOf(field, values)
    case .country: try FieldParser.checkCountry(field)
    case .region: try FieldParser.checkRegion(field)
    case .currency: _ = try FieldParser.currency(field)
    case .sector: try FieldParser.checkSector(field)
    case .unit: _ = try units.unit(field)
    case .activity: try FieldParser.checkActivity(field)
    }
  }
}

/// A small cache from a unit field's bytes to its parsed unit, so that per-row unit columns
/// cost a byte comparison instead of a `String` and a dictionary look-up.
public struct UnitCache: Sendable {
  private var keys: [[UInt8]] = []
  private var values: [Result<UnitOfMeasure, QuantityError>] = []

  /// An empty cache.
  public init() {}

  /// The unit spelled by `field`.
  ///
  /// - Throws: ``FieldIssue`` for an unknown unit.
  public mutating func unit(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> UnitOfMeasure {
    for (i, key) in keys.enumerated() where key.count == field.count {
      if key.withUnsafeBufferPointer({ $0.elementsEqual(field) }) { return try unwrap(values[i]) }
    }
    let text = String(decoding: field, as: UTF8.self)
    let result: Result<UnitOfMeasure, QuantityError>
    do { result = .success(try UnitOfMeasure(parsing: text)) } catch { result = .failure(error) }
    if keys.count < 64 {
      keys.append(Array(field))
      values.append(result)
    }
    return try unwrap(result)
  }

  private func unwrap(_ result: Result<UnitOfMeasure, QuantityError>) throws(FieldIssue) -> UnitOfMeasure {
    switch result {
    case .success(let unit): return unit
    case .failure(let error):
      throw FieldIssue(expected: "a known unit such as kWh, MWh, GJ, t, kg, L, Nm3, 10^4 Nm3, "
        + "万kWh, 吨, tkm, pkm or a currency code", detail: error.kind == .unknownUnit ? error.suggestion : "\(error)")
    }
  }
}

/// A fixed list of accepted values, precompiled to one `WordList` so that matching a field
/// costs byte comparisons only (no reference counting per value).
public struct Vocabulary: Hashable, Sendable {
  /// The accepted values, in order.
  public let values: [String]
  private let words: WordList

  /// Precompiles `values`.
  public init(_ values: [String]) {
    self.values = values
    words = WordList(values.map { Array($0.utf8) })
  }

  /// The index of the value spelled by `field`.
  ///
  /// - Throws: ``FieldIssue`` listing the accepted values.
  @inline(__always)
  public func index(of field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> Int {
    guard !field.isEmpty else { throw FieldIssue.empty }
    guard let i = words.index(of: field) else { throw FieldIssue(expected: "one of " + values.joined(separator: ", ")) }
    return i
  }
}

extension FieldParser {
  /// Decodes one of `values` (exact, case-sensitive), returning its index.
  public static func oneOf(_ field: UnsafeBufferPointer<UInt8>, _ values: [String]) throws(FieldIssue) -> Int {
    try Vocabulary(values).index(of: field)
  }

  /// Checks an activity key `<family>.<name>` whose family is in the vocabulary, as written
  /// or as ``ActivityKeySpelling`` reads it.
  public static func checkActivity(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) {
    if !isVocabularyActivity(field) { _ = try activityKey(field) }
  }

  /// Whether `field` is written exactly as the vocabulary writes keys: a known family, `.`,
  /// and a name of `a`–`z`, `0`–`9`, `_` and `.` that is not another name of a fuel (the
  /// common case, checked on the bytes).
  public static func isVocabularyActivity(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let dot = field.firstIndex(of: 0x2E), dot > 0, dot < field.count - 1 else { return false }
    let family = UnsafeBufferPointer(rebasing: field[..<dot])
    guard DataContract.activityFamilies.contains(where: { f in
      var f = f
      return f.withUTF8 { $0.elementsEqual(family) }
    }) else { return false }
    let name = UnsafeBufferPointer(rebasing: field[(dot + 1)...])
    guard name.allSatisfy({ b in (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2E })
    else { return false }
    // A fuel named as a standard names it (`stationary.petrol`) is read through ActivityKeySpelling.
    let isFuel = family.elementsEqual("stationary".utf8) || family.elementsEqual("mobile".utf8)
    return !isFuel || ActivityKeySpelling.vocabularyLookingFuelNames.index(of: name) == nil
  }

  /// The vocabulary key of an activity written another way (`Electricity.Grid`,
  /// `fugitive.R-410A`, `stationary.柴油`): see ``ActivityKeySpelling``.
  public static func activityKey(_ field: UnsafeBufferPointer<UInt8>) throws(FieldIssue) -> String {
    guard !field.isEmpty else { throw FieldIssue.empty }
    guard let key = ActivityKeySpelling.canonical(String(decoding: field, as: UTF8.self)) else { throw activityKeyIssue }
    return key
  }

  /// The issue of a malformed activity key (built only when one is found).
  private static var activityKeyIssue: FieldIssue {
    FieldIssue(expected: "an activity key <family>.<name> with family one of "
      + DataContract.activityFamilies.joined(separator: ", "))
  }
}
