package import Tabular

/// Shard `index` of `count` (1-based): the rows whose id hashes to it.
///
/// A book too large for one machine is split by a stable hash of each row's id (loans by
/// `loan_id`, activities by `entity_id`): FNV-1a 64 of the id's bytes, modulo `count`. The
/// hash is the same across runs, machines and versions, so shard outputs made anywhere merge
/// (``ShardMerge``) into the bytes of the single run.
public struct Shard: CustomStringConvertible, Hashable, Sendable {
  /// This shard's number, `1...count`.
  public let index: Int
  /// How many shards the book is split into.
  public let count: Int

  /// Shard `index` of `count`; `nil` unless `1 ≤ index ≤ count`.
  public init?(index: Int, count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Reads `I/N`, the form `--shard` and partials.csv use; `nil` for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: i, count: n)
  }

  /// The single run: shard 1 of 1.
  public static let whole = Shard(index: 1, count: 1)!

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }

  private func owns(hash: UInt64) -> Bool { Int(hash % UInt64(count)) == index - 1 }

  /// Whether an id belongs to this shard (the same answer as for the id's UTF-8 bytes in a file).
  public func contains(id: String) -> Bool { owns(hash: FNV1a.hash(id)) }

  /// Whether `record` belongs to this shard: by its id field, or by its line number when the
  /// record is malformed or lacks the field.
  package func owns(_ record: borrowing CSVRecord, idField: Int?) -> Bool {
    if record.issue == nil, let i = idField, i < record.count { return owns(hash: record.fnv1a(field: i)) }
    return contains(id: "line:\(record.line)")
  }
}
