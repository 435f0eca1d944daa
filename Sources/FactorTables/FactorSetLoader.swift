import Quantities
import Tabular
import FoundationEssentials

/// Reads a factor set's files into typed records, collecting every problem.
struct FactorSetLoader {
  let source: FactorFileSource
  var issues: [FactorSetIssue] = []

  var datasets: [String: DatasetInfo] = [:]
  var emissionFactors: [EmissionFactor] = []
  var fuelParameters: [FuelParameters] = []
  var gwp: [GWPSet: [String: GWPValue]] = [:]
  var blends: [String: [BlendComponent]] = [:]
  var coefficients: [ConversionCoefficient] = []
  var sectorIntensities: [SectorIntensity] = []
  var regions: [String: RegionLink] = [:]
  var seriesDefaults: [SeriesDefault] = []
  var regionMethods: [RegionMethod] = []
  var regionProxies: [RegionProxy] = []
  var fuelDensities: [FuelDensity] = []
  var moneyConversions: [MoneyConversion] = []
  var gradeBands: [String: [GradeBand]] = [:]

  init(source: FactorFileSource) { self.source = source }

  /// The dataset files, read once, and the manifest they give.
  mutating func readDatasets() throws(FactorSetError)
    -> (manifest: FactorManifest, contents: [String: [UInt8]], files: [String: [String]], paths: [String])
  {
    let paths = try source.listFiles()
    var filesByDataset: [String: [String]] = [:]
    for path in paths where path.contains("/") {
      let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
      filesByDataset[parts[0], default: []].append(parts[1])
    }
    if filesByDataset.isEmpty {
      throw FactorSetError([FactorSetIssue(file: source.name, message:
        "no dataset folders (a folder with dataset.json) found")])
    }
    var entries: [FactorManifest.Entry] = []
    var contents: [String: [UInt8]] = [:]
    for (id, files) in filesByDataset.sorted(by: { $0.key < $1.key }) {
      var hashed: [(name: String, bytes: [UInt8])] = []
      for file in files {
        let bytes = try source.contents(of: id + "/" + file)
        contents[id + "/" + file] = bytes
        hashed.append((file, bytes))
      }
      guard let infoBytes = contents[id + "/dataset.json"] else { continue }
      let info: DatasetInfo
      do { info = try JSON.decode(DatasetInfo.self, from: infoBytes) } catch {
        issues.append(FactorSetIssue(file: id + "/dataset.json", message: "not valid dataset metadata: \(error)"))
        continue
      }
      if info.id != id {
        issues.append(FactorSetIssue(file: id + "/dataset.json", message:
          "id \"\(info.id)\" differs from its folder name \"\(id)\""))
      }
      datasets[id] = info
      entries.append(FactorManifest.Entry(id: id, version: info.version, licence: info.licence,
                                          official: info.official,
                                          digest: FactorManifest.datasetDigest(hashed),
                                          files: files.sorted()))
    }
    return (FactorManifest(entries: entries), contents, filesByDataset, paths)
  }

  mutating func load(verifyingDigests: Bool) throws(FactorSetError) -> FactorSet {
    // Digests first: a set that does not match its manifest is not read further.
    let (computed, contents, filesByDataset, paths) = try readDatasets()
    if verifyingDigests {
      verify(computed, against: paths.contains("manifest.json") ? try source.contents(of: "manifest.json") : nil)
      if !issues.isEmpty { throw FactorSetError(issues) }
    }

    for (id, info) in datasets.sorted(by: { $0.key < $1.key }) {
      for table in info.tables {
        let path = id + "/" + table.file
        guard let bytes = contents[path] else {
          issues.append(FactorSetIssue(file: path, message: "listed in dataset.json but missing"))
          continue
        }
        readTable(bytes, kind: table.kind, path: path, dataset: info)
      }
      let listed = Set(info.tables.map(\.file) + ["dataset.json"])
      for file in filesByDataset[id] ?? [] where file.hasSuffix(".csv") && !listed.contains(file) {
        issues.append(FactorSetIssue(file: id + "/" + file, message:
          "CSV file not listed in dataset.json's tables; list it with its kind or remove it"))
      }
    }

    let set = FactorSet(datasets: datasets, manifest: computed, emissionFactors: emissionFactors,
                        fuelParameters: fuelParameters, gwp: gwp, blends: blends,
                        coefficients: coefficients, sectorIntensities: sectorIntensities,
                        regions: regions, seriesDefaults: seriesDefaults, regionMethods: regionMethods,
                        regionProxies: regionProxies, fuelDensities: fuelDensities,
                        moneyConversions: moneyConversions, gradeBands: gradeBands,
                        sourceName: source.name)
    issues += FactorSetValidator.issues(in: set)
    if !issues.isEmpty { throw FactorSetError(issues) }
    return set
  }

  private mutating func verify(_ computed: FactorManifest, against manifestBytes: [UInt8]?) {
    guard let manifestBytes else {
      issues.append(FactorSetIssue(file: "manifest.json", message:
        "missing; create it with `greenledger factors manifest --factors DIR`"))
      return
    }
    let recorded: FactorManifest
    do { recorded = try FactorManifest.decode(manifestBytes) } catch {
      issues.append(FactorSetIssue(file: "manifest.json", message: "not a valid manifest: \(error)"))
      return
    }
    let recordedByID = Dictionary(recorded.datasets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for entry in computed.datasets {
      guard let r = recordedByID[entry.id] else {
        issues.append(FactorSetIssue(file: "manifest.json", message:
          "dataset \(entry.id) is not in the manifest; review it and regenerate the manifest"))
        continue
      }
      if r.digest != entry.digest {
        issues.append(FactorSetIssue(file: entry.id, message:
          "digest mismatch: manifest has \(r.digest), files give \(entry.digest); "
          + "the tables changed since the manifest was made"))
      }
      if r.version != entry.version {
        issues.append(FactorSetIssue(file: entry.id + "/dataset.json", message:
          "version \(entry.version) differs from the manifest's \(r.version)"))
      }
    }
    for r in recorded.datasets where !computed.datasets.contains(where: { $0.id == r.id }) {
      issues.append(FactorSetIssue(file: "manifest.json", message: "dataset \(r.id) is listed but missing"))
    }
    if issues.isEmpty, recorded.factorSetDigest != computed.factorSetDigest {
      issues.append(FactorSetIssue(file: "manifest.json", message:
        "factor-set digest mismatch: manifest has \(recorded.factorSetDigest), datasets give \(computed.factorSetDigest)"))
    }
  }

  // MARK: Tables

  /// Reads one CSV table, checking it against its kind's schema; calls `row` per valid row.
  mutating func rows(_ bytes: [UInt8], schema: TableSchema, path: String,
                             _ row: (inout FactorSetLoader, Row) -> Void)
  {
    var binding: HeaderBinding?
    var checker: RowChecker?
    var collected: [Row] = []
    var problems: [FactorSetIssue] = []
    do {
      try CSVReader.read(bytes: bytes) { record in
        guard let checker, let binding else {
          let b = try HeaderBinding(header: record.strings, schema: schema, file: path)
          if !b.unknownColumns.isEmpty {
            problems.append(FactorSetIssue(file: path, line: 1, message:
              "unknown column\(b.unknownColumns.count == 1 ? "" : "s") "
              + b.unknownColumns.joined(separator: ", ") + " for a \(schema.name) table"))
          }
          binding = b
          checker = RowChecker(schema: schema, binding: b, file: path)
          return
        }
        if let error = checker.check(record) {
          problems.append(FactorSetIssue(file: path, line: error.line, column: error.columnName,
                                         message: error.reason))
          return
        }
        var values: [String: String] = [:]
        for (spec, index) in zip(schema.columns, binding.fieldIndex) {
          if let index, !record[index].isEmpty { values[spec.name] = record.string(at: index) }
        }
        collected.append(Row(path: path, line: record.line, values: values))
      }
    } catch let error as InputError {
      problems.append(FactorSetIssue(file: path, message: error.message))
    } catch {
      problems.append(FactorSetIssue(file: path, message: "\(error)"))
    }
    if binding == nil, problems.isEmpty {
      problems.append(FactorSetIssue(file: path, message: "empty table; expected a header row"))
    }
    issues += problems
    for r in collected { row(&self, r) }
  }

  struct Row {
    let path: String
    let line: Int
    let values: [String: String]

    subscript(_ name: String) -> String { values[name] ?? "" }
    func optional(_ name: String) -> String? { values[name] }
    /// Decimals and dates were checked by the schema, so these conversions succeed.
    func number(_ name: String) -> Double { Double(self[name]) ?? .nan }
    func day(_ name: String) -> Day? {
      values[name].flatMap(Day.init(iso:))
    }
    var validity: Validity { Validity(from: day("valid_from"), to: day("valid_to")) }
    func citation() -> Citation {
      Citation(publisher: self["publisher"], source: self["source"], year: self["year"],
               url: self["url"], note: self["note"])
    }
  }

  /// Parses column `column` of `row` with `parse`, recording the problem when it fails.
  mutating func parsed<T>(_ row: Row, _ column: String, _ parse: (String) throws(FieldIssue) -> T) -> T? {
    do throws(FieldIssue) { return try parse(row[column]) } catch {
      issue(row, column, "expected \(error.expected), found \"\(row[column])\"" + (error.detail.map { " (\($0))" } ?? ""))
      return nil
    }
  }

  mutating func issue(_ row: Row, _ column: String, _ message: String) {
    issues.append(FactorSetIssue(file: row.path, line: row.line, column: column, message: message))
  }
}
