/// A rule a methodology states about itself — "governance weighs at least one third", "the
/// high-emitting group holds the national carbon market's sectors" — kept in the file beside
/// the weights and checked whenever the methodology is read, so that the two cannot drift apart.
public struct MethodologyConstraint: Hashable, Sendable, Codable {
  /// What is checked.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// ``pillar``'s weight is at least ``minimum`` in every sector group.
    case pillarWeightAtLeast = "pillar_weight_at_least"
    /// Every code of ``sectors`` belongs to sector group ``group``.
    case groupIncludes = "group_includes"
    /// No code of ``sectors`` belongs to sector group ``group``.
    case groupExcludes = "group_excludes"
  }

  /// What is checked.
  public var kind: Kind
  /// The pillar (`pillar_weight_at_least`).
  public var pillar: String?
  /// The least weight (`pillar_weight_at_least`).
  public var minimum: Double?
  /// The sector group (`group_includes`, `group_excludes`).
  public var group: String?
  /// GB/T 4754 codes (`group_includes`, `group_excludes`).
  public var sectors: [String]?
  /// The rationale the rule comes from, repeated in the error when it is broken.
  public var because: String

  /// Why `methodology` breaks the rule, or `nil` when it keeps it.
  func violation(in methodology: ScoringMethodology) -> String? {
    switch kind {
    case .pillarWeightAtLeast:
      guard let pillar, let minimum, let p = methodology.pillars.first(where: { $0.key == pillar }) else {
        return "a pillar_weight_at_least rule needs a known pillar and a minimum"
      }
      let groups = ["default"] + methodology.sectorGroups.map(\.key)
      for g in groups {
        let w = p.weights[g] ?? p.weights["default"] ?? 0
        if w < minimum - 1e-12 { return "pillar \(pillar) weighs \(w) in group \(g), below \(minimum)" }
      }
      return nil
    case .groupIncludes, .groupExcludes:
      guard let group, let sectors, !sectors.isEmpty else { return "a \(kind.rawValue) rule needs a group and sectors" }
      let wrong = sectors.filter { (methodology.group(of: $0) == group) != (kind == .groupIncludes) }
      guard !wrong.isEmpty else { return nil }
      return kind == .groupIncludes ? "\(wrong.joined(separator: ", ")) not in sector group \(group)"
        : "\(wrong.joined(separator: ", ")) in sector group \(group)"
    }
  }
}
