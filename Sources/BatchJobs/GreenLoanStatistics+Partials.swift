import Tabular
package import Tagging

extension GreenLoanStatistics {
  /// Writes partials.csv (the exact totals `greenledger merge` restores).
  package func writePartials(to path: String, run: [(String, String)]) throws {
    let w = try PartialsFile.open(path)
    for row in partialRows(run: run) { w.writeRow(row) }
    try w.close()
  }
}
