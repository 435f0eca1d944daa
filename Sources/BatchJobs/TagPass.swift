package import FinancedEmissions
import LoanBook
import Quantities
package import Tabular
package import Tagging

/// One pass of loans.csv through the tagger, in partitions on several threads.
package struct TagPass: Sendable {
  package let tagger: GreenTagger
  package let taxonomies: [String]
  package let rates: ExchangeRates
  package let book: BorrowerBook?
  package let grades: [String: (Int?, String?)]
  package let name: String
  package let shard: Shard?
  /// Partition sizes and limits of the read.
  package var readOptions = CSVReadOptions()

  /// tags.csv: the contract's columns, GreenLedger's additions, and `line` (the loan's line in
  /// loans.csv) last, which `greenledger merge` orders shards by.
  package static let columns = [
    "loan_id", "taxonomy", "code", "name", "status", "evidence", "annual_reduction_tco2e", "rule_version",
    "missing_evidence", "flags", "ghg_marker", "attributed_reduction_tco2e", "standard_coal_saved_tce", "line",
  ]

  /// summary.json of a tag run (or of merged tag shards).
  package static func summary(read: Int, accepted: Int, taxonomies: [String], ruleVersion: String, factorDigest: String) -> JSONValue {
    .object([
      ("command", .string("tag")),
      ("rows", .object([("read", .int(read)), ("accepted", .int(accepted)), ("rejected", .int(read - accepted))])),
      ("taxonomies", .array(taxonomies.map { .string($0) })),
      ("rule_version", .string(ruleVersion)),
      ("factor_set_digest", .string(factorDigest)),
    ])
  }

  package struct Partition: SpillingPartition, @unchecked Sendable {
    var checker: RowChecker
    /// For reject messages (any column by name).
    var c: ColumnIndex
    var fields: LoanColumns
    /// The rows' lines in the original file when an engine split it (``SourceLine``).
    var source: SourceLine
    package var files: PartitionFiles
    package var spill: IDSpill?
    package var summary = GreenLoanStatistics()
    package var read = 0
    package var warning: String?
  }

  package func pass(loans: String, threads: Int, workDirectory: String, duplicates: [Int: Int]?, progress: (any ProgressReporting)?) throws -> [Partition] {
    let counter = PartitionCounter()
    let schema = DataContract.loans.withoutUniqueColumns  // loan_id uniqueness: IDSpill
    let (states, _) = try CSVReader.readPartitioned(
      file: loans, partitions: max(1, threads), options: readOptions,
      makeState: { header, partition in
        let n = counter.next()
        let run = duplicates == nil ? "a" : "b"
        let binding = try HeaderBinding(header: header, schema: schema, file: name)
        let columns = ColumnIndex(binding: binding, schema: schema)
        return Partition(checker: RowChecker(schema: schema, binding: binding, file: name),
                         c: columns, fields: LoanColumns(columns), source: SourceLine(header: header),
                         files: try PartitionFiles(directory: workDirectory, stem: "tags", id: "\(run)\(n)",
                                                   partition: partition, header: TagPass.columns),
                         spill: duplicates == nil ? try IDSpill(prefix: "\(workDirectory)/ids-\(n)") : nil,
                         warning: binding.unknownColumnsWarning)
      },
      body: { p, r in self.consume(r, into: &p, duplicates: duplicates, progress: progress) })
    return states
  }

  private func consume(_ r: borrowing CSVRecord, into p: inout Partition, duplicates: [Int: Int]?, progress: (any ProgressReporting)?) {
    let f = p.fields
    if let shard, !p.source.isSplit, !shard.owns(r, idField: f.loanID) { return }
    let line = p.source.line(of: r)
    p.read += 1
    if p.read & 4095 == 0 { progress?.advance(by: 4096) }
    func reject(_ column: String, _ reason: String) {
      p.files.rejects.reject(RowError(file: name, line: line, column: p.c[column].map { $0 + 1 }, columnName: column,
                                      reason: reason), raw: p.source.raw(r))
    }
    if let e = p.checker.check(r) { p.files.rejects.reject(p.source.relocated(e, r), raw: p.source.raw(r)); return }
    if let first = duplicates?[line] {
      reject("loan_id", "duplicate value \"\(r.text(f.loanID) ?? "")\" (first on line \(first)); it must be unique in the file")
      return
    }
    do { try p.spill?.add(r[f.loanID!], line: line) } catch {
      reject("loan_id", "cannot record the id for the duplicate check: \(error)")
      return
    }
    let currency = r.currency(f.currency)!
    guard let cny = rates.converted(r.decimal(f.outstanding)!, from: currency) else {
      reject("currency", "no exchange rate for \(currency) into CNY; add it to the --fx file")
      return
    }
    var facts = LoanFacts(f.loan(r))
    if let id = r.text(f.borrowerID) {
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
                         t.standardCoalSavedTCE.map { DecimalFormat.trimmed($0, places: 6) } ?? "", String(line)])
    }
    p.summary.add(tags, outstandingCNY: cny)
  }
}
