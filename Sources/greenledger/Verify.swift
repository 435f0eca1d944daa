import ArgumentParser
import GreenLedger

/// `greenledger verify`: recompute the digests of an output directory's manifest.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check an output directory against its manifest.json (SHA-256 and SM3 of every output and input).",
    discussion: """
      Every command that writes --out DIR also writes DIR/manifest.json. verify recomputes each
      digest and lists what changed, what is missing and what is not in the manifest; exit
      status 3 if anything differs.

      Example:
        greenledger verify greenledger-demo
      """
  )

  @Argument(help: "An output directory.") var directory: String

  func run() throws {
    let (checked, problems) = try OutputManifest.verify(directory: directory)
    for p in problems { print("DIFFERS: \(p)") }
    if problems.isEmpty {
      print("\(directory): \(checked) files verified (SHA-256 and SM3), nothing changed")
    } else {
      FileSystem.printError("error: \(problems.count) difference\(problems.count == 1 ? "" : "s") against \(directory)/manifest.json")
      throw ExitCode(3)
    }
  }
}
