/// What a scoring methodology does with an indicator an entity does not report, and below
/// which share of reported weight it gives no grade (``ScoringMethodology/missingData``).
public struct MissingDataPolicy: Hashable, Sendable, Codable {
  /// How a missing indicator counts.
  public enum Treatment: String, Hashable, Sendable, Codable {
    /// The indicator scores its lowest value, 0: non-disclosure is penalised.
    case lowestScore = "lowest_score"
    /// The indicator is left out and the reported ones are re-weighted to sum to 1: the score
    /// is of what is reported, and the coverage beside it says how much that is.
    case reweight
  }

  /// How a missing indicator counts.
  public var treatment: Treatment
  /// The least share of the indicator weight that must be reported (0–1) for a grade; below
  /// it the grade is ``ScoringMethodology/insufficientData``. 0: every entity is graded.
  public var minimumCoverage: Double

  /// A policy: `treatment`, and no grade below `minimumCoverage`.
  public init(treatment: Treatment, minimumCoverage: Double) {
    self.treatment = treatment
    self.minimumCoverage = minimumCoverage
  }

  /// Missing indicators at their lowest score and every entity graded: the rule of
  /// methodologies that state none.
  public static let lowestScore = MissingDataPolicy(treatment: .lowestScore, minimumCoverage: 0)

  enum CodingKeys: String, CodingKey { case treatment, minimumCoverage = "minimum_coverage" }
}
