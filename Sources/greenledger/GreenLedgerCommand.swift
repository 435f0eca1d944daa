import ArgumentParser
import GreenLedger

/// The `greenledger` command: carbon accounts, scores, green tags and financed emissions
/// for lenders, from CSV files.
struct GreenLedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greenledger",
    abstract: "Carbon accounts, ESG scores, green-loan tags and financed emissions for lenders.",
    discussion: """
      Exit codes: 0 success (rejected rows allowed up to --max-rejects), 2 usage error,
      3 input error (missing file or column, too many rejects, factor-table digest
      mismatch), 4 internal error.

      Example:
        greenledger validate --kind loans loans.csv --rejects rejects.csv
      """,
    version: greenLedgerVersion,
    subcommands: [Demo.self, Run.self, Verify.self, Validate.self, Factors.self, Account.self, Score.self, Price.self, Tag.self, Finance.self, Merge.self]
  )
}

@main
enum Main {
  static func main() {
    do {
      var command = try GreenLedgerCommand.parseAsRoot()
      try command.run()
    } catch let error where Main.dataErrorStatus(error) != nil {
      FileSystem.printError("error: \(error)")
      exit(status: Main.dataErrorStatus(error)!)
    } catch let error as ExitCode {
      exit(status: error.rawValue)
    } catch {
      let code = GreenLedgerCommand.exitCode(for: error)
      if code == .success {
        GreenLedgerCommand.exit(withError: error)  // --help, --version
      } else if code == .validationFailure {
        FileSystem.printError(GreenLedgerCommand.fullMessage(for: error))
        exit(status: 2)
      } else {
        FileSystem.printError("internal error: \(error)")
        exit(status: 4)
      }
    }
  }

  /// The one mapping from the library's error kinds to exit statuses: 2 for an output the
  /// command refuses to write, 3 for inputs, factor tables, methodologies and catalogues that
  /// cannot be used; `nil` for anything else.
  static func dataErrorStatus(_ error: any Error) -> Int32? {
    switch error {
    case is OutputPlanError, is JobOptionsError: 2
    case is InputError, is RowError, is FactorSetError, is FactorLookupError, is MethodologyError, is AccountingError,
         is QuantityError, is CatalogueError:
      3
    default: nil
    }
  }

  static func exit(status: Int32) -> Never {
    GreenLedgerCommand.exit(withError: ExitCode(status))
  }
}

/// Options every file-processing command shares.
struct CommonOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Exit with status 3 when more rows than this are rejected (default: unlimited).")
  var maxRejects: Int?

  @Flag(help: "No progress or warnings on standard error.")
  var quiet = false

  @Flag(help: "Start every CSV output with a UTF-8 byte-order mark, so that Excel on Chinese Windows shows its Chinese text (GreenLedger reads such files too).")
  var excel = false

  func validate() throws {
    if excel, CommandLine.arguments.contains("--shard") {
      throw ValidationError("--excel is for files a person opens; shard outputs are for `greenledger merge` — give --excel to merge's readers' last step instead")
    }
    if let maxRejects, maxRejects < 0 {
      throw ValidationError("--max-rejects must be a count ≥ 0 (0: no reject allowed), found \(maxRejects)")
    }
  }

  func warn(_ message: String) {
    if !quiet { FileSystem.printError("warning: \(message)") }
  }

  /// Throws exit status 3 when `rejected` exceeds `--max-rejects`.
  func checkRejects(_ rejected: Int) throws {
    if let maxRejects, rejected > maxRejects {
      FileSystem.printError("error: \(rejected) rows rejected, more than --max-rejects \(maxRejects)")
      throw ExitCode(3)
    }
  }
}
