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

  /// Calls `body` with the file's bytes, 1 MiB at a time.
  private static func forEachChunk(ofFile path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(file: path, message: "cannot open to compute its digest") }
    defer { close(fd) }
    try forEachChunk(of: fd, bytes: nil, path: path, body)
  }

  /// Calls `body` with the first `bytes` bytes of the open file `fd` (all of it when `nil`),
  /// 1 MiB at a time, read by position (the file offset is not used).
  static func forEachChunk(of fd: Int32, bytes: Int?, path: String, _ body: (UnsafeRawBufferPointer) -> Void)
    throws(InputError)
  {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while bytes.map({ offset < $0 }) ?? true {
      let want = min(buffer.count, bytes.map { $0 - offset } ?? buffer.count)
      let n = pread(fd, buffer.baseAddress!, want, off_t(offset))
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(file: path, message: "cannot read to compute its digest")
      }
      if n == 0 {
        guard bytes == nil else { throw InputError(file: path, message: "shorter than when it was queued for its digest") }
        return
      }
      body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
      offset += n
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

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
      EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
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
