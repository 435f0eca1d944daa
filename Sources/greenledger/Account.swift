import ArgumentParser
import GreenLedger
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// `greenledger account`: activity data → emission lines → enterprise carbon accounts.
struct Account: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compute enterprise carbon accounts (scope 1/2/3, intensity, carbon-efficiency grade).",
    discussion: """
      Writes accounts.csv, lines.csv, facilities.csv, summary.json and rejects.csv to --out.
      Every line carries its factor id, dataset version and formula.

      With --shard I/N it keeps the activities of the entities whose FNV-1a hash of entity_id
      falls in shard I and writes lines.csv, ledgers.csv (exact running totals), rejects.csv,
      partials.csv and summary.json; `greenledger merge` of all N shard directories writes the
      outputs of the single run, byte for byte (sector averages need every entity, so a shard
      writes no accounts).

      Example:
        greenledger account --activities Examples/activities.csv --entities Examples/borrowers.csv --out out/
      """
  )

  @Option(help: "activities.csv (data contract).") var activities: String
  @Option(help: "Entities in the borrowers.csv format.") var entities: String
  @Option(help: "Sector averages for the carbon-efficiency grade (benchmarks.csv).") var benchmarks: String?
  @Option(help: "GWP-100 set: ar4, ar5 or ar6.") var gwp: GWPChoice = .ar6
  @Option(help: "Combustion method for every entity: cn-gbt (GB/T 32151, CO2), ghg-protocol (IPCC 2006, adds CH4/N2O), epa or desnz (default: each entity's region's own method, from the factor set's region_methods table).")
  var method: MethodChoice?
  @Option(help: "Periods starting after this day (YYYY-MM-DD) are rejected (default: today).")
  var asOf: String?
  @Option(help: "Region whose scope 3 factors stand in where the activity's region has none (e.g. GB).")
  var scope3ProxyRegion: String?
  @Option(help: "Recompute with this factor directory too and write restatement.csv.")
  var compareFactors: String?
  @Option(help: "Threads for reading activities.") var threads = 2
  @Option(help: "Only the activities of shard I of N (1-based), by a stable hash of entity_id; finish the shards with `greenledger merge`.")
  var shard: Shard?
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  enum GWPChoice: String, ExpressibleByArgument, CaseIterable {
    case ar4, ar5, ar6
    var set: GWPSet { GWPSet(rawValue: rawValue.uppercased())! }
  }

  enum MethodChoice: String, ExpressibleByArgument, CaseIterable {
    case cnGBT = "cn-gbt", ghgProtocol = "ghg-protocol", epa, desnz
    var methodology: Methodology { Methodology(rawValue: rawValue)! }
  }

  /// Every file `account` may write in --out (checked against its inputs before it starts).
  static let outputs = ["accounts.csv", "lines.csv", "facilities.csv", "restatement.csv", "ledgers.csv", "partials.csv",
                        "summary.json", "rejects.csv", "manifest.json"]

  func run() throws {
    if shard != nil, compareFactors != nil {
      throw ValidationError("--compare-factors needs every entity's accounts; run it without --shard")
    }
    let inputs = [("activities", activities), ("entities", entities), ("benchmarks", benchmarks)]
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".partitions"]).check(inputs: inputs)
    // The inputs' digests for the manifest, computed while the job runs.
    let inputDigests = InputDigests(inputs)
    // Entities' rejects are counted by shard 1 only, so that merged shards count them once.
    let countsEntities = (shard?.index ?? 1) == 1
    let factors = try factorOptions.load()
    var options = AccountingOptions(methodology: method?.methodology, gwpSet: gwp.set, asOf: try asOfDay())
    options.scope3ProxyRegion = scope3ProxyRegion
    try FileSystem.createDirectory(out)
    try FileSystem.createDirectory(out + "/.partitions")
    let rejects = try RejectsWriter(path: out + "/.partitions/entity-rejects.csv")
    let entityFile = try Entity.read(file: entities, displayName: basename(entities), threads: threads)
    for w in entityFile.warnings { common.warn(w) }
    if countsEntities { for (error, raw) in entityFile.rejected { rejects.reject(error, raw: raw) } }
    try rejects.close()
    let marks = try benchmarks.map { try SectorBenchmark.read(file: $0) } ?? []

    let run = try AccountingRun.perform(
      activities: activities, entities: entityFile.entities, factors: factors, options: options,
      threads: threads, workDirectory: out + "/.partitions", writeLines: true, shard: shard, quiet: common.quiet,
      rejectedEntities: entityFile.rejectedIDs)
    for w in run.warnings { common.warn(w) }
    // Digest the lines written so far on background threads while the accounts are finished
    // and written, so that the manifest does not read them again.
    let linesDigest = try BackgroundDigest()
    for f in run.lineFiles { try linesDigest.append(file: f) }
    var counts = AccountCounts(read: run.read, accepted: run.accepted, rejected: run.rejected, lines: run.lineCount,
                               entitiesRead: entityFile.read, entitiesAccepted: entityFile.entities.count,
                               entitiesRejected: entityFile.rejected.count)
    let outputs = AccountOutputs(out: out, factors: factors, options: options, activitiesName: basename(activities),
                                 benchmarks: benchmarks)
    var precomputed: [OutputManifest.Entry] = []
    if let shard {
      precomputed = try outputs.writeShard(run: run, counts: counts, shard: shard, entities: entities, linesDigest: linesDigest)
    } else {
      let result = run.accounting.finish(benchmarks: marks, threads: threads)
      (counts, precomputed) = try outputs.write(result, counts: counts, lineParts: run.lineFiles,
                                                rejectParts: [out + "/.partitions/entity-rejects.csv"] + run.rejectFiles,
                                                linesDigest: linesDigest)
      if let compareFactors {
        let other = try FactorSet.load(directory: compareFactors)
        let again = try AccountingRun.perform(
          activities: activities, entities: entityFile.entities, factors: other, options: options,
          threads: threads, workDirectory: out + "/.partitions", writeLines: false)
        removeDirectory(out + "/.partitions")
        try writeRestatement(old: result.accounts, new: again.accounting.finish(benchmarks: marks, threads: threads).accounts,
                             oldDigest: factors.digest, newDigest: other.digest)
      }
    }
    try Provenance.writeManifest(
      out: out, command: "account",
      inputEntries: try inputDigests.entries(),
      factorDigest: factors.digest, precomputed: precomputed, excel: common.excel)
    print("\(basename(activities)): read \(counts.read), accepted \(counts.accepted), rejected \(counts.rejected); "
      + (shard.map { "shard \($0): \(counts.lines) lines; finish with `greenledger merge`" }
        ?? "\(counts.accounts) accounts, \(counts.lines) lines") + " → \(out)/")
    try common.checkRejects(counts.rejected + (countsEntities ? entityFile.rejected.count : 0))
  }

  func asOfDay() throws -> Day { try Self.day(asOf) }

  /// The day `text` (YYYY-MM-DD), or today (UTC) when `text` is `nil`.
  static func day(_ text: String?) throws -> Day {
    if let text {
      guard let d = Day(iso: text) else { throw ValidationError("--as-of must be YYYY-MM-DD, found \"\(text)\"") }
      return d
    }
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
  }

  func writeRestatement(old: [CarbonAccount], new: [CarbonAccount], oldDigest: String, newDigest: String) throws {
    let writer = try CSVWriter(path: out + "/restatement.csv", header: [
      "entity_id", "period", "old_total_tco2e", "new_total_tco2e", "change_tco2e", "relative_change",
      "old_scope2_location_tco2e", "new_scope2_location_tco2e", "old_factor_set_digest", "new_factor_set_digest",
    ])
    let newByKey = Dictionary(new.map { ("\($0.entity.rawValue)|\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
    for a in old {
      guard let b = newByKey["\(a.entity.rawValue)|\(a.year)"] else { continue }
      let change = CarbonAccount.sum([b.total, -a.total])
      writer.writeRow([a.entity.rawValue, String(a.year), DecimalFormat.fixed(a.total, places: 6),
                       DecimalFormat.fixed(b.total, places: 6), DecimalFormat.fixed(change, places: 6),
                       a.total > 0 ? DecimalFormat.fixed(change / a.total, places: 6) : "",
                       DecimalFormat.fixed(a.scope2Location, places: 6), DecimalFormat.fixed(b.scope2Location, places: 6),
                       oldDigest, newDigest])
    }
    try writer.close()
  }
}

/// One pass of activities through the accounting, in partitions.
struct AccountingRun {
  var accounting: CarbonAccounting
  var read = 0
  var accepted = 0
  var rejected = 0
  var lineCount = 0
  var lineFiles: [String] = []
  var rejectFiles: [String] = []
  var warnings: [String] = []

  struct Partition: @unchecked Sendable {
    var accounting: CarbonAccounting
    var decoder: ActivityDecoder
    var files: PartitionFiles
    var read = 0
    var accepted = 0
    var lineCount = 0
    var warning: String?
  }

  /// The pass over `activities`; when some series gives a period both whole and by part,
  /// a second pass rejects the coarser rows (``PeriodCoverage``), so that nothing is counted
  /// twice whatever the order of the rows.
  static func perform(activities: String, entities: [Entity], factors: FactorSet, options: AccountingOptions,
                      threads: Int, workDirectory: String, writeLines: Bool, shard: Shard? = nil,
                      quiet: Bool = true, rejectedEntities: [String: String] = [:]) throws -> AccountingRun
  {
    let first = try pass(activities: activities, entities: entities, factors: factors, options: options, threads: threads,
                         workDirectory: workDirectory, writeLines: writeLines, shard: shard, quiet: quiet, overlaps: nil,
                         rejectedEntities: rejectedEntities)
    let overlaps = first.accounting.periodOverlaps()
    guard !overlaps.isEmpty else { return first }
    for f in first.lineFiles + first.rejectFiles { FileSystem.remove(f) }
    var second = try pass(activities: activities, entities: entities, factors: factors, options: options, threads: threads,
                          workDirectory: workDirectory, writeLines: writeLines, shard: shard, quiet: true, overlaps: overlaps,
                          rejectedEntities: rejectedEntities)
    second.warnings.append("\(overlaps.count) series of activity rows give a period both whole and by quarter or month; "
      + "their coarser rows are rejected (see rejects.csv), so that no emissions are counted twice")
    return second
  }

  private static func pass(activities: String, entities: [Entity], factors: FactorSet, options: AccountingOptions,
                           threads: Int, workDirectory: String, writeLines: Bool, shard: Shard?, quiet: Bool,
                           overlaps: PeriodCoverage?, rejectedEntities: [String: String]) throws -> AccountingRun
  {
    let progress = Progress(file: activities, label: basename(activities), quiet: quiet)
    try FileSystem.createDirectory(workDirectory)
    var accounting = CarbonAccounting(factors: factors, options: options, entities: entities)
    accounting.rejectingOverlaps = overlaps
    accounting.rejectedEntities = rejectedEntities
    let base = accounting
    let name = basename(activities)
    let counter = Counter()
    let (states, _) = try CSVReader.readPartitioned(
      file: activities, partitions: max(1, threads),
      makeState: { header, partition in
        let decoder = try ActivityDecoder(header: header, file: name)
        return Partition(accounting: base, decoder: decoder,
                         files: try PartitionFiles(directory: workDirectory, stem: "lines", id: String(counter.next()),
                                                   partition: partition, header: AccountingColumns.lines),
                         warning: decoder.unknownColumnsWarning)
      },
      body: { p, record in
        if let shard, !shard.owns(record, idField: p.decoder.entityIndex) { return }
        p.read += 1
        if p.read & 4095 == 0 { progress.advance(by: 4096) }
        switch p.decoder.decode(record) {
        case .failure(let error):
          p.files.rejects.reject(error, raw: record.csvLine)
        case .success(let activity):
          do throws(AccountingError) {
            let lines = try p.accounting.add(activity)
            p.accepted += 1
            p.lineCount += lines.count
            if writeLines { for l in lines { AccountingColumns.write(l, to: p.files.output) } }
          } catch {
            // The field by the file's own column order, and the text found there.
            let number = error.column.flatMap { p.decoder.fieldNumber(of: $0) }
            let found = error.quotesInput ? number.map { " (found \(CSVRecord.quoted(record[$0 - 1])))" } ?? "" : ""
            p.files.rejects.reject(RowError(file: name, line: record.line, column: number, columnName: error.column,
                                            reason: error.message + found), raw: record.csvLine)
          }
        }
      })
    var run = AccountingRun(accounting: base)
    progress.finish(rows: states.reduce(0) { $0 + $1.read })
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

/// A thread-safe counter for unique partition file names.
final class Counter: Sendable {
  private let value = Mutex(0)
  func next() -> Int {
    value.withLock {
      $0 += 1
      return $0
    }
  }
}

func basename(_ path: String) -> String {
  path.split(separator: "/").last.map(String.init) ?? path
}

/// Writes `target` as `header` followed by the bytes of each part (without its first line when
/// asked), built in a temporary file and renamed into place: never a partial `target`.
///
/// With `header` `nil`, the first part already starts with the header: it is moved, not copied,
/// to become the file the other parts are appended to (the largest part of a partitioned run
/// then costs nothing).
func concatenate(header: [String]?, parts: [(path: String, skipFirstLine: Bool)], into target: String) throws {
  let temporary = FileSystem.temporaryPath(for: target)
  var rest = parts[...]
  if header == nil, let first = rest.popFirst() {
    try FileSystem.move(first.path, to: temporary)
  } else {
    try CSVWriter(path: temporary, header: header ?? []).close()
  }
  do {
    for part in rest { try append(file: part.path, to: temporary, skipFirstLine: part.skipFirstLine) }
  } catch {
    FileSystem.remove(temporary)
    throw error
  }
  try FileSystem.move(temporary, to: target)
}

/// Appends the bytes of `file` to `target` (optionally without its first line), copied inside
/// the kernel (`sendfile`), or through a 1 MiB buffer where that is not supported.
func append(file: String, to target: String, skipFirstLine: Bool = false) throws {
  let input = open(file, O_RDONLY | O_CLOEXEC)
  guard input >= 0 else { throw InputError(file: file, message: "cannot open for concatenation") }
  defer { close(input) }
  let output = open(target, O_WRONLY | O_APPEND | O_CLOEXEC)
  guard output >= 0 else { throw InputError(file: target, message: "cannot append") }
  defer { close(output) }
  let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
  defer { buffer.deallocate() }
  // Where the copied bytes start: after the first line feed when skipping a header.
  var offset: off_t = 0
  if skipFirstLine {
    while true {
      let n = pread(input, buffer, 1 << 20, offset)
      if n < 0 { if errno == EINTR { continue }; throw InputError(file: file, message: "cannot read") }
      if n == 0 { return }  // no line feed: nothing after the header
      if let newline = memchr(buffer, 0x0A, n) {
        offset += off_t(UnsafeRawPointer(newline) - UnsafeRawPointer(buffer) + 1)
        break
      }
      offset += off_t(n)
    }
  }
  var useSendfile = true
  while true {
    if useSendfile {
      let n = sendfile(output, input, &offset, 1 << 30)
      if n > 0 { continue }
      if n == 0 { return }
      if errno == EINTR || errno == EAGAIN { continue }
      guard errno == EINVAL || errno == ENOSYS else { throw InputError(file: target, message: "cannot append") }
      useSendfile = false
    }
    let n = pread(input, buffer, 1 << 20, offset)
    if n < 0 { if errno == EINTR { continue }; throw InputError(file: file, message: "cannot read") }
    if n == 0 { return }
    offset += off_t(n)
    var written = 0
    while written < n {
      let w = write(output, buffer + written, n - written)
      if w < 0 { if errno == EINTR { continue }; throw InputError(file: target, message: "cannot append") }
      written += w
    }
  }
}

func removeDirectory(_ path: String) {
  if let names = try? FileSystem.contentsOfDirectory(path) {
    for n in names { unlink(path + "/" + n) }
  }
  rmdir(path)
}
