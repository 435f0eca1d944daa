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

extension FactorSetDiff {
  /// The differences as `greenledger factors diff` prints them: the two digests, then one
  /// line per row (`+ id`, `- id`, `~ id field: old → new (+12.5%)`), or "no differences".
  public func text(oldDigest: String, newDigest: String) -> String {
    var lines = ["old \(oldDigest)", "new \(newDigest)"]
    if isEmpty { return (lines + ["no differences"]).joined(separator: "\n") }
    lines += added.map { "+ \($0)" } + removed.map { "- \($0)" }
    for c in changed {
      let percent = c.relativeChange.map { " (\($0 >= 0 ? "+" : "")\(($0 * 10_000).rounded() / 100)%)" } ?? ""
      lines.append("~ \(c.id) \(c.field): \(c.old) → \(c.new)\(percent)")
    }
    return lines.joined(separator: "\n")
  }
}
