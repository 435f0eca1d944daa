import Foundation
import Quantities
import Tabular
import Tagging
import Testing

/// 123 loan descriptions, Chinese and English, labelled with their 2025 catalogue item (or
/// none) by reading the catalogue's 条件/标准 and 备注 — not from this program (see
/// Fixtures/labelled-loans.README.md; each row quotes the deciding phrase). The tagger's
/// candidate (status aligned or eligible) must reach precision and recall ≥ 0.9 in every
/// first-level category.
@Suite struct LabelledSetTests {
  struct Row {
    var id, text, projectType, sector, expected: String
  }

  func rows(_ file: String = "labelled-loans.csv") throws -> [Row] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + file).path
    var header: [String] = []
    var rows: [Row] = []
    try CSVReader.read(file: path) { r in
      let f = r.strings
      if header.isEmpty { header = f; return }
      let v = Dictionary(uniqueKeysWithValues: zip(header, f))
      rows.append(Row(id: v["id"]!, text: v["use_of_proceeds"]!, projectType: v["project_type"]!, sector: v["borrower_sector"]!,
                      expected: v["expected_code"]!))
    }
    return rows
  }

  @Test func precisionAndRecallPerFirstLevelCategory() throws {
    let data = try rows()
    #expect(data.count >= 80)
    try evaluate(data, minimum: 0.9)
  }

  /// 70 further descriptions labelled by another reader who saw neither the rules nor the
  /// first set, never used to tune the rules: an estimate of how the tagger generalises.
  @Test func heldOutSet() throws {
    try evaluate(rows("heldout-loans.csv"), minimum: 0.7)  // measured 2026-11-29: lowest 0.714 (recall, category 4)
  }

  func evaluate(_ data: [Row], minimum: Double) throws {
    let tagger = GreenTagger(asOf: Day(year: 2026, month: 11, day: 29)!)
    var truePositive: [String: Int] = [:]
    var predicted: [String: Int] = [:]
    var actual: [String: Int] = [:]
    var misses: [String] = []
    for row in data {
      var loan = LoanFacts(loanID: row.id)
      loan.useOfProceeds = row.text
      loan.projectType = row.projectType.isEmpty ? nil : row.projectType
      loan.borrowerSector = row.sector.isEmpty ? nil : row.sector
      loan.originationDate = Day(year: 2025, month: 12, day: 1)
      let tag = tagger.tag(loan, taxonomies: ["cn"])[0]
      let got = (tag.status == .aligned || tag.status == .eligible) ? (tag.code ?? "none") : "none"
      let gotL1 = got == "none" ? "none" : String(got.prefix(1))
      let wantL1 = row.expected == "none" ? "none" : String(row.expected.prefix(1))
      if gotL1 != "none" { predicted[gotL1, default: 0] += 1 }
      if wantL1 != "none" { actual[wantL1, default: 0] += 1 }
      if gotL1 == wantL1, wantL1 != "none" { truePositive[wantL1, default: 0] += 1 }
      if got != row.expected { misses.append("\(row.id): expected \(row.expected), got \(got) [\(tag.status.rawValue)] — \(row.text)") }
    }
    for category in Set(actual.keys).union(predicted.keys).sorted() {
      let tp = Double(truePositive[category] ?? 0)
      let precision = predicted[category].map { tp / Double($0) } ?? 0
      let recall = actual[category].map { tp / Double($0) } ?? 0
      print("category \(category): precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) "
        + "(\(Int(tp)) of \(predicted[category] ?? 0) predicted, \(actual[category] ?? 0) labelled)")
      #expect(precision >= minimum, "precision of category \(category)")
      #expect(recall >= minimum, "recall of category \(category)")
    }
    let exact = data.count - misses.count
    print("exact item matches: \(exact) of \(data.count)\n" + misses.joined(separator: "\n"))
  }
}
