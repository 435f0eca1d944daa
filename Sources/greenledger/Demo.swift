import ArgumentParser
import GreenLedger

/// `greenledger demo`: the whole job on the bundled example data.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run GreenLedger on the bundled example bank (Examples/).",
    discussion: """
      Validates every example file against the data contract and prints their counts; the
      outputs, summary.json and rejects.csv, go to --out.

      Example:
        greenledger demo --out /tmp/greenledger-demo
      """
  )

  @Option(help: "Output directory.")
  var out = "greenledger-demo"

  @Option(help: "The example data directory (default: the repository's Examples/).")
  var examples: String?

  @OptionGroup var common: CommonOptions

  func run() throws {
    guard let directory = examples ?? Self.locateExamples() else {
      throw InputError(file: "Examples", message:
        "cannot find the Examples/ directory; run from the repository or pass --examples DIR")
    }
    try FileSystem.createDirectory(out)
    let rejectsPath = out + "/rejects.csv"
    let rejects = try RejectsWriter(path: rejectsPath)
    var total = ValidationReport()
    var files: [(String, JSONValue)] = []
    for kind in ["borrowers", "loans", "activities", "esg"] {
      let path = "\(directory)/\(kind).csv"
      let report = try TableValidator(schema: DataContract.schema(named: kind)!)
        .validate(file: path, displayName: "\(kind).csv", rejects: rejects)
      for warning in report.warnings { common.warn(warning) }
      print("\(kind).csv: read \(report.read), accepted \(report.accepted), rejected \(report.rejected)")
      total.read += report.read
      total.accepted += report.accepted
      total.rejected += report.rejected
      files.append((kind, Self.rows(report)))
    }
    try rejects.close()
    let summary = JSONValue.object([
      ("command", .string("demo")),
      ("rows", Self.rows(total)),
      ("files", .object(files)),
      ("factor_set_digest", .string("")),
    ])
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    print("outputs in \(out)/: summary.json, rejects.csv")
    try common.checkRejects(total.rejected)
  }

  static func rows(_ report: ValidationReport) -> JSONValue {
    .object([("read", .int(report.read)), ("accepted", .int(report.accepted)),
             ("rejected", .int(report.rejected))])
  }

  /// `Examples/` in the working directory or above the executable (a SwiftPM build puts it
  /// at `.build/<config>/greenledger`).
  static func locateExamples() -> String? {
    var candidates = ["Examples"]
    if var dir = FileSystem.executablePath {
      for _ in 0..<5 {
        guard let slash = dir.lastIndex(of: "/") else { break }
        dir = String(dir[..<slash])
        candidates.append(dir + "/Examples")
      }
    }
    return candidates.first { FileSystem.isDirectory($0 + "/.") && FileSystem.exists($0 + "/loans.csv") }
  }
}
