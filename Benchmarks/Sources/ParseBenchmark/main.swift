// Parses a contract CSV file and decodes every field to its typed value, then prints
// throughput and peak RSS. Usage:
//   .build/release/ParseBenchmark FILE [loans|borrowers|activities|esg] [--threads N] [--read-only]
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

func seconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

/// One partition's decoding state.
struct Decoder: Sendable {
  enum Column: Sendable {
    case kind(FieldKind)
    case vocabulary(Vocabulary)
  }

  var columns: [(Int, Column)] = []
  var width = 0
  var rows = 0
  var failures = 0
  var exact = ExactSum(decimalPlaces: 4)
  var units = UnitCache()

  init(header: [String], schema: TableSchema, path: String) throws {
    let binding = try HeaderBinding(header: header, schema: schema, file: path)
    width = header.count
    columns = zip(schema.columns, binding.fieldIndex).compactMap { spec, index in
      guard let index else { return nil }
      if case .oneOf(let values) = spec.kind { return (index, .vocabulary(Vocabulary(values))) }
      return (index, .kind(spec.kind))
    }
  }

  /// Adds a decoded value to the exact checksum (which proves thread-count independence).
  mutating func add(_ value: Double) {
    do { try exact.add(value) } catch { failures += 1 }
  }

  mutating func decode(_ record: borrowing CSVRecord, readOnly: Bool) {
    rows += 1
    if readOnly { return }
    guard record.issue == nil, record.count == width else { failures += 1; return }
    for (index, column) in columns {
      let field = record[index]
      if field.isEmpty { continue }
      do {
        switch column {
        case .vocabulary(let v): add(Double(try v.index(of: field)))
        case .kind(let kind):
          switch kind {
          case .decimal: add(try FieldParser.decimal(field))
          case .nonNegativeDecimal:
            add(try FieldParser.nonNegativeDecimal(field))
          case .fraction: add(try FieldParser.fraction(field))
          case .integer(let range): add(Double(try FieldParser.integer(field, in: range)))
          case .date: add(Double(try FieldParser.date(field).day))
          case .boolean: add(try FieldParser.boolean(field) ? 1 : 0)
          case .period: add(Double(try FieldParser.period(field).year))
          case .oneOf(let values): add(Double(try FieldParser.oneOf(field, values)))
          case .currency: add(try FieldParser.currency(field) == .cny ? 1 : 0)
          case .unit: add(try units.unit(field).sizeInBaseUnit)
          case .text: try FieldParser.checkText(field)
          case .identifier: try FieldParser.checkIdentifier(field)
          case .country: try FieldParser.checkCountry(field)
          case .region: try FieldParser.checkRegion(field)
          case .sector: try FieldParser.checkSector(field)
          case .activity: try FieldParser.checkActivity(field)
          }
        }
      } catch {
        failures += 1
      }
    }
  }
}

nonisolated(unsafe) var arguments = Array(CommandLine.arguments.dropFirst())
func flag(_ name: String) -> Bool {
  guard let i = arguments.firstIndex(of: name) else { return false }
  arguments.remove(at: i)
  return true
}
func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  defer { arguments.removeSubrange(i...(i + 1)) }
  return arguments[i + 1]
}
let readOnly = flag("--read-only")
let threads = option("--threads").flatMap { Int($0) } ?? 2
guard let path = arguments.first else {
  print("usage: ParseBenchmark FILE [loans|borrowers|activities|esg] [--threads N] [--read-only]")
  exit(2)
}
let kind = arguments.count > 1 ? arguments[1] : "loans"
guard let schema = DataContract.schema(named: kind) else { print("unknown kind \(kind)"); exit(2) }

let start = seconds()
let (states, statistics) = try CSVReader.readPartitioned(
  file: path, partitions: threads,
  makeState: { header, _ in try Decoder(header: header, schema: schema, path: path) },
  body: { state, record in state.decode(record, readOnly: readOnly) }
)
let elapsed = seconds() - start
let rows = states.reduce(0) { $0 + $1.rows }
let failures = states.reduce(0) { $0 + $1.failures }
var exact = ExactSum(decimalPlaces: 4)
for state in states { try exact.merge(state.exact) }
print("checksum (exact sum of decoded values): \(exact.decimalString)")
let megabytes = Double(statistics.bytes) / 1e6
print("""
  file: \(path) (\(kind)), threads: \(threads), partitions: \(states.count)\(readOnly ? ", read only" : "")
  bytes: \(statistics.bytes)  rows: \(rows)  decode failures: \(failures)
  time: \(elapsed) s  throughput: \(megabytes / elapsed) MB/s  \(Double(rows) / elapsed) rows/s
  peak RSS: \(peakRSSMegabytes()) MB
  """)
