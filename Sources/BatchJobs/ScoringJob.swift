import ESGScoring
import FinancedEmissions
import Integrity
import Quantities
import Tabular

/// The `score` job: accounts.csv, the entities and esg.csv → ESG-linked scores under a
/// versioned methodology, each with its explanation (every indicator's raw value, score,
/// weight and contribution; contributions sum to the total).
///
/// ```swift
/// var job = ScoringJob(accounts: .accounts(accounting.accounts, factors: factors), entities: "borrowers.csv")
/// job.esg = "esg.csv"
/// let result = try job.run(writingTo: "scores")
/// ```
public struct ScoringJob: Sendable {
  /// accounts.csv of an ``AccountingJob``, or its accounts (``TableSource/accounts(_:factors:)``).
  public var accounts: TableSource
  /// Entities in the borrowers.csv format, or rows in it.
  public var entities: TableSource
  /// esg.csv for the S and G pillars (and E indicators beyond the accounts), or rows in it.
  public var esg: TableSource?
  /// A methodology JSON file (default: the bundled greenledger-esg methodology).
  public var methodology: String?
  /// Threads, progress, read limits and output encoding.
  public var settings = JobSettings()

  /// A job with the bundled methodology and no esg.csv.
  public init(accounts: TableSource, entities: TableSource) {
    self.accounts = accounts
    self.entities = entities
  }

  /// Every file the job may write in its output directory.
  public static let outputs = ["scores.csv", "explanations.csv", "rejects.csv", "summary.json", "manifest.json"]

  /// The scores, without writing anything (rows are staged in a temporary directory).
  ///
  /// - Throws: `InputError`, `RowError` and `MethodologyError` for inputs that cannot be used.
  public func score() throws -> ScoringResult {
    let work = FileSystem.temporaryPath(for: "/tmp/greenledger-score") + "-\(UInt64.random(in: 0...UInt64.max))"
    defer { FileSystem.removeDirectory(work) }
    return try score(staging: work)
  }

  private func score(staging work: String) throws -> ScoringResult {
    let accounts = try self.accounts.path(staging: work, name: "accounts.csv")
    let entities = try self.entities.path(staging: work, name: "entities.csv")
    let esg = try self.esg?.path(staging: work, name: "esg.csv")
    let method = try methodology.map { path in try ScoringMethodology.decode(FileSystem.contents(of: path), file: path) }
      ?? .bundled
    let book = try BorrowerBook.read(file: entities, displayName: FileSystem.baseName(entities))
    let input = try ScoreInputs.read(accounts: accounts, esg: esg, book: book.book, methodology: method)
    let scores = ESGScorer(methodology: method).score(input.profiles)
    return ScoringResult(methodology: method, scores: scores, scored: scores.count,
                         esgRead: input.read, rejects: book.rejected + input.rejected,
                         esgRejected: input.rejected.count, entitiesRead: book.read,
                         entitiesRejected: book.rejected.count, warnings: book.warnings)
  }

  /// Scores and writes scores.csv, explanations.csv, rejects.csv, summary.json and
  /// manifest.json to `out` (created if needed).
  ///
  /// - Throws: `OutputPlanError` when an output would overwrite an input, and what ``score()`` throws.
  public func run(writingTo out: String) throws -> ScoringResult {
    try OutputPlan(directory: out, files: Self.outputs, workDirectories: [".inputs"])
      .check(inputs: [("accounts", accounts.filePath), ("entities", entities.filePath), ("esg", esg?.filePath),
                      ("methodology", methodology)])
    let result = try score(staging: out + "/.inputs")
    try FileSystem.createDirectory(out)
    try ScoreOutputs(result: result).write(to: out)
    if settings.writesManifest {
      let method = result.methodology
      try Provenance.writeManifest(out: out, command: "score",
                                   inputs: [("accounts", accounts.staged(in: out + "/.inputs", name: "accounts.csv")),
                                            ("entities", entities.staged(in: out + "/.inputs", name: "entities.csv")),
                                            ("esg", esg?.staged(in: out + "/.inputs", name: "esg.csv")),
                                            ("methodology", methodology)],
                                   factorDigest: "", methodology: "\(method.id)@\(method.version)", excel: settings.excel)
    }
    return result
  }
}
