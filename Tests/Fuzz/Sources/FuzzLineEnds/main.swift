import CFuzzDriver
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// Line ends (LF, CR LF, bare CR, mixed) and partition cuts: a file read in partitions (three,
/// of at least 16 bytes each) gives exactly the records, line numbers and record issues of a
/// sequential read, whatever the bytes; nothing traps.
struct Seen: Sendable, Equatable {
  var rows: [[String]] = []
  var lines: [Int] = []
  var issues: [Bool] = []
}

let path = "/dev/shm/greenledger-fuzz-lineends-\(getpid()).csv"

func fuzzLineEnds(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard fd >= 0 else { return 0 }
  var written = 0
  while written < size {
    let n = write(fd, data + written, size - written)
    if n <= 0 { break }
    written += n
  }
  close(fd)
  // Small buffers: the same code paths, far less memory for the sanitizer to poison per run.
  var options = CSVReadOptions()
  options.chunkSize = 512
  options.minimumPartitionBytes = 16
  var sequential = Seen()
  guard (try? CSVReader.read(file: path, options: options, { r in
    sequential.rows.append(r.strings)
    sequential.lines.append(r.line)
    sequential.issues.append(r.issue != nil)
  })) != nil else { return 0 }
  guard let (states, _) = try? CSVReader.readPartitioned(
    file: path, partitions: 3, options: options, makeState: { _, _ in Seen() },
    body: { s, r in
      s.rows.append(r.strings)
      s.lines.append(r.line)
      s.issues.append(r.issue != nil)
    })
  else { return 0 }  // a header with a structural problem, or an empty file: refused, not compared
  let partitioned = Seen(rows: states.flatMap(\.rows), lines: states.flatMap(\.lines), issues: states.flatMap(\.issues))
  let records = Seen(rows: Array(sequential.rows.dropFirst()), lines: Array(sequential.lines.dropFirst()),
                  issues: Array(sequential.issues.dropFirst()))
  if partitioned != records {
    FileSystem.printError("partitioned read differs from the sequential one:\n\(partitioned)\n\(records)")
    abort()
  }
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzLineEnds(data, size) })
