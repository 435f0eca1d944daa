import GreenLedger

// One line per job on stdout: the file read, its counts, and where the outputs went. Each
// command prints its own; `run` prints every stage's.

extension AccountingJobResult {
  func line(reading file: String, shard: Shard? = nil, to out: String) -> String {
    "\(FileSystem.baseName(file)): read \(counts.read), accepted \(counts.accepted), rejected \(counts.rejected); "
      + (shard.map { "shard \($0): \(counts.lines) lines; finish with `greenledger merge`" }
        ?? "\(counts.accounts) accounts, \(counts.lines) lines") + " → \(out)/"
  }
}

extension ScoringResult {
  func line(to out: String) -> String {
    "scored \(scored) entity-years; esg rows read \(esgRead), rejected \(esgRejected) → \(out)/"
  }
}

extension TaggingResult {
  func line(reading file: String, to out: String) -> String {
    "\(FileSystem.baseName(file)): read \(read), accepted \(statistics.loans), rejected \(rejected); "
      + "\(statistics.alignedLoans) aligned, \(statistics.eligibleLoans) eligible → \(out)/"
  }
}

extension FinancedEmissionsResult {
  func line(reading file: String, shard: Shard? = nil, to out: String) -> String {
    "\(FileSystem.baseName(file)): read \(read), accepted \(accepted), rejected \(rejected)"
      + (shard.map { " (shard \($0))" } ?? "") + "; scored \(scored) → \(out)/"
  }
}
