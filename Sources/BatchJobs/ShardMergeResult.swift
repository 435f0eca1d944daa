/// What a ``ShardMerge`` wrote: which job's shards, and the merged row counts.
public struct ShardMergeResult: Sendable {
  /// The job whose shards were merged.
  public enum Profile: String, Sendable {
    /// `finance` shards (PCAF profile).
    case finance
    /// `tag` shards.
    case tag
    /// `account` shards.
    case account
  }

  /// The job whose shards were merged.
  public var profile: Profile
  /// Shards merged.
  public var shards: Int
  /// Rows read over all shards (loans, or activity rows).
  public var read: Int
  /// Rows accepted over all shards.
  public var accepted: Int
  /// Rows rejected over all shards.
  public var rejected: Int
  /// Account shards: the counts of the finished run (accounts and lines).
  public var accountCounts: AccountCounts?

  package init(profile: Profile, shards: Int, read: Int, accepted: Int, rejected: Int) {
    (self.profile, self.shards, self.read, self.accepted, self.rejected) = (profile, shards, read, accepted, rejected)
  }
}
