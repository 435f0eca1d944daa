import Quantities
@testable import Tagging
import Tabular
import Testing

/// The green book in the breakdown of PBoC's green-loan statistics, by first- and second-level
/// class of the 2025 catalogue; sums computed by hand.
@Suite struct GreenLoanStatisticsTests {
  func tag(_ code: String?, _ status: GreenTag.Status, marker: String = "√√") -> GreenTag {
    var t = GreenTag(loanID: "L", taxonomy: "CN-GFC-2025", status: status, ruleVersion: "test")
    t.code = code
    t.code2025 = code
    t.ghgMarker = marker
    return t
  }

  @Test func balancesByClassAndMergeInAnyOrder() {
    let loans: [(GreenTag, Double)] = [
      (tag("4.2.1", .aligned), 250.10), (tag("4.2.2", .aligned), 49.90), (tag("6.6.2", .aligned, marker: "√"), 100),
      (tag("6.1.1", .eligible), 75), (tag(nil, .notEligible), 25),
    ]
    var all = GreenLoanStatistics()
    for (t, cny) in loans { all.add([t], outstandingCNY: cny) }
    #expect(all.loans == 5 && all.alignedLoans == 3 && all.eligibleLoans == 1)
    // Class 4: 250.10 + 49.90 = 300.00 over two loans; 4.2 the same; 6 and 6.6: 100.
    #expect(all.green(inClass: "4").count == 2 && all.green(inClass: "4").balanceCNY == 300)
    #expect(all.green(inClass: "4.2").balanceCNY == 300)
    #expect(all.green(inClass: "6").count == 1 && all.green(inClass: "6.6").balanceCNY == 100)
    #expect(all.green(inClass: "6.1").count == 0)  // eligible is not counted as green
    #expect(all.book.value == 500)
    // Two partitions merged in either order give the same statistics.
    var a = GreenLoanStatistics(), b = GreenLoanStatistics()
    for (i, (t, cny)) in loans.enumerated() {
      if i % 2 == 0 { a.add([t], outstandingCNY: cny) } else { b.add([t], outstandingCNY: cny) }
    }
    var ab = a, ba = b
    ab.merge(b)
    ba.merge(a)
    let catalogue = Catalogue.bundled
    #expect(ab.json(catalogue: catalogue).rendered() == all.json(catalogue: catalogue).rendered())
    #expect(ba.json(catalogue: catalogue).rendered() == all.json(catalogue: catalogue).rendered())
    #expect(all.json(catalogue: catalogue).rendered().contains("\"name\": \"能源绿色低碳转型\""))
  }
}
