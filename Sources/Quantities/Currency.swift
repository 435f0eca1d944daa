/// An ISO 4217 alphabetic currency code such as `CNY`, `USD` or `EUR`.
///
/// The code is checked for shape (three upper-case ASCII letters), not against the ISO list:
/// an unknown code fails later, where an exchange rate for it is looked up, and is never
/// converted by guess. The three letters are packed in an integer, so currencies decoded per
/// row cost no allocation.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The letters, big-endian in the low 24 bits (so integer order is alphabetical order).
  let packed: UInt32

  /// Creates a currency from its ISO 4217 code, or `nil` when `code` is not three
  /// upper-case ASCII letters.
  public init?(_ code: some StringProtocol) {
    var packed: UInt32 = 0
    var count = 0
    for byte in code.utf8 {
      guard count < 3, byte >= 0x41, byte <= 0x5A else { return nil }
      packed = packed << 8 | UInt32(byte)
      count += 1
    }
    guard count == 3 else { return nil }
    self.packed = packed
  }

  /// Creates a currency from three upper-case ASCII letters given as bytes.
  public init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
    guard bytes.count == 3 else { return nil }
    var packed: UInt32 = 0
    for byte in bytes {
      guard byte >= 0x41, byte <= 0x5A else { return nil }
      packed = packed << 8 | UInt32(byte)
    }
    self.packed = packed
  }

  /// The three-letter code.
  public var code: String {
    String(decoding: [UInt8(packed >> 16), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)],
           as: UTF8.self)
  }

  /// Renminbi.
  public static let cny = Currency("CNY")!
  /// US dollar.
  public static let usd = Currency("USD")!
  /// Euro.
  public static let eur = Currency("EUR")!

  /// The three-letter code.
  public var description: String { code }

  /// Alphabetical order of the codes.
  public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.packed < rhs.packed }
}
