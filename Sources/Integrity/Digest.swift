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
    try FileSystem.forEachChunk(ofFile: path, purpose: "compute its digest") { hasher.update(chunk: $0) }
    return hasher.finalize()
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
      if bytes.withContiguousStorageIfAvailable({ EVP_DigestUpdate(context, $0.baseAddress, $0.count) }) == nil {
        let copy = Array(bytes)
        EVP_DigestUpdate(context, copy, copy.count)
      }
    }

    /// Adds one chunk of ``FileSystem``'s chunked reading.
    mutating func update(chunk: FileSystem.Chunk) {
      EVP_DigestUpdate(context, chunk.baseAddress, chunk.count)
    }

    consuming func finalize() -> String {
      var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
      var length: UInt32 = 0
      EVP_DigestFinal_ex(context, &out, &length)
      let digits = Array("0123456789abcdef")
      return String(out[0..<Int(length)].flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
  }
}
