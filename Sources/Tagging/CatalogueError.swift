/// A taxonomy table that cannot be loaded: which table, which row and what is wrong.
public struct CatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, with the table and, where known, the row.
  public let message: String
  init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}
