import Quantities
import Tabular
internal import Crypto
import FoundationEssentials

/// The manifest of a factor set (`EmissionFactors/manifest.json`): every dataset's version,
/// licence and SHA-256 digest, and one digest of the whole set.
///
/// A dataset's digest is SHA-256 over its files in name order, each as
/// `<name>\n<byte count>\n<bytes>`; the set's digest is SHA-256 over the lines
/// `<id>\t<version>\t<digest>\n` in id order. Both are written `sha256:<hex>`.
public struct FactorManifest: Hashable, Sendable, Codable {
  /// One dataset's entry.
  public struct Entry: Hashable, Sendable, Codable {
    /// The dataset id (its folder name).
    public let id: String
    /// The dataset version from its `dataset.json`.
    public let version: String
    /// Licence of the reproduced values.
    public let licence: String
    /// `false` for approximations that must never be mixed with official factor sets.
    public let official: Bool
    /// SHA-256 of the dataset's files, written `sha256:<hex>`.
    public let digest: String
    /// The dataset's file names, relative to its folder, sorted.
    public let files: [String]
  }

  /// Format marker.
  public let format: String
  /// Digest of the whole factor set.
  public let factorSetDigest: String
  /// The datasets, by id.
  public let datasets: [Entry]

  enum CodingKeys: String, CodingKey {
    case format
    case factorSetDigest = "factor_set_digest"
    case datasets
  }

  static let currentFormat = "greenledger-factor-manifest/1"

  /// The manifest of the files in `source` as they are: digests only, no validation (what
  /// `greenledger factors manifest` writes after validating).
  public init(computingFrom source: FactorFileSource) throws(FactorSetError) {
    var loader = FactorSetLoader(source: source)
    self = try loader.readDatasets().manifest
  }

  init(entries: [Entry]) {
    format = Self.currentFormat
    datasets = entries.sorted { $0.id < $1.id }
    factorSetDigest = Self.setDigest(datasets)
  }

  static func setDigest(_ entries: [Entry]) -> String {
    var text = ""
    for e in entries.sorted(by: { $0.id < $1.id }) { text += "\(e.id)\t\(e.version)\t\(e.digest)\n" }
    return sha256(Array(text.utf8))
  }

  static func datasetDigest(_ files: [(name: String, bytes: [UInt8])]) -> String {
    var hasher = SHA256()
    for file in files.sorted(by: { $0.name < $1.name }) {
      hasher.update(data: Array("\(file.name)\n\(file.bytes.count)\n".utf8))
      hasher.update(data: file.bytes)
    }
    return "sha256:" + hex(hasher.finalize())
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    "sha256:" + hex(SHA256.hash(data: bytes))
  }

  private static func hex(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The manifest as deterministic JSON.
  public func rendered() -> String {
    JSONValue.object([
      ("format", .string(format)),
      ("factor_set_digest", .string(factorSetDigest)),
      ("datasets", .array(datasets.map { e in
        .object([
          ("id", .string(e.id)), ("version", .string(e.version)), ("licence", .string(e.licence)),
          ("official", .bool(e.official)), ("digest", .string(e.digest)),
          ("files", .array(e.files.map { .string($0) })),
        ])
      })),
    ]).rendered()
  }

  static func decode(_ bytes: [UInt8]) throws -> FactorManifest {
    try JSON.decode(FactorManifest.self, from: bytes)
  }
}

enum JSON {
  static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try JSONDecoder().decode(type, from: Data(bytes))
  }
}
