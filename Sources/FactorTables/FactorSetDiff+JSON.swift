public import Tabular

extension FactorSetDiff {
  /// The differences as `greenledger factors diff --format json` prints them: `old` and
  /// `new` are the two sets' names (where they came from) and digests.
  public func json(old: (name: String, digest: String), new: (name: String, digest: String)) -> JSONValue {
    .object([
      ("old", .string(old.name)), ("new", .string(new.name)),
      ("old_digest", .string(old.digest)), ("new_digest", .string(new.digest)),
      ("added", .array(added.map { .string($0) })),
      ("removed", .array(removed.map { .string($0) })),
      ("changed", .array(changed.map { c in
        .object([("id", .string(c.id)), ("field", .string(c.field)), ("old", .string(c.old)),
                 ("new", .string(c.new)),
                 ("relative_change", c.relativeChange.map { .number("\($0)") } ?? .null)])
      })),
    ])
  }
}
