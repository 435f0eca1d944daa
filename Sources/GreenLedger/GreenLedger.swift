/// GreenLedger: enterprise carbon accounts, ESG-linked scores, green-loan tagging and
/// financed emissions for lenders. `import GreenLedger` gives the whole public API.
@_exported public import Quantities
@_exported public import Tabular
@_exported public import FactorTables
@_exported public import LoanBook
@_exported public import Accounting
@_exported public import ESGScoring
@_exported public import Tagging
@_exported public import Integrity
@_exported public import FinancedEmissions
@_exported public import BatchJobs
