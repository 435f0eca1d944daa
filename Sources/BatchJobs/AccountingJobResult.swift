public import Accounting
package import Integrity

/// What an ``AccountingJob`` did: its counts, the accounts it wrote and its warnings.
public struct AccountingJobResult: Sendable {
  /// The output directory.
  public var directory: String
  /// Rows read, accepted and rejected; lines and accounts written.
  public var counts = AccountCounts()
  /// The carbon accounts written to accounts.csv, in its order (empty for a shard).
  public var accounts: [CarbonAccount] = []
  /// Warnings about the inputs (unknown columns, overlapping periods), one sentence each.
  public var warnings: [String]
  /// Rejected rows of every input this run counts (activities; entities in shard 1), for a
  /// reject limit.
  public var rejectedRows = 0
  /// Digests of the large outputs, computed while they were written.
  package var outputEntries: [OutputManifest.Entry] = []

  package init(directory: String, warnings: [String]) {
    self.directory = directory
    self.warnings = warnings
  }
}
