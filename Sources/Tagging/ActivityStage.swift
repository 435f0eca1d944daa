/// A stage of an activity the catalogue keeps apart — manufacturing a product (1.1, 4.1, …),
/// trading it (8.x), or serving others (7.x) — with the words that show it in a loan's text
/// (stages.csv). A candidate item of the stage the text names ranks before one of another.
public struct ActivityStage: Hashable, Sendable {
  /// `manufacturing`, `trade` or `service`.
  public let name: String
  /// Second-level classes of the stage (`8.5`).
  public let classes: [String]
  /// Lower-cased words; `A+B` needs both.
  public let words: [String]
  /// The stages.csv note on what the stage covers.
  public let note: String
}
