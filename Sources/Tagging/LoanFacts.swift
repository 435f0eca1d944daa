public import LoanBook
import Quantities

/// What the tagger reads of a loan: the loan itself (one row of loans.csv) and what its
/// borrower and the borrower's account add.
///
/// Every `Loan` property reads and writes through the facts (`facts.useOfProceeds`).
@dynamicMemberLookup
public struct LoanFacts: Hashable, Sendable {
  /// The loan.
  public var loan: Loan
  /// The borrower's GB/T 4754 code.
  public var borrowerSector: String?
  /// The borrower's carbon-efficiency grade (1–5), when known.
  public var borrowerCarbonGrade: Int?
  /// The borrower's carbon level (`低碳`, `中碳`, `高碳`), when known.
  public var borrowerCarbonLevel: String?
  /// The product whose historical green standard applies: a `corporate_bond` keeps the bond
  /// catalogue, anything else is a loan.
  public var product: StandardPeriod.Product

  /// The facts of `loan`, with what its borrower adds.
  public init(_ loan: Loan, borrowerSector: String? = nil, borrowerCarbonGrade: Int? = nil,
              borrowerCarbonLevel: String? = nil)
  {
    self.loan = loan
    self.borrowerSector = borrowerSector
    self.borrowerCarbonGrade = borrowerCarbonGrade
    self.borrowerCarbonLevel = borrowerCarbonLevel
    product = loan.assetClass == .corporateBond ? .bond : .loan
  }

  /// The loan's `loan_id`, as tags.csv writes it.
  public var loanID: String { loan.id.rawValue }

  /// A property of the ``loan``.
  public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Loan, Value>) -> Value {
    get { loan[keyPath: keyPath] }
    set { loan[keyPath: keyPath] = newValue }
  }
}
