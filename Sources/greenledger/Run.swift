import ArgumentParser
import Foundation
import GreenLedger

/// `greenledger run`: accounts → scores → tags → financed emissions → report.html.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run every stage (accounts, scores, tags, financed emissions) and write report.html.",
    discussion: """
      Writes to --out: accounts.csv, lines.csv, facilities.csv (with --activities), scores.csv,
      explanations.csv (with --activities), tags.csv, green_summary.json, financed.csv,
      borrower_attribution.csv, report.html, summary.json (every stage's counts and the
      provenance: factor-set digest, dataset and methodology versions, input file digests),
      rejects.csv (all stages), and stages/<stage>/ with each stage's own summary and rejects.

      Example:
        greenledger run --loans Examples/loans.csv --borrowers Examples/borrowers.csv \\
          --activities Examples/activities.csv --esg Examples/esg.csv --fx Examples/fx.csv --out out/
      """
  )

  @Option(help: "loans.csv.") var loans: String
  @Option(help: "borrowers.csv (also the entities of the carbon accounts).") var borrowers: String
  @Option(help: "activities.csv: enables carbon accounts and scores.") var activities: String?
  @Option(help: "esg.csv for the S and G pillars.") var esg: String?
  @Option(help: "benchmarks.csv: sector averages for the carbon-efficiency grade.") var benchmarks: String?
  @Option(help: "Exchange rates into CNY (currency,cny_per_unit).") var fx: String?
  @Option(help: "Country GDP (PPP) and emissions for sovereign debt.") var countries: String?
  @Option(help: "Sector intensities (prefix,tco2e_per_million_cny); default: the factor set's.") var sectorIntensities: String?
  @Option(help: "Scoring methodology JSON (default: the bundled one).") var methodology: String?
  @Option(help: "Combustion method for every entity (default: each entity's region's own; see account --help).")
  var method: Account.MethodChoice?
  @Option(help: "Region whose scope 3 factors stand in where the activity's region has none (passed to account).")
  var scope3ProxyRegion: String?
  @Option(help: "Reporting date YYYY-MM-DD (default: today).") var asOf: String?
  @Option(help: "Threads for accounts and financed emissions.") var threads = 2
  @Option(help: "Output directory.") var out: String
  @OptionGroup var factorOptions: FactorOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    if activities == nil {
      for (flag, value) in [("--esg", esg), ("--methodology", methodology), ("--benchmarks", benchmarks)] where value != nil {
        throw ValidationError("\(flag) needs --activities: scores and carbon grades are built on the carbon accounts "
          + "that the activities give")
      }
    }
  }

  func run() throws {
    try Pipeline(loans: loans, borrowers: borrowers, activities: activities, esg: esg, benchmarks: benchmarks, fx: fx,
                 countries: countries, sectorIntensities: sectorIntensities, methodology: methodology, asOf: asOf,
                 threads: threads, out: out, factors: factorOptions.factors, quiet: common.quiet, excel: common.excel,
                 maxRejects: common.maxRejects, method: method?.rawValue, scope3ProxyRegion: scope3ProxyRegion).run()
  }
}

/// The stages of `run` and `demo`, each run as its own command into `out/stages/<stage>`,
/// then gathered.
struct Pipeline {
  var loans, borrowers: String
  var activities, esg, benchmarks, fx, countries, sectorIntensities, methodology, asOf: String?
  var threads: Int
  var out: String
  var factors: String?
  var quiet: Bool
  var excel = false
  var maxRejects: Int?
  /// account's --method and --scope3-proxy-region, when given.
  var method: String?
  var scope3ProxyRegion: String?

  /// Main outputs of each stage, moved to `out`.
  static let outputs = [
    "account": ["accounts.csv", "lines.csv", "facilities.csv"],
    "score": ["scores.csv", "explanations.csv"],
    "tag": ["tags.csv", "green_summary.json"],
    "finance": ["financed.csv", "borrower_attribution.csv"],
  ]

  func run() throws {
    try OutputPlan(directory: out, files: Self.outputs.values.flatMap { $0 }.sorted()
      + ["report.html", "summary.json", "rejects.csv", "manifest.json"], workDirectories: ["stages"])
      .check(inputs: [("loans", loans), ("borrowers", borrowers), ("activities", activities), ("esg", esg),
                      ("benchmarks", benchmarks), ("fx", fx), ("countries", countries),
                      ("sector_intensities", sectorIntensities), ("methodology", methodology)])
    try FileSystem.createDirectory(out + "/stages")
    let day = try asOf ?? Account.day(nil).description
    var common = ["--as-of", day] + (quiet ? ["--quiet"] : []) + (excel ? ["--excel"] : [])
    if let factors { common += ["--factors", factors] }
    let stage = { (name: String) in out + "/stages/" + name }
    var stages: [String] = []
    if let activities {
      try Account.parse(["--activities", activities, "--entities", borrowers, "--threads", String(threads),
                         "--out", stage("account")] + (benchmarks.map { ["--benchmarks", $0] } ?? [])
                         + (method.map { ["--method", $0] } ?? [])
                         + (scope3ProxyRegion.map { ["--scope3-proxy-region", $0] } ?? []) + common).run()
      stages.append("account")
      try Score.parse(["--accounts", stage("account") + "/accounts.csv", "--entities", borrowers, "--out", stage("score")]
        + (esg.map { ["--esg", $0] } ?? []) + (methodology.map { ["--methodology", $0] } ?? [])
        + (quiet ? ["--quiet"] : []) + (excel ? ["--excel"] : [])).run()
      stages.append("score")
    }
    let accounts = activities == nil ? [] : ["--accounts", stage("account") + "/accounts.csv"]
    try Tag.parse(["--loans", loans, "--borrowers", borrowers, "--threads", String(threads), "--out", stage("tag")] + accounts
      + (fx.map { ["--fx", $0] } ?? []) + common).run()
    stages.append("tag")
    try Finance.parse(["--loans", loans, "--borrowers", borrowers, "--threads", String(threads), "--out", stage("finance"),
                       "--tags", stage("tag") + "/tags.csv"] + accounts + (fx.map { ["--fx", $0] } ?? [])
      + (countries.map { ["--countries", $0] } ?? []) + (sectorIntensities.map { ["--sector-intensities", $0] } ?? [])
      + common).run()
    stages.append("finance")

    for s in stages {
      for file in Self.outputs[s] ?? [] where FileSystem.exists(stage(s) + "/" + file) {
        try FileSystem.move(stage(s) + "/" + file, to: out + "/" + file)
      }
    }
    let rejected = try gatherRejects(stages: stages)
    let inputs = [("loans", loans), ("borrowers", borrowers)] + [("activities", activities), ("esg", esg),
      ("benchmarks", benchmarks), ("fx", fx), ("countries", countries), ("sector_intensities", sectorIntensities),
      ("methodology", methodology)].compactMap { k, v in v.map { (k, $0) } }
    let factorSet = try factors.map { try FactorSet.load(directory: $0) } ?? FactorSet.bundled()
    let inputEntries = try OutputManifest.inputEntries(inputs)  // read once: for summary.json and manifest.json
    let summary = try Self.summary(out: out, stages: stages, rejected: rejected, inputs: inputEntries, factors: factorSet,
                                   methodology: methodology)
    try FileSystem.write(summary.rendered(), to: out + "/summary.json")
    try Report(directory: out).write(to: out + "/report.html")
    try Provenance.writeManifest(out: out, command: "run", inputEntries: inputEntries,
                                 factorDigest: factorSet.digest, methodology: "\(ScoringMethodology.bundled.id)@\(ScoringMethodology.bundled.version)",
                                 excel: excel)
    print("outputs in \(out)/: " + (stages.flatMap { Self.outputs[$0] ?? [] } + ["report.html", "summary.json", "rejects.csv"])
      .joined(separator: ", "))
    if let maxRejects, rejected > maxRejects {
      FileSystem.printError("error: \(rejected) rows rejected, more than --max-rejects \(maxRejects)")
      throw ExitCode(3)
    }
  }

  /// rejects.csv of every stage, each row once (borrowers' rejects appear in several stages).
  func gatherRejects(stages: [String]) throws -> Int {
    let w = try CSVWriter(path: out + "/rejects.csv", header: RejectsWriter.header)
    var seen: Set<String> = []
    for s in stages {
      try CSVReader.read(file: out + "/stages/\(s)/rejects.csv") { r in
        guard r.line > 1, r.count >= 3 else { return }
        let key = r.string(at: 0) + ":" + r.string(at: 1) + ":" + r.string(at: 2)
        if seen.insert(key).inserted { w.writeRow(r.outputStrings) }
      }
    }
    try w.close()
    return seen.count
  }

  /// summary.json of the run: each stage's rows, the portfolio, and the provenance.
  static func summary(out: String, stages: [String], rejected: Int, inputs: [OutputManifest.Entry], factors: FactorSet,
                      methodology: String?) throws -> JSONValue
  {
    // Rows by input file: each file is counted once, by the stage that owns it.
    var stageRows: [(String, JSONValue)] = []
    var read = 0
    var accepted = 0
    for s in stages {
      let bytes = try FileSystem.contents(of: out + "/stages/\(s)/summary.json")
      let stageSummary = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
      let rows = stageSummary["rows"] as? [String: Int] ?? [:]
      stageRows.append((s, .object(["read", "accepted", "rejected"].map { ($0, .int(rows[$0] ?? 0)) })))
      let owns = ["account": "activities.csv", "score": "esg.csv", "finance": "loans.csv"]
      if owns[s] != nil {
        read += rows["read"] ?? 0
        accepted += rows["accepted"] ?? 0
      }
      if s == "finance", let b = stageSummary["borrowers"] as? [String: Int] {
        read += b["read"] ?? 0
        accepted += (b["read"] ?? 0) - (b["rejected"] ?? 0)
      }
    }
    let digests = inputs.map { e in (e.role ?? "", JSONValue.object([
      ("file", .string(basename(e.path))), ("sha256", .string("sha256:" + e.sha256)),
    ])) }
    let method = try methodology.map { try ScoringMethodology.decode(FileSystem.contents(of: $0), file: $0) } ?? .bundled
    return .object([
      ("command", .string("run")),
      ("rows", .object([("read", .int(read)), ("accepted", .int(accepted)), ("rejected", .int(read - accepted))])),
      ("distinct_rejected_rows", .int(rejected)),
      ("stages", .object(stageRows)),
      ("factor_set_digest", .string(factors.digest)),
      ("datasets", .array(factors.manifest.datasets.map { .string("\($0.id)@\($0.version)") })),
      ("methodologies", .object([
        ("esg_score", .string("\(method.id)@\(method.version)")),
        ("green_tagging", .string(Catalogue.bundled.ruleVersion)),
        ("financed_emissions", .string("PCAF Part A 2nd edition (2022)")),
      ])),
      ("inputs", .object(digests)),
    ])
  }
}
