package import LoanBook
package import Accounting
package import FactorTables
package import Tabular

/// One pass of activities through the accounting, in partitions.
package struct AccountingPass {
  package var accounting: CarbonAccounting
  package var read = 0
  package var accepted = 0
  package var rejected = 0
  package var lineCount = 0
  package var lineFiles: [String] = []
  package var rejectFiles: [String] = []
  package var warnings: [String] = []

  struct Partition: @unchecked Sendable {
    var accounting: CarbonAccounting
    var decoder: ActivityDecoder
    /// The rows' lines in the original file when an engine split it (``SourceLine``).
    var source: SourceLine
    var files: PartitionFiles
    var read = 0
    var accepted = 0
    var lineCount = 0
    var warning: String?
  }

  /// The pass over `activities`; when some series gives a period both whole and by part,
  /// a second pass rejects the coarser rows (``PeriodCoverage``), so that nothing is counted
  /// twice whatever the order of the rows.
  package static func perform(activities: String, entities: [Enterprise], factors: FactorSet, options: AccountingOptions,
                      threads: Int, workDirectory: String, writeLines: Bool, shard: Shard? = nil,
                      progress: ProgressFactory? = nil, rejectedEntities: [String: String] = [:],
                              readOptions: CSVReadOptions = CSVReadOptions()) throws -> AccountingPass
  {
    let first = try pass(activities: activities, entities: entities, factors: factors, options: options, threads: threads,
                         workDirectory: workDirectory, writeLines: writeLines, shard: shard, progress: progress, overlaps: nil,
                         rejectedEntities: rejectedEntities, readOptions: readOptions)
    let overlaps = first.accounting.periodOverlaps()
    guard !overlaps.isEmpty else { return first }
    for f in first.lineFiles + first.rejectFiles { FileSystem.remove(f) }
    var second = try pass(activities: activities, entities: entities, factors: factors, options: options, threads: threads,
                          workDirectory: workDirectory, writeLines: writeLines, shard: shard, progress: nil, overlaps: overlaps,
                          rejectedEntities: rejectedEntities, readOptions: readOptions)
    second.warnings.append("\(overlaps.count) series of activity rows give a period both whole and by quarter or month; "
      + "their coarser rows are rejected (see rejects.csv), so that no emissions are counted twice")
    return second
  }

  private static func pass(activities: String, entities: [Enterprise], factors: FactorSet, options: AccountingOptions,
                           threads: Int, workDirectory: String, writeLines: Bool, shard: Shard?, progress: ProgressFactory?,
                           overlaps: PeriodCoverage?, rejectedEntities: [String: String],
                           readOptions: CSVReadOptions) throws -> AccountingPass
  {
    let progress = progress?(activities)
    try FileSystem.createDirectory(workDirectory)
    var accounting = CarbonAccounting(factors: factors, options: options, entities: entities)
    accounting.rejectingOverlaps = overlaps
    accounting.rejectedEntities = rejectedEntities
    let base = accounting
    let name = FileSystem.baseName(activities)
    let counter = PartitionCounter()
    let (states, _) = try CSVReader.readPartitioned(
      file: activities, partitions: max(1, threads), options: readOptions,
      makeState: { header, partition in
        let decoder = try ActivityDecoder(header: header, file: name)
        return Partition(accounting: base, decoder: decoder, source: SourceLine(header: header),
                         files: try PartitionFiles(directory: workDirectory, stem: "lines", id: String(counter.next()),
                                                   partition: partition, header: AccountingColumns.lines),
                         warning: decoder.unknownColumnsWarning)
      },
      body: { p, record in
        if let shard, !p.source.isSplit, !shard.owns(record, idField: p.decoder.entityIndex) { return }
        p.read += 1
        if p.read & 4095 == 0 { progress?.advance(by: 4096) }
        switch p.decoder.decode(record) {
        case .failure(let error):
          p.files.rejects.reject(p.source.relocated(error, record), raw: p.source.raw(record))
        case .success(var activity):
          if p.source.isSplit { activity.origin = RecordOrigin(file: name, line: p.source.line(of: record)) }
          do throws(AccountingError) {
            let lines = try p.accounting.add(activity)
            p.accepted += 1
            p.lineCount += lines.count
            if writeLines { for l in lines { AccountingColumns.write(l, to: p.files.output) } }
          } catch {
            // The field by the file's own column order, and the text found there.
            let number = error.column.flatMap { p.decoder.fieldNumber(of: $0) }
            let found = error.quotesInput ? number.map { " (found \(CSVRecord.quoted(record[$0 - 1])))" } ?? "" : ""
            p.files.rejects.reject(RowError(file: name, line: p.source.line(of: record), column: number, columnName: error.column,
                                            reason: error.message + found), raw: p.source.raw(record))
          }
        }
      })
    var run = AccountingPass(accounting: base)
    progress?.finish(rows: states.reduce(0) { $0 + $1.read })
    for (i, p) in states.enumerated() {
      try p.files.close()
      if i == 0 { run.accounting = p.accounting } else { run.accounting.merge(p.accounting) }
      run.read += p.read
      run.accepted += p.accepted
      run.rejected += p.files.rejects.count
      run.lineCount += p.lineCount
      if writeLines { run.lineFiles.append(p.files.outputPath) }
      run.rejectFiles.append(p.files.rejectPath)
      if i == 0, let w = p.warning { run.warnings.append(w) }
    }
    return run
  }
}
