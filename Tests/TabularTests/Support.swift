import Tabular
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh temporary path for one test file.
func temporaryPath(_ name: String) -> String {
  let dir = "/tmp/greenledger-tests-\(getpid())"
  try! FileSystem.createDirectory(dir)
  return "\(dir)/\(UInt64.random(in: 0...UInt64.max))-\(name)"
}

/// What validating a text against a schema produced: the report and the rejects file's rows.
struct Outcome {
  var report: ValidationReport
  var rejects: [[String]]
}

/// Validates `bytes` as a file of `schema`, returning the report and the rejects rows
/// (without the rejects header).
func validate(_ bytes: [UInt8], as schema: TableSchema) throws -> Outcome {
  let path = temporaryPath("input.csv")
  try FileSystem.write(String(decoding: [], as: UTF8.self), to: path)
  try writeBytes(bytes, to: path)
  let rejectsPath = temporaryPath("rejects.csv")
  let rejects = try RejectsWriter(path: rejectsPath)
  let report = try TableValidator(schema: schema).validate(file: path, displayName: "in.csv",
                                                             rejects: rejects)
  try rejects.close()
  var rows: [[String]] = []
  try CSVReader.read(file: rejectsPath) { rows.append($0.strings) }
  #expect(rows.first == RejectsWriter.header)
  return Outcome(report: report, rejects: Array(rows.dropFirst()))
}

func validate(_ text: String, as schema: TableSchema) throws -> Outcome {
  try validate(Array(text.utf8), as: schema)
}

func writeBytes(_ bytes: [UInt8], to path: String) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  precondition(fd >= 0)
  defer { close(fd) }
  bytes.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      precondition(n > 0)
      offset += n
    }
  }
}

/// All records of a CSV text as strings, with their lines and issues.
func records(_ text: String, options: CSVReadOptions = CSVReadOptions())
  throws -> [(line: Int, fields: [String], issue: CSVRecordIssue?)]
{
  var result: [(Int, [String], CSVRecordIssue?)] = []
  try CSVReader.read(bytes: Array(text.utf8), options: options) { record in
    result.append((record.line, record.strings, record.issue))
  }
  return result
}

/// A small schema for the tests: id, amount ≥ 0, a date, a flag, an enum and free text.
let testSchema = TableSchema(
  name: "test",
  columns: [
    ColumnSpec("id", .identifier, required: true),
    ColumnSpec("amount", .nonNegativeDecimal, required: true),
    ColumnSpec("day", .date),
    ColumnSpec("flag", .boolean),
    ColumnSpec("kind", .oneOf(["red", "green"])),
    ColumnSpec("note", .text),
  ],
  uniqueColumns: ["id"]
)
