/// A taxonomy table that cannot be loaded: which table, which row and what is wrong.
public struct CatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { message }
}
