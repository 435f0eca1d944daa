package import Accounting
package import FactorTables
package import Integrity
import Quantities
import Tabular

/// The files `greenledger account` writes to `--out`: the same code for a single run and for
/// `greenledger merge` of account shards, so the two give the same bytes.
package struct AccountOutputs {
  package let out: String
  package let factors: FactorSet
  package let options: AccountingOptions
  /// The activities file's name, as rejects and lines cite it.
  package let activitiesName: String
  /// The benchmarks path as given (summary.json names it).
  package let benchmarks: String?

  package var work: String { out + "/.partitions" }

  /// Writes lines.csv (the activity lines of `lineParts` in input order — the first part starts
  /// with the header — then the end-of-run adjustments), accounts.csv, facilities.csv, rejects.csv (`rejectParts`, then rows
  /// rejected at the end) and summary.json; removes the work directory.
  ///
  /// `linesDigest`, when given, has been fed `lineParts`; it gets the adjustments too, and its
  /// entry for lines.csv is returned for the manifest.
  ///
  /// - Returns: `counts` with the end-of-run rejects moved from accepted to rejected and the
  ///   adjustment lines and accounts counted, and the precomputed manifest entries.
  package func write(_ result: AccountingResult, counts: AccountCounts, lineParts: [String], rejectParts: [String],
             linesDigest: BackgroundDigest? = nil) throws -> (AccountCounts, [OutputManifest.Entry])
  {
    let tail = try CSVWriter(path: work + "/adjustments.csv", header: [])
    for l in result.adjustmentLines { AccountingColumns.write(l, to: tail) }
    try tail.close()
    try linesDigest?.append(file: work + "/adjustments.csv")
    try FileSystem.concatenate(header: lineParts.isEmpty ? AccountingColumns.lines : nil,
                    parts: (lineParts + [work + "/adjustments.csv"]).map { ($0, false) }, into: out + "/lines.csv")

    // Activity rows rejected at the end (certificates) were accepted before: move them.
    let late = try RejectsWriter(path: work + "/late-rejects.csv")
    for (origin, error) in result.rejected {
      late.reject(RowError(file: origin?.file ?? activitiesName, line: origin?.line ?? 0, column: nil,
                           columnName: error.column, reason: error.message), raw: "")
    }
    try late.close()
    try FileSystem.concatenate(header: RejectsWriter.header, parts: (rejectParts + [work + "/late-rejects.csv"]).map { ($0, true) },
                    into: out + "/rejects.csv")
    // Each finished file is digested on background threads while the next is written.
    let rejectsDigest = try BackgroundDigest(file: out + "/rejects.csv")

    let accounts = try CSVWriter(path: out + "/accounts.csv", header: AccountingColumns.accounts)
    let facilities = try CSVWriter(path: out + "/facilities.csv", header: AccountingColumns.facilities)
    for a in result.accounts {
      accounts.writeRow(AccountingColumns.fields(a, digest: factors.digest))
      for row in AccountingColumns.facilityRows(a) { facilities.writeRow(row) }
    }
    try accounts.close()
    try facilities.close()
    let tableDigests = try (BackgroundDigest(file: out + "/accounts.csv"), BackgroundDigest(file: out + "/facilities.csv"))
    FileSystem.removeDirectory(work)

    var counts = counts
    counts.accepted -= late.count
    counts.rejected += late.count
    counts.lines += result.adjustmentLines.count
    counts.accounts = result.accounts.count
    var totals: [(String, ExactSum)] = ["scope1", "scope2_location", "scope2_market", "scope3", "total",
                                         "total_market", "biogenic_co2"].map { ($0, ExactSum(decimalPlaces: 6)) }
    for a in result.accounts {
      let values = [a.scope1, a.scope2Location, a.scope2Market, a.scope3, a.total, a.totalMarket, a.biogenicCO2]
      for i in values.indices { try totals[i].1.add(values[i]) }
    }
    try FileSystem.write(summary(counts, extra: [
      ("accounts", .int(result.accounts.count)),
      ("lines", .int(counts.lines)),
      ("totals_tco2e", .object(totals.map { ($0.0, .number($0.1.decimalString)) })),
    ]).rendered(), to: out + "/summary.json")
    return (counts, Provenance.outputEntries(linesDigest, named: "lines.csv", out: out)
      + Provenance.outputEntries(rejectsDigest, named: "rejects.csv", out: out)
      + Provenance.outputEntries(tableDigests.0, named: "accounts.csv", out: out)
      + Provenance.outputEntries(tableDigests.1, named: "facilities.csv", out: out))
  }

  /// Writes a shard's lines.csv, rejects.csv, ledgers.csv (the running totals that
  /// `greenledger merge` finishes), partials.csv and summary.json; removes the work directory.
  package func writeShard(run: AccountingPass, counts: AccountCounts, shard: Shard, entities: String,
                  linesDigest: BackgroundDigest? = nil) throws -> [OutputManifest.Entry]
  {
    try FileSystem.concatenate(header: run.lineFiles.isEmpty ? AccountingColumns.lines : nil, parts: run.lineFiles.map { ($0, false) },
                    into: out + "/lines.csv")
    try FileSystem.concatenate(header: RejectsWriter.header,
                    parts: ([work + "/entity-rejects.csv"] + run.rejectFiles).map { ($0, true) },
                    into: out + "/rejects.csv")
    FileSystem.removeDirectory(work)
    try run.accounting.writeLedgers(to: out + "/ledgers.csv")
    let w = try PartialsFile.open(out + "/partials.csv")
    for (k, v) in [("profile", "account"), ("shard", shard.description), ("factor_set_digest", factors.digest),
                   ("activities_file", activitiesName), ("entities", entities), ("benchmarks", benchmarks ?? ""),
                   ("methodology", options.methodology?.rawValue ?? Methodology.byRegion), ("gwp_set", options.gwpSet.rawValue),
                   ("as_of", options.asOf.description), ("scope3_proxy_region", options.scope3ProxyRegion ?? "")] {
      w.writeRow(["run", k, v])
    }
    for (k, v) in [("read", counts.read), ("accepted", counts.accepted), ("rejected", counts.rejected),
                   ("lines", counts.lines), ("entities_read", counts.entitiesRead),
                   ("entities_accepted", counts.entitiesAccepted), ("entities_rejected", counts.entitiesRejected)] {
      w.writeRow(["rows", k, String(v)])
    }
    try w.close()
    try FileSystem.write(summary(counts, extra: [("shard", .string(shard.description)), ("lines", .int(counts.lines))])
      .rendered(), to: out + "/summary.json")
    return Provenance.outputEntries(linesDigest, named: "lines.csv", out: out)
  }

  private func summary(_ c: AccountCounts, extra: [(String, JSONValue)]) -> JSONValue {
    .object([
      ("command", .string("account")),
      ("rows", .object([("read", .int(c.read)), ("accepted", .int(c.accepted)), ("rejected", .int(c.rejected))])),
      ("entities", .object([("read", .int(c.entitiesRead)), ("accepted", .int(c.entitiesAccepted)),
                            ("rejected", .int(c.entitiesRejected))])),
    ] + extra + [
      ("methodology", .string(options.methodology?.rawValue ?? Methodology.byRegion)),
      ("gwp_set", .string(options.gwpSet.rawValue)),
      ("as_of", .string(options.asOf.description)),
      ("benchmarks", .string(benchmarks ?? "")),
      ("factor_set_digest", .string(factors.digest)),
      ("datasets", .array(factors.manifest.datasets.map { .string("\($0.id)@\($0.version)") })),
    ])
  }
}
