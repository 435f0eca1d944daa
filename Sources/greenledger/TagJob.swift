import ArgumentParser
import GreenLedger

/// One pass of loans.csv through the tagger, in partitions on several threads.
struct TagJob: Sendable {
  let tagger: GreenTagger
  let taxonomies: [String]
  let rates: ExchangeRates
  let book: BorrowerBook?
  let grades: [String: (Int?, String?)]
  let name: String
  let shard: Shard?

  /// tags.csv: the contract's columns, GreenLedger's additions, and `line` (the loan's line in
  /// loans.csv) last, which `greenledger merge` orders shards by.
  static let columns = [
    "loan_id", "taxonomy", "code", "name", "status", "evidence", "annual_reduction_tco2e", "rule_version",
    "missing_evidence", "flags", "ghg_marker", "attributed_reduction_tco2e", "standard_coal_saved_tce", "line",
  ]

  /// summary.json of a tag run (or of merged tag shards).
  static func summary(read: Int, accepted: Int, taxonomies: [String], ruleVersion: String, factorDigest: String) -> JSONValue {
    .object([
      ("command", .string("tag")),
      ("rows", .object([("read", .int(read)), ("accepted", .int(accepted)), ("rejected", .int(read - accepted))])),
      ("taxonomies", .array(taxonomies.map { .string($0) })),
      ("rule_version", .string(ruleVersion)),
      ("factor_set_digest", .string(factorDigest)),
    ])
  }

  struct Partition: SpillingPartition, @unchecked Sendable {
    var checker: RowChecker
    /// For reject messages (any column by name).
    var c: ColumnIndex
    var fields: Fields
    var files: PartitionFiles
    var spill: IDSpill?
    var summary = GreenLoanStatistics()
    var read = 0
    var warning: String?
  }

  func pass(loans: String, threads: Int, workDirectory: String, duplicates: [Int: Int]?, progress: Progress) throws -> [Partition] {
    let counter = Counter()
    let schema = DataContract.loans.withoutUniqueColumns  // loan_id uniqueness: IDSpill
    let (states, _) = try CSVReader.readPartitioned(
      file: loans, partitions: max(1, threads),
      makeState: { header, partition in
        let n = counter.next()
        let run = duplicates == nil ? "a" : "b"
        let binding = try HeaderBinding(header: header, schema: schema, file: name)
        let columns = ColumnIndex(binding: binding, schema: schema)
        return Partition(checker: RowChecker(schema: schema, binding: binding, file: name),
                         c: columns, fields: Fields(columns),
                         files: try PartitionFiles(directory: workDirectory, stem: "tags", id: "\(run)\(n)",
                                                   partition: partition, header: TagJob.columns),
                         spill: duplicates == nil ? try IDSpill(prefix: "\(workDirectory)/ids-\(n)") : nil,
                         warning: binding.unknownColumnsWarning)
      },
      body: { p, r in self.consume(r, into: &p, duplicates: duplicates, progress: progress) })
    return states
  }

  /// Field indices of the loans.csv columns the tagger reads, resolved once per file (no
  /// dictionary look-up per row).
  struct Fields: Sendable {
    let loanID: Int?
    let borrowerId: Int?
    let currency: Int?
    let outstanding: Int?
    let useOfProceeds: Int?
    let projectType: Int?
    let projectRegion: Int?
    let declaredGreenCode: Int?
    let originationDate: Int?
    let capacityMw: Int?
    let annualGenerationMwh: Int?
    let lifecycleGco2ePerKwh: Int?
    let vehicleGco2PerKm: Int?
    let annualKm: Int?
    let epcLabel: Int?
    let floorAreaM2: Int?
    let annualEnergySavingTce: Int?
    let projectValue: Int?
    let assetClass: Int?
    let approvalDate: Int?
    let pue: Int?

    init(_ c: ColumnIndex) {
      loanID = c["loan_id"]
      borrowerId = c["borrower_id"]
      currency = c["currency"]
      outstanding = c["outstanding"]
      useOfProceeds = c["use_of_proceeds"]
      projectType = c["project_type"]
      projectRegion = c["project_region"]
      declaredGreenCode = c["declared_green_code"]
      originationDate = c["origination_date"]
      capacityMw = c["capacity_mw"]
      annualGenerationMwh = c["annual_generation_mwh"]
      lifecycleGco2ePerKwh = c["lifecycle_gco2e_per_kwh"]
      vehicleGco2PerKm = c["vehicle_gco2_per_km"]
      annualKm = c["annual_km"]
      epcLabel = c["epc_label"]
      floorAreaM2 = c["floor_area_m2"]
      annualEnergySavingTce = c["annual_energy_saving_tce"]
      projectValue = c["project_value"]
      assetClass = c["asset_class"]
      approvalDate = c["approval_date"]
      pue = c["pue"]
    }
  }

  private func consume(_ r: borrowing CSVRecord, into p: inout Partition, duplicates: [Int: Int]?, progress: Progress) {
    let f = p.fields
    if let shard, !shard.owns(r, idField: f.loanID) { return }
    p.read += 1
    if p.read & 4095 == 0 { progress.advance(by: 4096) }
    func reject(_ column: String, _ reason: String) {
      p.files.rejects.reject(RowError(file: name, line: r.line, column: p.c[column].map { $0 + 1 }, columnName: column,
                                      reason: reason), raw: r.csvLine)
    }
    if let e = p.checker.check(r) { p.files.rejects.reject(e, raw: r.csvLine); return }
    if let first = duplicates?[r.line] {
      reject("loan_id", "duplicate value \"\(r.text(f.loanID) ?? "")\" (first on line \(first)); it must be unique in the file")
      return
    }
    do { try p.spill?.add(r[f.loanID!], line: r.line) } catch {
      reject("loan_id", "cannot record the id for the duplicate check: \(error)")
      return
    }
    let currency = r.currency(f.currency)!
    guard let cny = rates.converted(r.decimal(f.outstanding)!, from: currency) else {
      reject("currency", "no exchange rate for \(currency) into CNY; add it to the --fx file")
      return
    }
    var facts = LoanFacts(loanID: r.text(f.loanID)!)
    facts.useOfProceeds = r.text(f.useOfProceeds)
    facts.projectType = r.text(f.projectType)
    facts.projectRegion = r.regionCode(f.projectRegion)
    facts.declaredCode = r.text(f.declaredGreenCode)
    facts.originationDate = r.field(f.originationDate).flatMap { try? FieldParser.date($0) }
    facts.capacityMW = r.decimal(f.capacityMw)
    facts.annualGenerationMWh = r.decimal(f.annualGenerationMwh)
    facts.lifecycleGCO2ePerKWh = r.decimal(f.lifecycleGco2ePerKwh)
    facts.vehicleGCO2PerKm = r.decimal(f.vehicleGco2PerKm)
    facts.annualKm = r.decimal(f.annualKm)
    facts.epcLabel = r.text(f.epcLabel)
    facts.floorAreaM2 = r.decimal(f.floorAreaM2)
    facts.annualEnergySavingTCE = r.decimal(f.annualEnergySavingTce)
    facts.outstanding = r.decimal(f.outstanding)
    facts.projectValue = r.decimal(f.projectValue)
    facts.approvalDate = r.field(f.approvalDate).flatMap { try? FieldParser.date($0) }
    facts.pue = r.decimal(f.pue)
    if r.text(f.assetClass) == "corporate_bond" { facts.product = .bond }
    if let id = r.text(f.borrowerId) {
      if let book, book[id] == nil {
        reject("borrower_id", book.missingBorrowerReason(id))
        return
      }
      facts.borrowerSector = book?[id]?.sector
      (facts.borrowerCarbonGrade, facts.borrowerCarbonLevel) = grades[id] ?? (nil, nil)
    }
    let tags = tagger.tag(facts, taxonomies: taxonomies)
    for t in tags {
      p.files.output.writeRow([t.loanID, t.taxonomy, t.code ?? "", t.name ?? "", t.status.rawValue, t.evidence.joined(separator: "; "),
                         t.annualReduction.map { DecimalFormat.fixed($0, places: 6) } ?? "", t.ruleVersion,
                         t.missingEvidence.joined(separator: "; "), t.flags.joined(separator: ";"), t.ghgMarker ?? "",
                         t.attributedReduction.map { DecimalFormat.fixed($0, places: 6) } ?? "",
                         t.standardCoalSavedTCE.map { DecimalFormat.trimmed($0, places: 6) } ?? "", String(r.line)])
    }
    p.summary.add(tags, outstandingCNY: cny)
  }
}
