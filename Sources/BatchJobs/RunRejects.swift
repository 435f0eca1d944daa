import Tabular

/// The rejects.csv of a ``Pipeline``: every stage's rejected rows, each row once.
enum RunRejects {
  /// Writes `target` from the rejects.csv of each stage directory in order, keeping the first
  /// of rows with the same file, line and column (borrowers' rejects appear in several
  /// stages); returns the rows written.
  static func gather(stages: [String], into target: String) throws -> Int {
    let w = try CSVWriter(path: target, header: RejectsWriter.header)
    var seen: Set<String> = []
    for s in stages {
      try CSVReader.read(file: s + "/rejects.csv") { r in
        guard r.line > 1, r.count >= 3 else { return }
        let key = r.string(at: 0) + ":" + r.string(at: 1) + ":" + r.string(at: 2)
        if seen.insert(key).inserted { w.writeRow(r.outputStrings) }
      }
    }
    try w.close()
    return seen.count
  }
}
