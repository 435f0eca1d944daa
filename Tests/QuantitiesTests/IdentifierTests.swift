import Testing
import Quantities

@Suite struct IdentifierTests {
  @Test func identifiersOrderAndCompareByTheirText() {
    let ids: [LoanID] = ["L-10", "L-02", "L-1"]
    // Text order, not numeric: "L-02" < "L-1" < "L-10" because "0" < "1" and a prefix sorts first.
    #expect(ids.sorted().map(\.rawValue) == ["L-02", "L-1", "L-10"])
    #expect(EntityID("E1") == "E1")
    #expect(EntityID("E1") != EntityID("e1"))
    #expect("\(LoanID("L-7"))" == "L-7")
  }

  @Test func anEntityIDAndALoanIDAreDifferentTypes() {
    // The same text makes two different kinds of key; a dictionary of one does not take the other.
    #expect(EntityID.self != LoanID.self)
    let byEntity: [EntityID: Int] = ["X": 1]
    #expect(byEntity[EntityID(LoanID("X").rawValue)] == 1)
  }
}
