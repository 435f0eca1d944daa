public import ArgumentParser
public import GreenLedger

/// `--lang` and `--pdf`, shared by `run` and `demo`.
struct ReportOptions: ParsableArguments {
  @Option(help: "Language of report.html: zh or en.") var lang = ReportLanguage.zh
  @Flag(help: "Also print report.html to report.pdf (needs Chromium: apt-get install -y chromium).") var pdf = false

  func apply(to pipeline: inout Pipeline) {
    (pipeline.reportLanguage, pipeline.writesPDF) = (lang, pdf)
  }
}

extension ReportLanguage: ExpressibleByArgument {}
