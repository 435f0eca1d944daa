public import ESGScoring
import FinancedEmissions
import Integrity
import Quantities
import Tabular

/// The `score` job: accounts.csv, the entities and esg.csv → ESG-linked scores under a
/// versioned methodology, each with its explanation (every indicator's raw value, score,
/// weight and contribution; contributions sum to the total).
///
/// ```swift
/// var job = ScoringJob(accounts: "out/accounts.csv", entities: "borrowers.csv")
/// job.esg = "esg.csv"
/// let result = try job.run(writingTo: "scores")
/// ```
public struct ScoringJob: Sendable {
  /// accounts.csv of an ``AccountingJob``.
  public var accounts: String
  /// Entities in the borrowers.csv format.
  public var entities: String
  /// esg.csv for the S and G pillars (and E indicators beyond the accounts).
  public var esg: String?
  /// A methodology JSON file (default: the bundled greenledger-esg methodology).
  public var methodology: String?
  public var excel = false
  package var writesManifest = true

  public init(accounts: String, entities: String) {
    self.accounts = accounts
    self.entities = entities
  }

  /// Every file the job may write in its output directory.
  public static let outputs = ["scores.csv", "explanations.csv", "rejects.csv", "summary.json", "manifest.json"]

  /// The scores, without writing anything.
  ///
  /// - Throws: `InputError`, `RowError` and `MethodologyError` for inputs that cannot be used.
  public func score() throws -> ScoringResult {
    let method = try methodology.map { path in try ScoringMethodology.decode(FileSystem.contents(of: path), file: path) }
      ?? .bundled
    let book = try BorrowerBook.read(file: entities, displayName: FileSystem.baseName(entities))
    let input = try ScoreInputs.read(accounts: accounts, esg: esg, book: book.book, methodology: method)
    return ScoringResult(methodology: method, scores: ESGScorer(methodology: method).score(input.profiles),
                         esgRead: input.read, rejects: book.rejected + input.rejected,
                         esgRejected: input.rejected.count, entitiesRead: book.read,
                         entitiesRejected: book.rejected.count, warnings: book.warnings)
  }

  /// Scores and writes scores.csv, explanations.csv, rejects.csv, summary.json and
  /// manifest.json to `out` (created if needed).
  ///
  /// - Throws: `OutputPlanError` when an output would overwrite an input, and what ``score()`` throws.
  public func run(writingTo out: String) throws -> ScoringResult {
    try OutputPlan(directory: out, files: Self.outputs)
      .check(inputs: [("accounts", accounts), ("entities", entities), ("esg", esg), ("methodology", methodology)])
    let result = try score()
    try FileSystem.createDirectory(out)
    try ScoreOutputs(result: result).write(to: out)
    if writesManifest {
      let method = result.methodology
      try Provenance.writeManifest(out: out, command: "score",
                                   inputs: [("accounts", accounts), ("entities", entities), ("esg", esg),
                                            ("methodology", methodology)],
                                   factorDigest: "", methodology: "\(method.id)@\(method.version)", excel: excel)
    }
    return result
  }
}
