public import ESGScoring
public import Tabular

/// What a ``ScoringJob`` computed: the scores and the rows it could not use.
public struct ScoringResult: Sendable {
  /// The methodology the scores were made under.
  public var methodology: ScoringMethodology
  /// One score per entity and year, in scores.csv's order.
  public var scores: [ESGScore]
  /// Entity-years scored: `scores.count`, kept when a ``Pipeline`` lets go of the scores.
  public var scored: Int
  /// esg.csv rows read.
  public var esgRead: Int
  /// Rejected entity and esg.csv rows with their raw text (rejects.csv).
  public var rejects: [(RowError, String)]
  /// esg.csv rows rejected.
  public var esgRejected: Int
  /// Enterprise rows read.
  public var entitiesRead: Int
  /// Enterprise rows rejected.
  public var entitiesRejected: Int
  /// Warnings about the inputs, one sentence each.
  public var warnings: [String]

  /// Rejected esg.csv and entity rows, for a reject limit.
  public var rejectedRows: Int { esgRejected + entitiesRejected }
}
