public import LoanBook
public import FinancedEmissions
package import Integrity
package import Tabular

/// What a ``FinancedEmissionsJob`` did: row counts and the exact portfolio totals.
public struct FinancedEmissionsResult: Sendable {
  /// The output directory.
  public var directory: String
  /// Loan rows read (in this shard).
  public var read: Int
  /// Loans in financed.csv.
  public var accepted: Int
  /// Loans in rejects.csv.
  public var rejected: Int
  /// Borrower rows read (counted by shard 1 only).
  public var borrowersRead: Int
  /// Borrower rows rejected.
  public var borrowersRejected: Int
  /// Loans with financed emissions (PCAF scored).
  public var scored: Int
  /// The whole book's totals and metrics (PCAF Part A 5.1: financed emissions, economic
  /// emission intensity, WACI, weighted data quality; the green share).
  public var portfolio: PortfolioTotals
  /// The totals of each asset class with loans.
  public var byAssetClass: [AssetClass: PortfolioTotals]
  /// The totals of each GB/T 4754 section (first letter of the borrower's sector; `-` none).
  public var bySection: [String: PortfolioTotals]
  /// Warnings about the inputs, one sentence each.
  public var warnings: [String]
  package var outputEntries: [OutputManifest.Entry]
  /// summary.json as written.
  package var summary: JSONValue

  /// Rejected loans and borrowers, for a reject limit.
  public var rejectedRows: Int { rejected + borrowersRejected }
}
