import FinancedEmissions
import Tabular

/// What one shard's --out directory says of itself (partials.csv).
struct ShardOutput {
  let directory: String
  var shard = Shard.whole
  var profile = ""
  var factorDigest = ""
  var loansFile = ""
  var rows: [String: Int] = [:]
  var groups: [String: PortfolioTotals] = [:]
  /// Every group as read (the tag profile's totals are rebuilt from these).
  var raw: [String: [String: String]] = [:]

  init(directory: String) throws {
    self.directory = directory
    var raw: [String: [String: String]] = [:]
    try CSVReader.read(file: directory + "/partials.csv") { r in
      guard r.line > 1, r.count == 3 else { return }
      raw[r.string(at: 0), default: [:]][r.string(at: 1)] = r.string(at: 2)
    }
    guard let run = raw["run"], let s = run["shard"].flatMap(Shard.init(_:)) else {
      throw InputError(file: directory + "/partials.csv", message: "not the partials of a sharded run; run `greenledger finance` or `greenledger tag` with --shard I/N first")
    }
    guard run["format"] == PartialsFile.format else {
      throw InputError(file: directory + "/partials.csv", message: "partials format \"\(run["format"] ?? "none")\" is "
        + "not the \(PartialsFile.format) this GreenLedger merges; run the shard again with this version")
    }
    shard = s
    profile = run["profile"] ?? ""
    factorDigest = run["factor_set_digest"] ?? ""
    loansFile = run["loans_file"] ?? run["activities_file"] ?? ""
    rows = (raw["rows"] ?? [:]).compactMapValues { Int($0) }
    self.raw = raw
    guard profile == "pcaf" else { return }
    for (group, values) in raw where group != "run" && group != "rows" {
      guard let t = PortfolioTotals(partial: values) else {
        throw InputError(file: directory + "/partials.csv", message: "group \(group) lacks a total; the file is damaged")
      }
      groups[group] = t
    }
  }
}
