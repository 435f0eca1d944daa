public import Accounting
public import FactorTables

extension TableSource {
  /// Carbon accounts as the rows of accounts.csv (`AccountingColumns.accounts`): what a
  /// ``ScoringJob`` scores, with the bytes an ``AccountingJob`` writes, so that scores from
  /// accounts in memory and from the file are the same.
  ///
  /// - Parameters:
  ///   - accounts: the accounts, e.g. ``AccountingJobResult/accounts``.
  ///   - factors: the factor set the accounts were computed with (its digest is a column).
  public static func accounts(_ accounts: [CarbonAccount], factors: FactorSet) -> TableSource {
    let digest = factors.digest
    return .rows(columns: AccountingColumns.accounts) { emit in
      for a in accounts { emit(AccountingColumns.fields(a, digest: digest)) }
    }
  }
}
