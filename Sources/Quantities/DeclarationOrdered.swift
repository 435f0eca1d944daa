/// An enumeration whose cases order as they are declared (scopes 1, 2, 3, then outside; gases
/// CO2, CH4, N2O, …): conform, and `<` comes with it.
public protocol DeclarationOrdered: CaseIterable, Comparable {}

extension DeclarationOrdered {
  /// Whether `lhs` is declared before `rhs`.
  ///
  /// - Complexity: O(number of cases).
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
