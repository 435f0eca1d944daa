import Quantities
import Tabular

/// The metadata of one dataset folder (`dataset.json`).
public struct DatasetInfo: Hashable, Sendable, Codable {
  /// One table of the dataset and its kind.
  public struct Table: Hashable, Sendable, Codable {
    /// The CSV file name inside the dataset folder.
    public let file: String
    /// Its table kind (`emission_factors`, `fuel_parameters`, …).
    public let kind: String
  }

  /// The folder name, e.g. `cn-mee-nbs-electricity`.
  public let id: String
  /// Human title.
  public let title: String
  /// Publishing body.
  public let publisher: String
  /// Dataset version, changed with every reviewed update.
  public let version: String
  /// Licence of the reproduced values.
  public let licence: String
  /// `false` for approximations that must never be mixed with official factor sets.
  public let official: Bool
  /// The tables.
  public let tables: [Table]
  /// What it is for and not for.
  public let description: String
  /// The region the dataset's fuel parameters apply to (`CN`, `GLOBAL`), for tables without
  /// a region column.
  public let region: String?
  /// Fuel keys whose combustion CO2 is biogenic (reported outside the scopes).
  public let biogenicFuels: [String]?
  /// Gases of the dataset outside the Kyoto basket (Montreal-Protocol HCFCs), reported apart.
  public let nonKyotoGases: [String]?
  /// The price year of money-based factors (`2022` for kg CO2e per 2022 USD).
  public let priceYear: Int?

  enum CodingKeys: String, CodingKey {
    case id, title, publisher, version, licence, official, tables, description, region
    case biogenicFuels = "biogenic_fuels"
    case priceYear = "price_year"
    case nonKyotoGases = "non_kyoto_gases"
  }
}
