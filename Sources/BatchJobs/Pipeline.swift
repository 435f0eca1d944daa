public import Accounting
public import FactorTables
public import Quantities
public import LoanBook
import ESGScoring
import Integrity
import Tabular

/// Every stage over one loan book, in one process: accounts → scores → tags → financed
/// emissions → report.html, with one summary.json, one rejects.csv and one manifest.json.
///
/// Each stage is its job (``AccountingJob``, ``ScoringJob``, ``TaggingJob``,
/// ``FinancedEmissionsJob``) writing into `out/stages/<stage>/`; the stages hand each other
/// their outputs (accounts to scores, tags and financed emissions; tags to financed
/// emissions), the main outputs are moved to `out`, and the inputs are digested once, on
/// background threads while the stages run.
///
/// ```swift
/// var pipeline = Pipeline(loans: "loans.csv", borrowers: "borrowers.csv", factors: try FactorSet.bundled())
/// pipeline.activities = "activities.csv"
/// let result = try pipeline.run(writingTo: "out")   // out/report.html
/// ```
public struct Pipeline: Sendable {
  /// loans.csv, or rows in its layout.
  public var loans: TableSource
  /// borrowers.csv (or rows), also the entities of the carbon accounts.
  public var borrowers: TableSource
  /// activities.csv (or rows): enables carbon accounts and scores.
  public var activities: TableSource?
  /// esg.csv for the S and G pillars (needs ``activities``).
  public var esg: String?
  /// Sector averages for the carbon-efficiency grade (needs ``activities``).
  public var benchmarks: String?
  /// Exchange rates into CNY (currency,cny_per_unit).
  public var exchangeRates: String?
  /// Country GDP (PPP) and emissions for sovereign debt.
  public var countries: String?
  /// Sector intensities for option 3 estimates (default: the factor set's).
  public var sectorIntensities: String?
  /// A scoring methodology JSON file (needs ``activities``).
  public var methodology: String?
  /// The emission-factor set of every stage.
  public var factors: FactorSet
  /// The accounting's options; its `asOf` is set to ``reportingDay``.
  public var accountingOptions = AccountingOptions(asOf: .today())
  /// The reporting day of every stage.
  public var reportingDay = Day.today()
  /// Threads, progress, read limits and output encoding.
  public var settings = JobSettings()
  /// The disclosures written into `out/disclosures/` (`<id>.csv` and `<id>.json`); the bundled
  /// PCAF and PBoC templates unless set.
  public var disclosureTemplates = DisclosureTemplate.bundled
  /// The institution whose book it is, named in the report's heading.
  public var institution: String?
  /// The institution's own entity — a row of borrowers.csv whose activities are the
  /// institution's own operations (offices, branches, data centres, fleet): its carbon account
  /// fills the JR/T 0227 disclosure of the institution's own operations.
  public var institutionEntity: EntityID?
  /// The language of report.html (Chinese unless set).
  public var reportLanguage = ReportLanguage.zh
  /// Whether report.html is also printed to report.pdf (``ReportPrinter``, headless Chromium).
  public var writesPDF = false
  /// A sustainability-linked loan's ratchet terms (JSON) and observed KPI values (year,kpi,value):
  /// the run also writes pricing.csv (the scores' grades on the example grid) and ratchet.csv
  /// (``PricingJob``).
  public var sustainabilityLinkedLoan: (terms: String, observed: String)?
  /// The previous period's run directory: its financed.csv is compared with this run's
  /// (change.csv, summary.json `totals.change_vs_previous`, the disclosures and the report).
  public var previous: String?

  /// A run over a loan book and its borrowers: tags and financed emissions; set ``activities`` for accounts and scores.
  public init(loans: TableSource, borrowers: TableSource, factors: FactorSet) {
    self.loans = loans
    self.borrowers = borrowers
    self.factors = factors
  }

  /// Main outputs of each stage, moved to `out`.
  public static let stageOutputs: KeyValuePairs<String, [String]> = [
    "account": ["accounts.csv", "lines.csv", "facilities.csv"],
    "score": ["scores.csv", "explanations.csv"],
    "tag": ["tags.csv", "green_summary.json"],
    "finance": ["financed.csv", "borrower_attribution.csv"],
  ]

  /// Runs every stage into `out` (created if needed).
  ///
  /// - Throws: ``JobOptionsError`` when esg, benchmarks or a methodology come without
  ///   activities; what each stage's job throws.
  public func run(writingTo out: String) throws -> PipelineResult {
    let needingActivities = [("esg", esg), ("methodology", methodology), ("benchmarks", benchmarks)].filter { $0.1 != nil }
    if activities == nil, let (first, _) = needingActivities.first {
      throw JobOptionsError("\(first) needs activities: scores and carbon grades are built on the carbon accounts that "
        + "the activities give")
    }
    let others = [("esg", esg), ("benchmarks", benchmarks), ("fx", exchangeRates), ("countries", countries),
                  ("sector_intensities", sectorIntensities), ("methodology", methodology),
                  ("previous_financed", previous.map { $0 + "/financed.csv" }),
                  ("sll_terms", sustainabilityLinkedLoan?.terms), ("sll_observed", sustainabilityLinkedLoan?.observed)]
    let runOutputs = ["report.html", "report.pdf", "summary.json", "rejects.csv", "manifest.json", "change.csv", "pricing.csv",
                      "ratchet.csv"]
    try OutputPlan(directory: out, files: Self.stageOutputs.flatMap(\.value).sorted() + runOutputs,
                   workDirectories: ["stages", ".inputs"])
      .check(inputs: [("loans", loans.filePath), ("borrowers", borrowers.filePath), ("activities", activities?.filePath)]
        + others)
    // Rows an app hands over are written once, and every stage reads the same file.
    let loans = try self.loans.path(staging: out + "/.inputs", name: "loans.csv")
    let borrowers = try self.borrowers.path(staging: out + "/.inputs", name: "borrowers.csv")
    let activities = try self.activities?.path(staging: out + "/.inputs", name: "activities.csv")
    let inputs = [("loans", loans), ("borrowers", borrowers)]
      + ([("activities", activities)] + others).compactMap { k, v in v.map { (k, $0) } }
    let inputDigests = InputDigests(inputs.map { ($0.0, Optional($0.1)) })
    try FileSystem.createDirectory(out + "/stages")
    let stage = { (name: String) in out + "/stages/" + name }
    // The stages write no manifest and no byte-order marks: the run adds both at the end.
    var stageSettings = settings
    (stageSettings.writesManifest, stageSettings.excel) = (false, false)
    var result = PipelineResult(directory: out)
    var accounts: String?
    var accountFigures: PortfolioReport.AccountFigures?
    var accountTotals: AccountTotals?
    var ownOperations: JSONValue?
    var esgGrades: [PortfolioReport.Bar] = []
    if let activities {
      var options = accountingOptions
      options.asOf = reportingDay
      var job = AccountingJob(activities: .file(activities), entities: .file(borrowers), factors: factors, options: options)
      (job.benchmarks, job.settings) = (benchmarks, stageSettings)
      result.accounting = try job.run(writingTo: stage("account"))
      // The report's figures now; the accounts themselves are not kept across the stages.
      accountFigures = PortfolioReport.AccountFigures(result.accounting?.accounts ?? [])
      accountTotals = AccountTotals(result.accounting?.accounts ?? [])
      ownOperations = institutionEntity.flatMap { id in
        AccountTotals(result.accounting?.accounts.filter { $0.entity == id } ?? []).latestYear
      }
      result.accounting?.accounts = []
      accounts = stage("account") + "/accounts.csv"
      var scoring = ScoringJob(accounts: .file(accounts!), entities: .file(borrowers))
      (scoring.esg, scoring.methodology, scoring.settings) = (esg.map(TableSource.file), methodology, stageSettings)
      result.scoring = try scoring.run(writingTo: stage("score"))
      esgGrades = result.scoring.map(PortfolioReport.gradeBars) ?? []
      result.scoring?.scores = []  // in scores.csv
      result.scoring?.rejects = []  // in rejects.csv
    }
    var tagging = TaggingJob(loans: .file(loans), factors: factors)
    (tagging.borrowers, tagging.accounts, tagging.exchangeRates) = (.file(borrowers), accounts, exchangeRates)
    (tagging.reportingDay, tagging.settings) = (reportingDay, stageSettings)
    result.tagging = try tagging.run(writingTo: stage("tag"))
    var financing = FinancedEmissionsJob(loans: .file(loans), borrowers: .file(borrowers), factors: factors)
    (financing.accounts, financing.exchangeRates, financing.countries, financing.sectorIntensities) =
      (accounts, exchangeRates, countries, sectorIntensities)
    financing.tags = stage("tag") + "/tags.csv"
    (financing.reportingDay, financing.settings) = (reportingDay, stageSettings)
    result.financing = try financing.run(writingTo: stage("finance"))

    // Main outputs move to `out`, with the digests computed while they were written.
    var precomputed: [OutputManifest.Entry] = []
    let entries = (result.accounting?.outputEntries ?? []) + (result.financing?.outputEntries ?? [])
    for (s, files) in Self.stageOutputs where FileSystem.isDirectory(stage(s)) {
      for file in files where FileSystem.exists(stage(s) + "/" + file) {
        try FileSystem.move(stage(s) + "/" + file, to: out + "/" + file)
        if var e = entries.first(where: { $0.path == file }) {
          e.path = file
          precomputed.append(e)
        }
      }
    }
    result.distinctRejectedRows = try RunRejects.gather(stages: result.stageNames.map(stage), into: out + "/rejects.csv")
    let inputEntries = try inputDigests.entries()
    let method = try methodology.map { try ScoringMethodology.decode(FileSystem.contents(of: $0), file: $0) } ?? .bundled
    let comparison = try previous.map { try PeriodComparison(previous: $0, current: out + "/financed.csv") }
    try comparison?.writeLoans(to: out + "/change.csv", byteOrderMark: settings.excel)
    let summary = RunSummary(result: result, inputs: inputEntries, factors: factors, methodology: method, reportingDay: reportingDay,
                             accountTotals: accountTotals, change: comparison?.json).json()
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    let facts = DisclosureFacts(finance: result.financing?.summary, green: result.tagging?.greenSummary,
                                accountsByYear: accountTotals?.json, change: comparison?.json, ownOperations: ownOperations,
                                methods: summary["methodologies"])
    let disclosures = disclosureTemplates.map { Disclosure($0, facts: facts) }
    for disclosure in disclosures { try disclosure.write(to: out + "/disclosures", byteOrderMark: settings.excel) }
    var report = PortfolioReport(run: summary, finance: result.financing?.summary ?? .null,
                                 green: result.tagging?.greenSummary ?? .null, accounts: accountFigures, financedFile: out + "/financed.csv")
    (report.language, report.institution, report.reportingDay, report.esgGrades) = (reportLanguage, institution, reportingDay, esgGrades)
    (report.change, report.previousRun) = (comparison?.json, try previous.flatMap(Self.previousSummary))
    (report.ownOperations, report.disclosures) = (ownOperations, disclosures)
    try report.write(to: out + "/report.html")
    if writesPDF { try ReportPrinter().print(out + "/report.html", to: out + "/report.pdf") }
    if let loan = sustainabilityLinkedLoan {
      var pricing = PricingJob()
      (pricing.scores, pricing.ratchet, pricing.observed) = (activities == nil ? nil : out + "/scores.csv", loan.terms, loan.observed)
      pricing.writesManifest = false  // the run's manifest, written last, covers pricing.csv and ratchet.csv
      try pricing.run(writingTo: out)
    }
    if settings.excel {
      for s in result.stageNames { _ = try SpreadsheetCompatibility.addByteOrderMarks(inCSVFilesOf: stage(s)) }
    }
    try Provenance.writeManifest(out: out, command: "run", inputEntries: inputEntries, factorDigest: factors.digest,
                                 methodology: "\(ScoringMethodology.bundled.id)@\(ScoringMethodology.bundled.version)",
                                 precomputed: precomputed, excel: settings.excel)
    return result
  }

  /// summary.json of the previous period's run directory, when it has one.
  static func previousSummary(_ directory: String) throws -> JSONValue? {
    let path = directory + "/summary.json"
    guard FileSystem.exists(path) else { return nil }
    do {
      return try JSONSyntax.parse(FileSystem.contents(of: path))
    } catch let e as JSONSyntax.Error {
      throw InputError(file: path, message: "line \(e.line), column \(e.column): \(e.message)")
    }
  }
}
