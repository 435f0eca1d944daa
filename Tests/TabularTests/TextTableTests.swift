import Tabular
import Testing

/// TextTable lays out rows as `factors list` prints them.
@Suite struct TextTableTests {
  @Test func textTableAlignsColumnsWithoutTrailingSpaces() {
    let table = TextTable(header: ["id", "name"], rows: [["a", "long name"], ["bbb", "x"]])
    #expect(table.text == "id   name\n---  ---------\na    long name\nbbb  x")
  }
}
