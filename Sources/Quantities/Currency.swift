/// An ISO 4217 alphabetic currency code such as `CNY`, `USD` or `EUR`.
///
/// The code is checked for shape (three upper-case ASCII letters), not against the ISO list:
/// an unknown code fails later, where an exchange rate for it is looked up, and is never
/// converted by guess.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The three-letter code.
  public let code: String

  /// Creates a currency from its ISO 4217 code, or `nil` when `code` is not three
  /// upper-case ASCII letters.
  public init?(_ code: some StringProtocol) {
    let bytes = Array(code.utf8)
    guard bytes.count == 3, bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
    self.code = String(code)
  }

  /// Renminbi.
  public static let cny = Currency("CNY")!
  /// US dollar.
  public static let usd = Currency("USD")!
  /// Euro.
  public static let eur = Currency("EUR")!

  public var description: String { code }

  public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }
}
