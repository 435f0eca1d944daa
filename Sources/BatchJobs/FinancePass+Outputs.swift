import LoanBook
package import FinancedEmissions
import FactorTables
import Quantities
package import Tabular

extension FinancePass.Result {
  /// summary.json: row counts, totals and portfolio metrics overall, by asset class and by
  /// GB/T 4754 section.
  package func summary(command: String, profile: String, shard: Shard?, borrowers: (read: Int, rejected: Int),
               factorDigest: String) -> JSONValue
  {
    func metrics(_ t: PortfolioTotals) -> JSONValue {
      func number(_ x: Double?, _ places: Int) -> JSONValue { x.map { .number(DecimalFormat.fixed($0, places: places)) } ?? .null }
      return .object([
        ("loans", .int(t[.loans])), ("scored", .int(t[.scored])),
        ("unscored_by_reason", .object([("no_attribution", .int(t[.noAttribution])), ("no_emissions", .int(t[.noEmissions]))])),
        ("attribution_capped", .int(t[.attributionCapped])),
        ("outstanding_cny", .number(t.text(.outstanding))),
        ("outstanding_scored_cny", .number(t.text(.outstandingScored))),
        ("financed_scope1_tco2e", .number(t.text(.scope1))),
        ("financed_scope2_tco2e", .number(t.text(.scope2))),
        ("financed_scope12_tco2e", .number(t.text(.scope12))),
        ("financed_scope3_tco2e", .number(t.text(.scope3))),
        ("financed_scope1_incl_lulucf_tco2e", .number(t.text(.scope1IncludingLULUCF))),
        ("economic_emission_intensity_tco2e_per_million_cny", number(t.economicEmissionIntensity, 6)),
        ("waci_tco2e_per_million_cny_revenue", number(t.weightedAverageCarbonIntensity, 6)),
        ("weighted_data_quality_scope12", number(t.weightedDataQuality, 4)),
        ("weighted_data_quality_scope3", number(t.weightedDataQualityScope3, 4)),
        ("coverage", number(t.coverage, 6)),
        ("green_outstanding_cny", .number(t.text(.greenOutstanding))),
        ("green_share", number(t.greenShare, 6)),
      ])
    }
    let classes = AssetClass.allCases.enumerated().compactMap { i, c in
      byClass[i][.loans] > 0 ? (c.rawValue, metrics(byClass[i])) : nil
    }
    let sectors = bySector.keys.sorted().map { ($0, metrics(bySector[$0]!)) }
    let over = attribution.values.filter { $0.1 > 1_000_000_000_000 }.count
    return .object([
      ("command", .string(command)),
      ("profile", .string(profile)),
      ("shard", shard.map { .string($0.description) } ?? .null),
      ("rows", .object([("read", .int(read)), ("accepted", .int(accepted)), ("rejected", .int(rejected))])),
      ("borrowers", .object([("read", .int(borrowers.read)), ("rejected", .int(borrowers.rejected))])),
      ("reporting_currency", .string("CNY")),
      ("portfolio", metrics(totals)),
      ("by_asset_class", .object(classes)),
      ("by_sector_section", .object(sectors)),
      ("scope3_phase_in", scope3PhaseIn(metrics)),
      ("borrowers_attributed_over_100_percent", .int(over)),
      ("factor_set_digest", .string(factorDigest)),
    ])
  }

  /// borrower_attribution.csv: per borrower, the loans attributed and the sum of their
  /// attribution factors; `over_100_percent` flags a borrower whose loans together exceed 1.
  package func writeBorrowerAttribution(to path: String, book: BorrowerBook) throws {
    let w = try CSVWriter(path: path, header: ["borrower_id", "loans", "attribution_sum", "over_100_percent"])
    let rows = attribution.map { (book.borrowers[$0.key].id.rawValue, $0.value) }.sorted { $0.0 < $1.0 }
    for (id, (n, q)) in rows {
      w.writeRow([id, String(n), ExactSum.decimalString(quanta: q, decimalPlaces: 12),
                  q > 1_000_000_000_000 ? "true" : "false"])
    }
    try w.close()
  }

  /// partials.csv: every exact total as an integer, for `greenledger merge`.
  package func writePartials(to path: String, profile: String, shard: Shard?, borrowers: (read: Int, rejected: Int),
                     factorDigest: String, loansFile: String) throws
  {
    let w = try PartialsFile.open(path)
    w.writeRow(["run", "profile", profile])
    w.writeRow(["run", "shard", shard?.description ?? "1/1"])
    w.writeRow(["run", "factor_set_digest", factorDigest])
    w.writeRow(["run", "loans_file", loansFile])
    for (k, v) in [("read", read), ("accepted", accepted), ("rejected", rejected),
                   ("borrowers_read", borrowers.read), ("borrowers_rejected", borrowers.rejected)] {
      w.writeRow(["rows", k, String(v)])
    }
    func put(_ group: String, _ t: PortfolioTotals) {
      for (k, v) in t.partial { w.writeRow([group, k, v]) }
    }
    put("portfolio", totals)
    for (i, c) in AssetClass.allCases.enumerated() where byClass[i][.loans] > 0 { put("class:" + c.rawValue, byClass[i]) }
    for s in bySector.keys.sorted() { put("sector:" + s, bySector[s]!) }
    if let reportingYear { w.writeRow(["run", "reporting_year", String(reportingYear)]) }
    for (group, totals) in zip(Self.scope3Groups, byScope3Requirement) { put(group, totals) }
    try w.close()
  }

  /// The partials.csv groups of ``byScope3Requirement``, in its order (required, not yet).
  package static let scope3Groups = ["scope3:required", "scope3:not_required"]

  /// summary.json `scope3_phase_in`: the PCAF phase in force for the reporting year and the
  /// loans whose financed scope 3 it requires and does not yet require (``Scope3PhaseIn``).
  func scope3PhaseIn(_ metrics: (PortfolioTotals) -> JSONValue) -> JSONValue {
    guard let reportingYear else { return .null }
    let requirement = Scope3PhaseIn.bundled.requirement(reportingYear: reportingYear)
    return .object([
      ("reporting_year", .int(reportingYear)),
      ("phase", requirement.phases.last.map { .int($0.number) } ?? .null),
      ("sectors", .string(requirement.sectors)),
      ("source", .string("PCAF Part A 2nd ed., section 5 (phase-in after Art. 5 of Delegated Regulation (EU) 2020/1818)")),
      ("required", metrics(byScope3Requirement[0])),
      ("not_yet_required", metrics(byScope3Requirement[1])),
    ])
  }
}
