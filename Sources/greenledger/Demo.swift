import ArgumentParser
import GreenLedger

/// `greenledger demo`: the whole job on the bundled example data.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the whole pipeline on the bundled example bank (Examples/) and the bundled factors.",
    discussion: """
      Accounts, scores, tags and financed emissions of the example bank (120 borrowers, 300
      loans) with report.html, exactly as `greenledger run` would with Examples/'s files. The
      bank's previous period (Examples/previous/, reporting date 2025-11-29) is run first into
      OUT/previous/ and the current period compared with it (--previous), so the report shows
      the trend and the attribution of change. The example sustainability-linked loan
      (Examples/sll-terms.json, sll-observed.csv) is priced into pricing.csv and ratchet.csv.

      Example:
        greenledger demo --out /tmp/greenledger-demo
      """
  )

  @Option(help: "Output directory.")
  var out = "greenledger-demo"

  @Option(help: "The example data directory (default: the repository's Examples/).")
  var examples: String?

  @Option(help: "Reporting date YYYY-MM-DD (default: 2026-11-29, so the demo's outputs do not change with the day).")
  var asOf = "2026-11-29"

  @OptionGroup var report: ReportOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    guard let directory = examples ?? Self.locateExamples() else {
      throw InputError(file: "Examples", message:
        "cannot find the Examples/ directory; run from the repository or pass --examples DIR")
    }
    let factors = try FactorSet.bundled()
    var previous = try Pipeline(directory: directory + "/previous", factors: factors)
    (previous.reportingDay, previous.reportLanguage) = (try Account.day("2025-11-29"), report.lang)
    try previous.run(writingTo: out + "/previous", common: common)
    var pipeline = try Pipeline(directory: directory, factors: factors)
    (pipeline.reportingDay, pipeline.previous) = (try Account.day(asOf), out + "/previous")
    (pipeline.institution, pipeline.institutionEntity) = ("示例银行（虚构）Example Bank (fictional)", "FI001")
    pipeline.sustainabilityLinkedLoan = (directory + "/sll-terms.json", directory + "/sll-observed.csv")
    report.apply(to: &pipeline)
    try pipeline.run(writingTo: out, common: common)
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
