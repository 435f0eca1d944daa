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

/// The manifest every command with `--out` writes last.
enum Provenance {
  /// The entry of output `name` from `digest` of the parts it was assembled from, or none
  /// (the manifest then reads the file) when the file is not exactly the bytes digested.
  static func outputEntries(_ digest: BackgroundDigest?, named name: String, out: String) -> [OutputManifest.Entry] {
    guard let digest, let e = try? digest.entry(named: name, matching: out + "/" + name) else { return [] }
    return [e]
  }

  static var methodologies: [String: String] {
    [
      "esg_score": "\(ScoringMethodology.bundled.id)@\(ScoringMethodology.bundled.version)",
      "green_tagging": Catalogue.bundled.ruleVersion,
      "financed_emissions": "PCAF Part A 2nd edition (2022)",
      "greenledger": greenLedgerVersion,
    ]
  }

  /// Writes `out/manifest.json` over every file in `out` and the given inputs (nil ones skipped).
  static func writeManifest(out: String, command: String, inputs: [(String, String?)], factorDigest: String,
                            methodology: String? = nil, excel: Bool = false) throws
  {
    try writeManifest(out: out, command: command,
                      inputEntries: OutputManifest.inputEntries(inputs.compactMap { role, path in path.map { (role, $0) } }),
                      factorDigest: factorDigest, methodology: methodology, excel: excel)
  }

  /// The same with inputs digested beforehand (run reports them in summary.json too).
  static func writeManifest(out: String, command: String, inputEntries: [OutputManifest.Entry], factorDigest: String,
                            methodology: String? = nil, precomputed: [OutputManifest.Entry] = [],
                            excel: Bool = false) throws
  {
    // --excel: marked files differ from the digests computed while they were written.
    let marked = excel ? Set(try SpreadsheetCompatibility.addByteOrderMarks(inCSVFilesOf: out)) : []
    let precomputed = precomputed.filter { !marked.contains($0.path) }
    var methods = methodologies
    if let methodology { methods["esg_score"] = methodology }
    try OutputManifest(directory: out, command: command, inputEntries: inputEntries, factorSetDigest: factorDigest,
                       methodologies: methods, precomputed: precomputed).write(to: out)
  }
}
