/// A job configured in a way it cannot run, before any input is read (the CLI's usage error).
public struct JobOptionsError: Error, CustomStringConvertible, Sendable {
  /// What to change, in one sentence.
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
