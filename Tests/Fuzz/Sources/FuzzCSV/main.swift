import CFuzzDriver
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// The CSV reader (libcsv, recovery after malformed quoting) and every field decoder, on
/// arbitrary bytes: no crash, every record either decodes or yields an error.
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var records = 0
  // Small buffers: the same code paths (chunk boundaries included) at fuzzing speed.
  var options = CSVReadOptions()
  options.chunkSize = 64
  options.maximumFieldLength = 256
  options.maximumRecordBytes = 2048
  _ = try? CSVReader.read(bytes: bytes, options: options) { record in
    records += 1
    for i in 0..<record.count {
      let f = record[i]
      _ = try? FieldParser.decimal(f)
      _ = try? FieldParser.nonNegativeDecimal(f)
      _ = try? FieldParser.fraction(f)
      _ = try? FieldParser.integer(f, in: 0...100)
      _ = try? FieldParser.date(f)
      _ = try? FieldParser.period(f)
      _ = try? FieldParser.boolean(f)
      _ = try? FieldParser.currency(f)
      _ = try? FieldParser.checkText(f)
      _ = try? FieldParser.checkIdentifier(f)
      _ = try? FieldParser.checkRegion(f)
      _ = try? FieldParser.checkSector(f)
      _ = try? FieldParser.checkActivity(f)
    }
    _ = record.csvLine
  }
  // The same bytes as a loans file through the contract's row checks.
  if let binding = try? HeaderBinding(header: ["loan_id", "borrower_id", "asset_class", "currency", "outstanding"],
                                      schema: DataContract.loans, file: "fuzz") {
    let checker = RowChecker(schema: DataContract.loans, binding: binding, file: "fuzz")
    _ = try? CSVReader.read(bytes: bytes, options: options) { record in _ = checker.check(record) }
  }
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCSV(data, size) })
