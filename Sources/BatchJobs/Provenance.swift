import ESGScoring
package import Integrity
import Tabular
import Tagging

/// The manifest every command with `--out` writes last.
package enum Provenance {
  /// The entry of output `name` from `digest` of the parts it was assembled from, or none
  /// (the manifest then reads the file) when the file is not exactly the bytes digested.
  package static func outputEntries(_ digest: BackgroundDigest?, named name: String, out: String) -> [OutputManifest.Entry] {
    guard let digest, let e = try? digest.entry(named: name, matching: out + "/" + name) else { return [] }
    return [e]
  }

  package static var methodologies: [String: String] {
    [
      "esg_score": "\(ScoringMethodology.bundled.id)@\(ScoringMethodology.bundled.version)",
      "green_tagging": Catalogue.bundled.ruleVersion,
      "financed_emissions": "PCAF Part A 2nd edition (2022)",
      "greenledger": greenLedgerVersion,
    ]
  }

  /// Writes `out/manifest.json` over every file in `out` and the given inputs (nil ones skipped).
  package static func writeManifest(out: String, command: String, inputs: [(String, String?)], factorDigest: String,
                            methodology: String? = nil, excel: Bool = false) throws
  {
    try writeManifest(out: out, command: command,
                      inputEntries: OutputManifest.inputEntries(inputs.compactMap { role, path in path.map { (role, $0) } }),
                      factorDigest: factorDigest, methodology: methodology, excel: excel)
  }

  /// The same with inputs digested beforehand (run reports them in summary.json too).
  package static func writeManifest(out: String, command: String, inputEntries: [OutputManifest.Entry], factorDigest: String,
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
