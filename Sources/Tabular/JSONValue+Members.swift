extension JSONValue {
  /// The member `key` of an object; `nil` for another value or a missing key.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// An object's members in order (none for another value).
  public var members: [(String, JSONValue)] {
    if case .object(let members) = self { return members }
    return []
  }

  /// An array's items (none for another value).
  public var items: [JSONValue] {
    if case .array(let items) = self { return items }
    return []
  }

  /// A string's text.
  public var text: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// A number's value (`nil` for another value).
  public var number: Double? {
    switch self {
    case .int(let i): Double(i)
    case .number(let text): Double(text)
    default: nil
    }
  }
}
