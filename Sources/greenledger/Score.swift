import ArgumentParser
import GreenLedger

/// `greenledger score`: ESG-linked scores from carbon accounts, entities and esg.csv.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score entities on E, S and G under a versioned, explainable methodology.",
    discussion: """
      Writes scores.csv, explanations.csv (every indicator's raw value, normalised score,
      weight and contribution; contributions sum to the total), summary.json and rejects.csv
      to --out. --explain ENTITY prints one entity's explanation.

      Examples:
        greenledger score --accounts out/accounts.csv --entities Examples/borrowers.csv --esg Examples/esg.csv --out scores/
        greenledger score --accounts out/accounts.csv --entities Examples/borrowers.csv --esg Examples/esg.csv --explain B002
        greenledger score --print-methodology > my-methodology.json
      """
  )

  @Option(help: "accounts.csv of `greenledger account`.") var accounts: String?
  @Option(help: "Entities in the borrowers.csv format.") var entities: String?
  @Option(help: "esg.csv: entity_id,year,indicator,value,unit,source.") var esg: String?
  @Option(help: "Methodology JSON (default: the bundled greenledger-esg 1.0.0).") var methodology: String?
  @Option(help: "Print this entity's explanation.") var explain: String?
  @Option(help: "With --explain: the year (default: the latest).") var year: Int?
  @Flag(help: "Print the bundled methodology's JSON and exit.") var printMethodology = false
  @Option(help: "Output directory.") var out: String?
  @OptionGroup var common: CommonOptions

  func validate() throws {
    if printMethodology { return }
    guard accounts != nil, entities != nil else { throw ValidationError("--accounts and --entities are required") }
    guard out != nil || explain != nil else { throw ValidationError("give --out DIR, --explain ENTITY or both") }
  }

  func run() throws {
    if printMethodology {
      print(ScoringMethodology.defaultJSON, terminator: "")
      return
    }
    var job = ScoringJob(accounts: .file(accounts!), entities: .file(entities!))
    (job.esg, job.methodology, job.settings) = (esg.map(TableSource.file), methodology, common.settings(threads: 1))
    let result = try out.map { try job.run(writingTo: $0) } ?? job.score()
    for w in result.warnings { common.warn(w) }
    let scores = result.scores
    if let out {
      print(result.line(to: out))
    }
    if let explain {
      let mine = scores.filter { $0.entityID == explain && (year == nil || $0.year == year) }
      guard let s = mine.last else {
        throw InputError(file: accounts!, message: "no score for entity \(explain)\(year.map { " in \($0)" } ?? ""); "
          + "it needs a carbon account or esg.csv rows and a borrowers row")
      }
      print(s.explanation)
    }
    try common.checkRejects(result.rejectedRows)
  }
}
