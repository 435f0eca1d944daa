package import Tabular
public import Tagging

/// What a ``TaggingJob`` did: rows read and the green-loan statistics of the accepted loans.
public struct TaggingResult: Sendable {
  /// The output directory.
  public var directory: String
  /// Loan rows read (in this shard); accepted ones are `statistics.loans`.
  public var read = 0
  /// Green loans by item, status and balance (the PBoC green-loan statistics' layout).
  public var statistics = GreenLoanStatistics()
  /// Borrower rows rejected.
  public var borrowersRejected = 0
  /// Warnings about the inputs, one sentence each.
  public var warnings: [String]
  /// green_summary.json as written.
  package var greenSummary = JSONValue.null

  /// Loan rows rejected.
  public var rejected: Int { read - statistics.loans }
  /// Rejected loans and borrowers, for a reject limit.
  public var rejectedRows: Int { rejected + borrowersRejected }

  package init(directory: String, warnings: [String]) {
    self.directory = directory
    self.warnings = warnings
  }
}
