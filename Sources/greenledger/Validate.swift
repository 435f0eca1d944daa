import ArgumentParser
import GreenLedger

/// `greenledger validate`: checks one input file against the data contract.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a loans, borrowers, activities or esg file against the data contract.",
    discussion: """
      Prints the rows read, accepted and rejected. Each rejected row goes to the rejects
      file with its line, column and reason.

      Example:
        greenledger validate --kind activities Examples/activities.csv --rejects rejects.csv
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

  @OptionGroup var common: CommonOptions

  func run() throws {
    try OutputPlan(directory: nil, otherFiles: rejects.map { [$0] } ?? []).check(inputs: [(kind.rawValue, file)])
    let report = try ContractCheck.validate(file, kind: kind.rawValue, rejectsPath: rejects,
                                            common: common)
    print("\(file): read \(report.read), accepted \(report.accepted), rejected \(report.rejected)")
    try common.checkRejects(report.rejected)
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
