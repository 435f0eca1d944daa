/// One filled cell of a disclosure: its template line with the row's key and names put in,
/// its figure, the rows the figure came from — or why it is empty.
public struct DisclosureCell: Sendable, Hashable {
  /// The template line, resolved: `row`, the labels and `quantity` carry the repeated row's
  /// key and names (`C`, `C 制造业`, `finance/by_sector_section/C/…`).
  public var line: DisclosureCellSpec
  /// The figure as the run's summaries print it, `nil` when the cell is empty.
  public var value: String?
  /// The output file and rows the figure was summed from (empty when the cell is).
  public var source: String

  /// Why the cell is empty (`nil` when it has a value).
  public var whyEmpty: String? { value == nil ? line.ifEmpty : nil }
}
