/// A steam state outside what ``SteamTables`` computes.
public struct SteamTableError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, with the values.
  public let description: String
  init(_ description: String) { self.description = description }
}
