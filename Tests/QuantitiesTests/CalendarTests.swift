import Quantities
import Testing

@Suite("Days and periods")
struct CalendarTests {
  @Test func gregorianLeapYears() {
    #expect(Day(year: 2024, month: 2, day: 29) != nil)  // divisible by 4
    #expect(Day(year: 2023, month: 2, day: 29) == nil)
    #expect(Day(year: 1900, month: 2, day: 29) == nil)  // century not divisible by 400
    #expect(Day(year: 2000, month: 2, day: 29) != nil)
    #expect(Day(year: 2024, month: 4, day: 31) == nil)
  }

  @Test func periodBoundsAndRollUp() {
    let q3 = Period.quarter(3, of: 2024)!
    #expect(q3.firstDay == Day(year: 2024, month: 7, day: 1))
    #expect(q3.lastDay == Day(year: 2024, month: 9, day: 30))
    #expect(q3.calendarYear == Period.year(2024))
    #expect(Period.month(2, of: 2024)!.lastDay == Day(year: 2024, month: 2, day: 29))
    #expect(q3.description == "2024-Q3")
    #expect(Period.month(7, of: 2024)!.description == "2024-07")
    #expect(Period.quarter(5, of: 2024) == nil)
  }
}
