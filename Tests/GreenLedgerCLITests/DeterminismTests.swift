import Foundation
import Testing

/// Same inputs → byte-identical outputs, whatever the row order or thread count.
@Suite("determinism")
struct DeterminismTests {
  let cli = CLITests()

  /// `file` with its data rows in a shuffled order (deterministic seed); the header stays first.
  /// The example files hold no quoted line breaks, so lines are records.
  func shuffled(_ file: String, seed: UInt64, into dir: URL) throws -> String {
    let text = try String(contentsOf: CLITests.repository.appendingPathComponent(file), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let header = lines.removeFirst()
    var state = seed
    for i in stride(from: lines.count - 1, to: 0, by: -1) {  // Fisher–Yates with a SplitMix64 stream
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      lines.swapAt(i, Int(z % UInt64(i + 1)))
    }
    let url = dir.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
    try ([header] + lines).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func bytes(_ dir: URL, _ file: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(file)) }

  /// Accounts, scores and the portfolio totals do not depend on the order of activities,
  /// ESG rows or loans, nor on the thread count.
  @Test func shuffledInputsAndThreadCountsGiveIdenticalTotals() throws {
    let base = try cli.temporaryDirectory()
    var runs: [URL] = []
    for (k, (seed, threads)) in [(UInt64(0), 1), (7, 2), (99, 3)].enumerated() {
      let dir = base.appendingPathComponent("in\(k)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      let files = seed == 0
        ? ["Examples/activities.csv", "Examples/esg.csv", "Examples/loans.csv"].map { CLITests.repository.appendingPathComponent($0).path }
        : try ["Examples/activities.csv", "Examples/esg.csv", "Examples/loans.csv"].map { try shuffled($0, seed: seed, into: dir) }
      let out = base.appendingPathComponent("out\(k)")
      let r = try cli.run(["run", "--activities", files[0], "--esg", files[1], "--loans", files[2],
                           "--borrowers", "Examples/borrowers.csv", "--fx", "Examples/fx.csv", "--countries", "Examples/countries.csv",
                           "--benchmarks", "Examples/benchmarks.csv", "--as-of", "2026-11-29", "--threads", String(threads),
                           "--quiet", "--out", out.path])
      #expect(r.status == 0, "\(r.stderr)")
      runs.append(out)
    }
    for file in ["accounts.csv", "facilities.csv", "scores.csv", "explanations.csv", "green_summary.json", "borrower_attribution.csv"] {
      let first = try bytes(runs[0], file)
      for other in runs.dropFirst() { #expect(try bytes(other, file) == first, "\(file) differs") }
    }
    // Financed emissions keep input order per loan; the portfolio totals must not move.
    let portfolio = { (dir: URL) throws -> [String: Any] in
      let s = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("stages/finance/summary.json"))) as! [String: Any]
      return s["portfolio"] as! [String: Any]
    }
    let p0 = try portfolio(runs[0]) as NSDictionary
    for other in runs.dropFirst() { #expect(try portfolio(other) as NSDictionary == p0) }
  }

  /// Any thread count gives the same bytes for every output of tag.
  @Test func tagIsByteIdenticalForAnyThreadCount() throws {
    let base = try cli.temporaryDirectory()
    var outs: [URL] = []
    for threads in [1, 3] {
      let out = base.appendingPathComponent("t\(threads)")
      let r = try cli.run(["tag", "--loans", "Examples/loans.csv", "--borrowers", "Examples/borrowers.csv", "--fx", "Examples/fx.csv",
                           "--threads", String(threads), "--as-of", "2026-11-29", "--out", out.path])
      #expect(r.status == 0)
      outs.append(out)
    }
    for file in ["tags.csv", "green_summary.json", "summary.json", "rejects.csv"] {
      #expect(try bytes(outs[1], file) == bytes(outs[0], file), "\(file)")
    }
  }

  /// Any thread count gives the same bytes for every output of finance.
  @Test func financeIsByteIdenticalForAnyThreadCount() throws {
    let base = try cli.temporaryDirectory()
    var outs: [URL] = []
    for threads in [1, 2, 4] {
      let out = base.appendingPathComponent("t\(threads)")
      let r = try cli.run(["finance", "--loans", "Examples/loans.csv", "--borrowers", "Examples/borrowers.csv", "--fx", "Examples/fx.csv",
                           "--threads", String(threads), "--as-of", "2026-11-29", "--out", out.path])
      #expect(r.status == 0)
      outs.append(out)
    }
    for file in ["financed.csv", "summary.json", "rejects.csv", "borrower_attribution.csv", "partials.csv"] {
      for other in outs.dropFirst() { #expect(try bytes(other, file) == bytes(outs[0], file), "\(file)") }
    }
  }
}
