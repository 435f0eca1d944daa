internal import CLibCrypto
public import Tabular

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A cryptographic hash function of OpenSSL's libcrypto.
public enum DigestAlgorithm: String, CaseIterable, Sendable {
  /// SHA-256 (FIPS 180-4).
  case sha256
  /// SM3, China's commercial-cryptography hash (GB/T 32905-2016).
  case sm3

  fileprivate var evp: OpaquePointer? {
    switch self {
    case .sha256: EVP_sha256()
    case .sm3: EVP_get_digestbyname("SM3")
    }
  }
}

/// Digests computed with OpenSSL's libcrypto, a well-kept implementation (no home-made SM3).
public enum Digest {
  /// The lower-case hex digest of `bytes`.
  public static func hex(_ algorithm: DigestAlgorithm, of bytes: [UInt8]) throws(InputError) -> String {
    var hasher = try Hasher(algorithm)
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The lower-case hex digest of the file at `path`, read in 1 MiB chunks.
  public static func hex(_ algorithm: DigestAlgorithm, ofFile path: String) throws(InputError) -> String {
    var hasher = try Hasher(algorithm)
    try forEachChunk(ofFile: path) { hasher.update($0) }
    return hasher.finalize()
  }

  /// SHA-256 and SM3 of the file at `path` in one read.
  public static func sha256AndSM3(ofFile path: String) throws(InputError) -> (sha256: String, sm3: String) {
    var sha = try Hasher(.sha256)
    var sm3 = try Hasher(.sm3)
    try forEachChunk(ofFile: path) { chunk in
      sha.update(chunk)
      sm3.update(chunk)
    }
    return (sha.finalize(), sm3.finalize())
  }

  /// Calls `body` with the file's bytes, 1 MiB at a time.
  private static func forEachChunk(ofFile path: String, _ body: (ArraySlice<UInt8>) -> Void) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(file: path, message: "cannot open to compute its digest") }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(file: path, message: "cannot read to compute its digest")
      }
      if n == 0 { return }
      body(buffer[0..<n])
    }
  }

  /// An incremental digest.
  struct Hasher: ~Copyable {
    private let context: OpaquePointer

    init(_ algorithm: DigestAlgorithm) throws(InputError) {
      guard let md = algorithm.evp, let ctx = EVP_MD_CTX_new(), EVP_DigestInit_ex(ctx, md, nil) == 1 else {
        throw InputError(file: "libcrypto", message: "\(algorithm.rawValue) is not available in this OpenSSL build")
      }
      context = ctx
    }

    deinit { EVP_MD_CTX_free(context) }

    mutating func update(_ bytes: some Collection<UInt8>) {
      _ = bytes.withContiguousStorageIfAvailable { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        ?? Array(bytes).withUnsafeBufferPointer { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    consuming func finalize() -> String {
      var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
      var length: UInt32 = 0
      _ = out.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
      let digits = Array("0123456789abcdef")
      return String(out[0..<Int(length)].flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
  }
}
