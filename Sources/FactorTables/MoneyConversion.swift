public import Quantities

/// An annual average exchange rate or a price index from a cited source (EmissionFactors
/// `money_conversions` table): what turns a spend in yuan of one year into the currency and
/// price year of a spend-based factor (kg CO2e per 2022 USD).
public struct MoneyConversion: Hashable, Sendable, Identifiable {
  /// What the value is.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Units of ``currency`` per one unit of ``base`` (`CNY/USD` 7.0809), the year's average.
    case exchangeRate = "exchange_rate"
    /// A price level of ``currency`` in the year (GDP deflator, 2017 = 100).
    case priceIndex = "price_index"
  }

  /// Unique row id (`conversion_id`).
  public let id: String
  /// Whether ``value`` is an exchange rate or a price index.
  public let kind: Kind
  /// The currency quoted (`CNY` in CNY/USD; `USD` for a US price index).
  public let currency: Currency
  /// The currency one unit of which the rate is for (`USD`); `nil` for a price index.
  public let base: Currency?
  /// The year the average or index is of.
  public let year: Int
  /// The rate (``currency`` per ``base``) or the index level.
  public let value: Double
  /// The dataset it belongs to.
  public let datasetID: String
  /// The source.
  public let citation: Citation
}

extension FactorSet {
  /// The annual average rate of `currency` per `base` for `year`, else the latest earlier year's.
  public func exchangeRate(_ currency: Currency, per base: Currency, year: Int) -> MoneyConversion? {
    moneyConversions.filter { $0.kind == .exchangeRate && $0.currency == currency && $0.base == base && $0.year <= year }
      .max { $0.year < $1.year }
  }

  /// The price index of `currency` for `year`, else the latest earlier year's.
  public func priceIndex(_ currency: Currency, year: Int) -> MoneyConversion? {
    moneyConversions.filter { $0.kind == .priceIndex && $0.currency == currency && $0.year <= year }
      .max { $0.year < $1.year }
  }
}
