import Quantities
import Testing

@Suite struct IdentifierTests {
  enum Apple {}
  enum Pear {}

  @Test func identifiersOrderAndCompareByTheirText() {
    let ids: [Identifier<Apple>] = ["L-10", "L-02", "L-1"]
    // Text order, not numeric: "L-02" < "L-1" < "L-10" because "0" < "1" and a prefix sorts first.
    #expect(ids.sorted().map(\.rawValue) == ["L-02", "L-1", "L-10"])
    #expect(Identifier<Apple>("E1") == "E1")
    #expect(Identifier<Apple>("E1") != Identifier<Apple>("e1"))
    #expect("\(Identifier<Pear>("L-7"))" == "L-7")
  }

  @Test func identifiersOfTwoSubjectsAreDifferentTypes() {
    #expect(Identifier<Apple>.self != Identifier<Pear>.self)
    let byApple: [Identifier<Apple>: Int] = ["X": 1]
    #expect(byApple[Identifier<Apple>(Identifier<Pear>("X").rawValue)] == 1)
  }
}
