import FactorTables
package import FinancedEmissions
import LoanBook
import Quantities
package import Tabular

/// One pass of loans.csv through financed emissions, in partitions read on several
/// threads; outputs are written per partition and concatenated in file order, totals are
/// exact and merged, so any thread count gives the same bytes.
package struct FinancePass: Sendable {
  let calculator: FinancedEmissionsCalculator
  let book: BorrowerBook
  let green: Set<String>
  let shard: Shard?
  /// Partition sizes and limits of the read.
  package var readOptions = CSVReadOptions()
  /// Run the benchmark job finance-basic instead of PCAF.
  let basic: Bool
  let loansName: String
  /// Shows progress on standard error.
  var progress: (any ProgressReporting)?
  /// finance-basic: each borrower's terms, by position in the book.
  let basicTerms: [FinanceBasic.BorrowerTerms]
  /// The year of the reporting date, which sets the scope 3 phase-in (``Scope3PhaseIn``).
  let reportingYear: Int
  /// Whether each borrower's financed scope 3 is required in that year, by position in the book;
  /// and whether a loan without a borrower's is.
  let scope3Required: (byBorrower: [Bool], withoutBorrower: Bool)

  package init(calculator: FinancedEmissionsCalculator, book: BorrowerBook, green: Set<String>, shard: Shard?,
       basic: Bool, loansName: String, threads: Int, reportingYear: Int)
  {
    self.reportingYear = reportingYear
    let requirement = Scope3PhaseIn.bundled.requirement(reportingYear: reportingYear)
    scope3Required = (book.borrowers.map { requirement.covers($0.sector) }, requirement.covers(nil))
    self.calculator = calculator
    self.book = book
    self.green = green
    self.shard = shard
    self.basic = basic
    self.loansName = loansName
    let (rates, intensities) = (calculator.exchangeRates, calculator.sectorIntensities)
    basicTerms = basic ? book.borrowers.concurrentMap(threads: threads) {
      FinanceBasic.BorrowerTerms($0, rates: rates, intensities: intensities)
    } : []
  }

  /// financed.csv: the contract's columns, then GreenLedger's additions; `line` (the loan's
  /// line in loans.csv) last, which `greenledger merge` orders shards by.
  package static let columns = [
    "loan_id", "borrower_id", "asset_class", "attribution_factor", "financed_scope1_tco2e",
    "financed_scope2_tco2e", "financed_scope3_tco2e", "data_quality_score", "method",
    "financed_scope12_tco2e", "data_quality_score_scope3", "financed_scope1_incl_lulucf_tco2e",
    "outstanding_cny", "status", "reason", "emissions_source", "flags", "line",
  ]
  package static let basicColumns = ["loan_id", "attribution_factor", "financed_tco2e"]
  /// The per-loan output's columns for this job's profile.
  package var outputColumns: [String] { basic ? Self.basicColumns : Self.columns }

  struct Partition: SpillingPartition, @unchecked Sendable {
    var checker: RowChecker
    var decoder: LoanColumns
    /// The rows' lines in the original file when an engine split it (``SourceLine``).
    var source: SourceLine
    var files: PartitionFiles
    /// Ids of this partition's rows, spilled to bucket files (nil in a second pass).
    var spill: IDSpill?
    var read = 0
    var accepted = 0
    var totals = PortfolioTotals()
    var byClass = [PortfolioTotals](repeating: PortfolioTotals(), count: AssetClass.allCases.count)
    var bySector: [String: PortfolioTotals] = [:]
    /// Loans whose financed scope 3 is required (index 0) and not yet required (1).
    var byScope3Requirement = [PortfolioTotals](repeating: PortfolioTotals(), count: 2)
    /// Borrower position → (loans, Σ attribution factor in 10^-12 quanta).
    var attribution: [Int: (Int, Int128)] = [:]
    var basic = FinanceBasicTotals()
    var warning: String?
  }

  package struct Result {
    package init() {}
    package var read = 0
    package var accepted = 0
    package var rejected = 0
    package var skipped = 0
    package var totals = PortfolioTotals()
    package var byClass = [PortfolioTotals](repeating: PortfolioTotals(), count: AssetClass.allCases.count)
    package var bySector: [String: PortfolioTotals] = [:]
    /// Loans whose financed scope 3 is required (index 0) and not yet required (1) in ``reportingYear``.
    package var byScope3Requirement = [PortfolioTotals](repeating: PortfolioTotals(), count: 2)
    /// The year of the reporting date (`nil` when merged shards do not say it).
    package var reportingYear: Int?
    package var attribution: [Int: (Int, Int128)] = [:]
    package var basicTotals = FinanceBasicTotals()
    /// Each partition's part of the output and its rejects, in file order.
    package var files: [PartitionFiles] = []
    package var warnings: [String] = []
  }

  package func perform(loans path: String, threads: Int, workDirectory: String) throws -> Result {
    let parts = try IDSpill.uniquePasses { duplicates in
      try pass(loans: path, threads: threads, workDirectory: workDirectory, duplicates: duplicates)
    }
    var r = Result()
    for (i, p) in parts.enumerated() {
      try p.files.close()
      r.read += p.read
      r.accepted += p.accepted
      r.rejected += p.files.rejects.count
      r.totals.merge(p.totals)
      for k in r.byClass.indices { r.byClass[k].merge(p.byClass[k]) }
      r.bySector.merge(p.bySector) { var a = $0; a.merge($1); return a }
      for k in r.byScope3Requirement.indices { r.byScope3Requirement[k].merge(p.byScope3Requirement[k]) }
      r.attribution.merge(p.attribution) { ($0.0 + $1.0, $0.1 + $1.1) }
      r.basicTotals.merge(p.basic)
      r.files.append(p.files)
      if i == 0, let w = p.warning { r.warnings.append(w) }
    }
    r.skipped = 0
    r.reportingYear = reportingYear
    return r
  }

  private func pass(loans path: String, threads: Int, workDirectory: String, duplicates: [Int: Int]?) throws -> [Partition] {
    try FileSystem.createDirectory(workDirectory)
    let counter = PartitionCounter()
    let name = loansName
    // Validate the columns this job reads (loan_id uniqueness is checked across partitions).
    var used: Set<String> = ["loan_id", "borrower_id", "asset_class", "currency", "outstanding", "project_value"]
    if !basic {
      used.formUnion(["origination_date", "project_type", "project_region", "property_value", "floor_area_m2",
                      "energy_kwh", "epc_label", "vehicle_gco2_per_km", "annual_km"])
    }
    let checked = used  // decoded too: nothing unchecked reaches a Loan
    let uniqueFree = DataContract.loans.restricted(to: checked).withoutUniqueColumns
    let (states, _) = try CSVReader.readPartitioned(
      file: path, partitions: max(1, threads), options: readOptions,
      makeState: { header, partition in
        let n = counter.next()
        let binding = try HeaderBinding(header: header, schema: DataContract.loans, file: name)
        let run = duplicates == nil ? "a" : "b"  // the second pass never shares a file with the first
        let checkedBinding = try HeaderBinding(header: header, schema: uniqueFree, file: name)
        return Partition(checker: RowChecker(schema: uniqueFree, binding: checkedBinding, file: name),
                         decoder: LoanColumns(binding: binding, checked: checked), source: SourceLine(header: header),
                         files: try PartitionFiles(directory: workDirectory, stem: "financed", id: "\(run)\(n)",
                                                   partition: partition, header: outputColumns),
                         spill: duplicates == nil ? try IDSpill(prefix: "\(workDirectory)/ids-\(n)") : nil,
                         warning: binding.unknownColumnsWarning)
      },
      body: { p, record in self.consume(record, into: &p, duplicates: duplicates) })
    return states
  }

  private func consume(_ record: borrowing CSVRecord, into p: inout Partition, duplicates: [Int: Int]?) {
    if let shard, !p.source.isSplit, !shard.owns(record, idField: p.decoder.loanID) { return }
    let line = p.source.line(of: record)
    p.read += 1
    if p.read & 4095 == 0 { progress?.advance(by: 4096) }
    if let error = p.checker.check(record) {
      p.files.rejects.reject(p.source.relocated(error, record), raw: p.source.raw(record))
      return
    }
    let idField = record[p.decoder.loanID!]
    if let first = duplicates?[line] {
      reject(record, line: line, column: "loan_id", "duplicate loan_id \"\(record.string(at: p.decoder.loanID!))\" "
        + "(first on line \(first)); it must be unique in the file", &p)
      return
    }
    do { try p.spill?.add(idField, line: line) } catch {
      reject(record, line: line, column: "loan_id", "cannot record the id for the duplicate check: \(error)", &p)
      return
    }
    let position = book.position(ofField: p.decoder.borrowerID, in: record)
    if basic {
      consumeBasic(record, borrower: position, into: &p)
      return
    }
    let loan = p.decoder.loan(record)
    let borrower = position.map { book.borrowers[$0] }
    if let id = loan.borrowerID, borrower == nil {
      reject(record, line: line, column: "borrower_id", book.missingBorrowerReason(id.rawValue), &p)
      return
    }
    let e: FinancedEmission
    do throws(LoanRejection) {
      e = try calculator.evaluate(loan, borrower: borrower)
    } catch {
      reject(record, line: line, column: error.column, error.message, &p)
      return
    }
    let isGreen = green.contains(loan.id.rawValue)
    do {
      var next = p.totals
      try next.add(e, isGreen: isGreen)
      try p.byClass[AssetClass.allCases.firstIndex(of: e.assetClass)!].add(e, isGreen: isGreen)
      try p.bySector[String((e.sector ?? "-").prefix(1)), default: PortfolioTotals()].add(e, isGreen: isGreen)
      let required = position.map { scope3Required.byBorrower[$0] } ?? scope3Required.withoutBorrower
      try p.byScope3Requirement[required ? 0 : 1].add(e, isGreen: isGreen)
      p.totals = next
    } catch {
      let text = p.decoder.fieldNumber(of: "outstanding").map { CSVRecord.quoted(record[$0 - 1]) } ?? "?"
      reject(record, line: line, column: "outstanding", "outstanding \(text) gives financed amounts too large to sum exactly "
        + "(to 10⁻⁴ of the currency and 1 g CO2e); check the amount and its unit", &p)
      return
    }
    p.accepted += 1
    if let af = e.attributionFactor, let position, let q = try? ExactSum.quanta(of: af, decimalPlaces: 12) {
      let (n, sum) = p.attribution[position] ?? (0, 0)
      p.attribution[position] = (n + 1, sum + Int128(q))
    }
    write(e, line: line, to: p.files.output)
  }

  private func consumeBasic(_ record: borrowing CSVRecord, borrower: Int?, into p: inout Partition) {
    let fields = p.decoder.basicFields(record)
    let r = FinanceBasic.evaluate(assetClass: fields.assetClass, outstanding: fields.outstanding,
                                  rate: calculator.exchangeRates.rate(fields.currency),
                                  projectValue: fields.projectValue, borrower: borrower.map { basicTerms[$0] })
    p.accepted += 1
    p.basic.loans += 1
    if let o = r.outstandingCNY { try? p.basic.outstanding.add(o) }
    if let reason = r.reason {
      p.basic.reasons[FinanceBasic.Reason.allCases.firstIndex(of: reason)!] += 1
    } else {
      p.basic.scored += 1
      if let o = r.outstandingCNY { try? p.basic.outstandingScored.add(o) }
      try? p.basic.financed.add(r.financed!)
    }
    p.files.output.writeField(bytes: record[p.decoder.loanID!])
    p.files.output.writeShortest(r.attributionFactor)
    p.files.output.writeShortest(r.financed)
    p.files.output.endRow()
  }

  private func reject(_ record: borrowing CSVRecord, line: Int, column: String, _ message: String, _ p: inout Partition) {
    let i = DataContract.loans.columns.firstIndex { $0.name == column }
    p.files.rejects.reject(RowError(file: loansName, line: line, column: p.decoder.fieldNumber(of: column) ?? i.map { $0 + 1 },
                              columnName: column, reason: message), raw: p.source.raw(record))
  }

  private func write(_ e: FinancedEmission, line: Int, to w: CSVWriter) {
    w.writeField(e.loanID.rawValue)
    w.writeField(e.borrowerID?.rawValue ?? "")
    w.writeField(e.assetClass.rawValue)
    w.writeShortest(e.attributionFactor)
    w.writeDecimal(e.scope1, places: 6)
    w.writeDecimal(e.scope2, places: 6)
    w.writeDecimal(e.scope3, places: 6)
    w.writeField(e.dataQuality.map(String.init) ?? "")
    w.writeField(e.isScored ? e.method : "")
    w.writeDecimal(e.scope12, places: 6)
    w.writeField(e.dataQualityScope3.map(String.init) ?? "")
    w.writeDecimal(e.scope1IncludingLULUCF, places: 6)
    w.writeDecimal(e.outstanding, places: 2)
    w.writeField(e.isScored ? "scored" : "unscored")
    w.writeField(e.unscored.map { "\($0.rawValue): \(e.detail ?? "")" } ?? "")
    w.writeField(e.emissionsSource ?? "")
    w.writeField(e.flags.joined(separator: ";"))
    w.writeDecimal(Double(line), places: 0)
    w.endRow()
  }
}

