public import ArgumentParser
public import GreenLedger

/// The institution, the report's language and `--pdf`, shared by `run` and `demo`.
struct ReportOptions: ParsableArguments {
  @Option(help: "The institution whose book it is, named in the report.") var institution: String?
  @Option(help: "The institution's own entity (borrowers.csv, activities.csv): its own operations in the JR/T 0227 disclosure.")
  var institutionEntity: String?
  @Option(help: "Language of report.html: zh or en.") var lang = ReportLanguage.zh
  @Flag(help: "Also print report.html to report.pdf (needs Chromium: apt-get install -y chromium).") var pdf = false

  /// Sets what was given; the rest stays as the pipeline has it.
  func apply(to pipeline: inout Pipeline) {
    pipeline.institution = institution ?? pipeline.institution
    pipeline.institutionEntity = institutionEntity.map { EntityID($0) } ?? pipeline.institutionEntity
    (pipeline.reportLanguage, pipeline.writesPDF) = (lang, pdf)
  }
}

extension ReportLanguage: ExpressibleByArgument {}
