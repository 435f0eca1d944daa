/// Recognises which kind of GreenLedger file a header belongs to — a data-contract input or
/// one of the outputs — so that a file given in the wrong place is named ("this looks like
/// lines.csv, not accounts.csv") instead of half-read.
///
/// Each kind is known by columns that only it has together (DESIGN.md, "Data contract" and
/// "Outputs").
public enum FileKind {
  /// Kinds and the columns that identify them, most specific first.
  static let signatures: [(kind: String, columns: [String])] = [
    ("lines.csv (account)", ["entity_id", "period", "activity", "scope", "co2e_t", "factor_id"]),
    ("facilities.csv (account)", ["entity_id", "period", "facility_id", "total_tco2e"]),
    ("accounts.csv (account)", ["entity_id", "period", "scope1_tco2e", "total_tco2e"]),
    ("scores.csv (score)", ["entity_id", "year", "e_score", "total", "grade"]),
    ("explanations.csv (score)", ["entity_id", "year", "pillar", "indicator", "contribution"]),
    ("tags.csv (tag)", ["loan_id", "taxonomy", "code", "status"]),
    ("financed.csv (finance)", ["loan_id", "attribution_factor", "financed_scope1_tco2e"]),
    ("rejects.csv", ["file", "line", "column", "reason", "raw"]),
    ("a loans file", ["loan_id", "borrower_id", "asset_class", "outstanding"]),
    ("an activities file", ["entity_id", "period", "activity", "quantity", "unit"]),
    ("an esg file", ["entity_id", "year", "indicator", "value"]),
    ("a borrowers file", ["borrower_id", "sector", "country"]),
  ]

  /// The kind whose identifying columns `header` has, if any.
  public static func guess(header: [String]) -> String? {
    let names = Set(header.map(\.trimmingBlanks))
    return signatures.first { $0.columns.allSatisfy(names.contains) }?.kind
  }
}
