import Quantities
import Testing

@Suite struct DeclarationOrderedTests {
  enum Step: String, DeclarationOrdered { case verify, measure, report }

  @Test func casesOrderAsDeclaredNotByName() {
    // Declared verify, measure, report; by name it would be measure, report, verify.
    #expect([Step.report, .measure, .verify].sorted() == [.verify, .measure, .report])
    #expect(Step.verify < .report && !(Step.report < .measure))
  }
}
