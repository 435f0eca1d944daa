/// A job configured in a way it cannot run, before any input is read (the CLI's usage error).
public struct JobOptionsError: Error, CustomStringConvertible, Sendable {
  /// What to change, in one sentence.
  public let message: String

  /// An error saying what to change.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}
