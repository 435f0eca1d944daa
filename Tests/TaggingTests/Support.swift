import LoanBook
import Quantities
import Tagging

/// The facts of a business loan `id` of 1 CNY outstanding that states nothing else yet.
func facts(_ id: String) -> LoanFacts {
  LoanFacts(Loan(id: LoanID(id), borrowerID: nil, assetClass: .businessLoan, currency: .cny, outstanding: 1))
}
