import ArgumentParser
import GreenLedger

/// `greenledger factors …`: list, look up, validate, compare and seal factor tables.
struct Factors: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Inspect, look up, validate and compare emission-factor tables.",
    discussion: """
      Without --factors, the factor set compiled into greenledger (from the repository's
      EmissionFactors/) is used.

      Example:
        greenledger factors lookup --activity electricity.grid --region CN-ZJ --date 2022-06-30
      """,
    subcommands: [List.self, Lookup.self, Validate.self, Diff.self, Manifest.self]
  )
}

/// `--factors DIR`, shared by every command that uses factors.
struct FactorOptions: ParsableArguments {
  @Option(help: "A factor-table directory laid out as EmissionFactors/ (default: the bundled set).")
  var factors: String?

  func load() throws -> FactorSet {
    if let factors { return try FactorSet.load(directory: factors) }
    return try FactorSet.bundled()
  }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

extension Factors {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the datasets of the factor set with versions, licences and digests.",
      discussion: "Example:\n  greenledger factors list --format json")

    @OptionGroup var source: FactorOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
      let set = try source.load()
      switch format {
      case .json:
        print(set.datasetListing().rendered(), terminator: "")
      case .table:
        print("factor set: \(set.sourceName)\ndigest: \(set.digest)\n")
        let rows = set.manifest.datasets.map { e -> [String] in
          let info = set.datasets[e.id]!
          return [e.id, e.version, e.official ? "yes" : "NO (estimate)",
                  info.tables.map(\.kind).joined(separator: "+"), e.licence]
        }
        print(TextTable(header: ["dataset", "version", "official", "tables", "licence"], rows: rows).text)
      }
    }
  }

  struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the factor for an activity, region and date, with its resolution trace.",
      discussion: """
        Falls back province → grid region → country → GLOBAL, then to the latest earlier
        validity; every fallback is in the trace. Combustion activities (stationary.<fuel>,
        mobile.<fuel>) with default fuel parameters nearer than any factor row give the
        derived CO2 factor NCV × CC × OF × 44/12.

        Example:
          greenledger factors lookup --activity stationary.diesel --region CN --date 2024-05-01 --format json
        """)

    @OptionGroup var source: FactorOptions
    @Option(help: "Activity key, e.g. electricity.grid.") var activity: String
    @Option(help: "ISO 3166 region, e.g. CN-ZJ.") var region: String
    @Option(help: "Activity date, YYYY-MM-DD.") var date: String
    @Option(help: "Series, e.g. ets.national-grid (default: the series defaults table).") var series: String?
    @Option(help: "Use only this dataset version, never falling back: DATASET@VERSION.") var pin: String?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: "Also show the lines `account` computes for this quantity (e.g. 1000), in --unit.") var quantity: Double?
    @Option(help: "Unit of --quantity (kWh, t, L, 万Nm3, CNY, …).") var unit: String?
    @Option(help: "Combustion method for the --quantity lines (default: the region's own, as in account).")
    var method: Account.MethodChoice?

    func run() throws {
      let set = try source.load()
      guard let day = Day(iso: date) else {
        throw ValidationError("--date must be an existing day YYYY-MM-DD, found \"\(date)\"")
      }
      if quantity != nil, unit == nil { throw ValidationError("--quantity needs --unit") }
      var pinned: DatasetPin?
      if let pin {
        guard let p = DatasetPin(pin) else { throw ValidationError("--pin must be DATASET@VERSION") }
        pinned = p
      }
      var answer = try FactorLookupAnswer(set, activity: activity, region: region, date: day,
                                            series: series, pin: pinned)
      if let quantity, let unit {
        let options = AccountingOptions(methodology: method?.methodology, asOf: day)
        let period = Period.year(day.year)!
        answer.accountLines = try CarbonAccounting.explain(activity, quantity: Quantity(quantity, try UnitOfMeasure(parsing: unit)),
                                                           region: region, period: period, factors: set, options: options)
      }
      switch format {
      case .json: print(answer.json(set: set).rendered(), terminator: "")
      case .table: print(answer.text)
      }
    }
  }

  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Verify digests and validate every table of a factor set.",
      discussion: """
        Checks the manifest digests, each table's schema, units and their dimensions, value
        ranges per activity family, duplicate ids and overlapping validity. Exit 0 when
        valid, 3 with every problem listed otherwise.

        Example:
          greenledger factors validate --factors EmissionFactors
        """)

    @OptionGroup var source: FactorOptions

    func run() throws {
      let set = try source.load()
      print("""
        \(set.sourceName): valid — \(set.datasets.count) datasets, \(set.emissionFactors.count) emission factors, \
        \(set.fuelParameters.count) fuel parameter sets, \(set.gwp.values.reduce(0) { $0 + $1.count }) GWP values, \
        \(set.coefficients.count) coefficients, \(set.sectorIntensities.count) sector intensities, \
        \(set.regions.count) regions
        factor-set digest: \(set.digest)
        """)
    }
  }

  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare two factor sets row by row (added, removed, changed with relative change).",
      discussion: """
        Both sets are validated; their manifests are not required to be current, so a
        proposed update can be reviewed before it is sealed.

        Example:
          greenledger factors diff old/EmissionFactors EmissionFactors --format json
        """)

    @Argument(help: "The current factor directory.") var old: String
    @Argument(help: "The proposed factor directory.") var new: String
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
      let a = try FactorSet.load(from: .directory(old), verifyingDigests: false)
      let b = try FactorSet.load(from: .directory(new), verifyingDigests: false)
      let diff = FactorSetDiff(old: a, new: b)
      switch format {
      case .json:
        print(diff.json(old: (old, a.digest), new: (new, b.digest)).rendered(), terminator: "")
      case .table:
        print(diff.text(oldDigest: a.digest, newDigest: b.digest))
      }
    }
  }

  struct Manifest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recompute the digests of a factor directory and write its manifest.json.",
      discussion: """
        The last step of a reviewed factor update (see EmissionFactors/README.md); then run
        scripts/embed-factors to compile the set into greenledger.

        Example:
          greenledger factors manifest --factors EmissionFactors
        """)

    @Option(help: "The factor directory to seal.") var factors = "EmissionFactors"

    func run() throws {
      let set = try FactorSet.load(from: .directory(factors), verifyingDigests: false)
      try FileSystem.write(set.manifest.rendered(), to: factors + "/manifest.json")
      print("wrote \(factors)/manifest.json — \(set.manifest.datasets.count) datasets, digest \(set.digest)")
    }
  }
}
