import Tabular
import Testing

/// CSVReader.rowsByColumn reads a small table by column name and refuses one without a column it needs.
@Suite struct RowsByColumnTests {
  @Test func aRequiredColumnMissingFromTheHeaderIsRefused() throws {
    let table = try CSVReader.rowsByColumn(of: Array("a,b\n1,2\n".utf8), file: "t.csv", requiring: ["b"])
    #expect(table.rows.map(\.fields) == [["a": "1", "b": "2"]] && table.rows.map(\.line) == [2])
    #expect(throws: InputError(file: "t.csv", message: "line 1: the header lacks column c")) {
      try CSVReader.rowsByColumn(of: Array("a,b\n1,2\n".utf8), file: "t.csv", requiring: ["a", "c"])
    }
  }
}
