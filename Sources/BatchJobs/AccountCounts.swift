/// Row counts of an accounting job (or of merged account shards).
public struct AccountCounts: Sendable, Equatable {
  /// Activity rows read (in this shard).
  public var read = 0
  /// Activity rows that gave emission lines.
  public var accepted = 0
  /// Activity rows rejected (rejects.csv), including those rejected at the end of the run.
  public var rejected = 0
  /// Emission lines written (activity lines and end-of-run adjustments).
  public var lines = 0
  /// Rows of the entities file read.
  public var entitiesRead = 0
  /// Enterprise rows accepted.
  public var entitiesAccepted = 0
  /// Enterprise rows rejected (rejects.csv).
  public var entitiesRejected = 0
  /// Carbon accounts written (0 for a shard: accounts need every entity's ledger).
  public var accounts = 0

  /// No rows.
  public init() {}
}
