/// What a ``Pipeline`` did: each stage's result, with its counts, totals and warnings. The
/// accounts and scores themselves are in accounts.csv and scores.csv: they are not held in
/// memory across the stages (their arrays here are empty).
public struct PipelineResult: Sendable {
  /// The output directory.
  public var directory: String
  /// The accounts (with activities).
  public var accounting: AccountingJobResult?
  /// The ESG scores (with activities).
  public var scoring: ScoringResult?
  /// The green tags.
  public var tagging: TaggingResult?
  /// The financed emissions.
  public var financing: FinancedEmissionsResult?
  /// Rows in the run's rejects.csv: each rejected row once, although borrowers' rejects
  /// appear in several stages.
  public var distinctRejectedRows = 0

  package init(directory: String) { self.directory = directory }

  /// The stages that ran, in order.
  public var stageNames: [String] {
    (accounting == nil ? [] : ["account"]) + (scoring == nil ? [] : ["score"]) + (tagging == nil ? [] : ["tag"])
      + (financing == nil ? [] : ["finance"])
  }

  /// Every stage's warnings, in stage order.
  public var warnings: [String] {
    (accounting?.warnings ?? []) + (scoring?.warnings ?? []) + (tagging?.warnings ?? []) + (financing?.warnings ?? [])
  }
}
