/// One line of a disclosure template: a cell, or a row of cells repeated over a
/// ``DisclosureDimension``, and the figure that fills it.
public struct DisclosureCellSpec: Sendable, Hashable {
  /// The table's id (`A1`) and titles.
  public var table: String
  /// The table's English title.
  public var tableEN: String
  /// The table's Chinese title.
  public var tableZH: String
  /// The row's id; `{key}` where the row repeats.
  public var row: String
  /// The row's English label; `{key}` and `{name}` are replaced where the row repeats.
  public var labelEN: String
  /// The row's Chinese label, with the same placeholders.
  public var labelZH: String
  /// What the row repeats over, or `nil` for one row.
  public var each: DisclosureDimension?
  /// The column's id.
  public var column: String
  /// The column's English heading.
  public var columnEN: String
  /// The column's Chinese heading.
  public var columnZH: String
  /// The figure's path in ``DisclosureFacts`` (`finance/portfolio/financed_scope12_tco2e`;
  /// `{row}` is the repeated row's own path); empty where the run cannot compute the cell.
  public var quantity: String
  /// The figure's unit.
  public var unit: String
  /// The clause of the standard the cell implements.
  public var clause: String
  /// Why the cell is empty when the run has no figure for it.
  public var ifEmpty: String
}
