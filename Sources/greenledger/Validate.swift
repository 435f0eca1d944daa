import ArgumentParser
import GreenLedger

/// `greenledger validate`: checks one input file against the data contract.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a loans, borrowers, activities or esg file against the data contract.",
    discussion: """
      Prints the rows read, accepted and rejected. Each rejected row goes to the rejects
      file with its line, column and reason.

      With --entities (activities only), every row also goes through the accounting engine
      under the same options as `account` (factor set, method, GWP set, as-of date, scope 3
      proxy): a file this accepts is a file `account` accepts, and the rejects are the same.

      Example:
        greenledger validate --kind activities Examples/activities.csv --rejects rejects.csv
        greenledger validate --kind activities Examples/activities.csv --entities Examples/borrowers.csv
      """
  )

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case loans, borrowers, activities, esg
  }

  @Option(help: "The kind of file: loans, borrowers, activities or esg.")
  var kind: Kind

  @Argument(help: "The CSV file to check.")
  var file: String

  @Option(help: "Write rejected rows here (file,line,column,reason,raw).")
  var rejects: String?

  @Option(help: "Entities (borrowers.csv format): check activities as `account` would.") var entities: String?
  @Option(help: "With --entities: combustion method, as in account (default: each region's own).")
  var method: Account.MethodChoice?
  @Option(help: "With --entities: GWP-100 set.") var gwp: Account.GWPChoice = .ar6
  @Option(help: "With --entities: the as-of date YYYY-MM-DD (default: today).") var asOf: String?
  @Option(help: "With --entities: scope 3 proxy region, as in account.") var scope3ProxyRegion: String?
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try OutputPlan(directory: nil, otherFiles: rejects.map { [$0] } ?? []).check(inputs: [(kind.rawValue, file)] + (entities.map { [("entities", $0)] } ?? []))
    if let entities {
      guard kind == .activities else { throw ValidationError("--entities applies to --kind activities only") }
      return try validateAsAccount(entities: entities)
    }
    let report = try ContractCheck.validate(file, kind: kind.rawValue, rejectsPath: rejects,
                                            common: common)
    print("\(file): read \(report.read), accepted \(report.accepted), rejected \(report.rejected)")
    try common.checkRejects(report.rejected)
  }
}

extension Validate {
  /// The rows `account` would reject, by running its engine without writing accounts.
  func validateAsAccount(entities: String) throws {
    var options = AccountingOptions(methodology: method?.methodology, gwpSet: gwp.set, asOf: try Account.day(asOf))
    options.scope3ProxyRegion = scope3ProxyRegion
    var job = AccountingJob(activities: .file(file), entities: .file(entities), factors: try factorOptions.load(), options: options)
    job.settings = common.settings(threads: 2)
    let (counts, warnings) = try job.check(writingRejectsTo: rejects)
    for w in warnings { common.warn(w) }
    print("\(file): read \(counts.read), accepted \(counts.accepted), rejected \(counts.rejected)")
    try common.checkRejects(counts.rejected)
  }
}

/// Validation shared by `validate` and `demo`.
enum ContractCheck {
  static func validate(_ file: String, kind: String, rejectsPath: String?,
                       common: CommonOptions) throws -> ValidationReport
  {
    guard let schema = DataContract.schema(named: kind) else {
      throw ValidationError("unknown kind \(kind)")
    }
    let rejects = try RejectsWriter(path: rejectsPath)
    let report = try TableValidator(schema: schema).validate(file: file, rejects: rejects)
    try rejects.close()
    if common.excel, let rejectsPath { try SpreadsheetCompatibility.addByteOrderMark(toFile: rejectsPath) }
    for warning in report.warnings { common.warn(warning) }
    return report
  }
}
