// LenderApp: what a bank's engineer writes in an afternoon with GreenLedger — no files,
// only the library API: an enterprise carbon account from activity records, one loan tagged
// under the 2025 green catalogue, one loan's financed emissions.
import GreenLedger

let factors = try FactorSet.bundled()
let day = Day(year: 2024, month: 12, day: 31)!

// 1. A carbon account from activity records (data that came from the bank's own systems).
let borrower = Entity(id: "ACME-CEMENT", sector: "C3011", country: "CN", region: "CN-ZJ", currency: .cny,
                      revenue: 2_000_000_000, valueAdded: 600_000_000)
var accounting = CarbonAccounting(factors: factors, options: AccountingOptions(asOf: day), entities: [borrower])
let origin = RecordOrigin(file: "core-banking", line: 1)
let records = [
  ActivityRecord(entity: "ACME-CEMENT", period: .year(2024)!, activity: "electricity.grid",
                 quantity: Quantity(180_000, .megawattHours), origin: origin),
  ActivityRecord(entity: "ACME-CEMENT", period: .year(2024)!, activity: "process.clinker",
                 quantity: Quantity(1_000_000, try UnitOfMeasure(parsing: "t")), origin: origin),
]
for r in records {
  for line in try accounting.add(r) { print("line:", line.formula) }
}
let account = accounting.finish().accounts[0]
print("account \(account.entity) \(account.year): scope 1 \(account.scope1) t, scope 2 \(account.scope2Location) t,"
  + " grade \(account.carbonEfficiency?.grade?.grade ?? "-")")

// 2. Tag one loan under the 2025 catalogue (and the EU taxonomy).
var loan = LoanFacts(loanID: "L-42")
loan.useOfProceeds = "50MW 分布式光伏发电项目"
loan.projectType = "power.solar_pv"
loan.projectRegion = "CN-ZJ"
loan.originationDate = Day(year: 2025, month: 11, day: 3)
loan.annualGenerationMWh = 60_000
let tagger = GreenTagger(reductions: ReductionCalculator(factors: factors, reportingDay: day), asOf: day)
for tag in tagger.tag(loan) {
  print("tag \(tag.taxonomy): \(tag.code ?? "-") \(tag.status.rawValue) — \(tag.evidence.joined(separator: "; "))")
}

// 3. One loan's financed emissions (PCAF Part A).
var company = Borrower(id: "ACME-CEMENT", sector: "C3011", country: "CN", currency: .cny)
company.totalEquity = 1_200_000_000
company.totalDebt = 800_000_000
company.reportedScope1 = account.scope1
company.reportedScope2 = account.scope2Location
let calculator = FinancedEmissionsCalculator(exchangeRates: ExchangeRates())
let financed = try calculator.evaluate(
  Loan(id: "L-7", borrowerID: "ACME-CEMENT", assetClass: .businessLoan, currency: .cny, outstanding: 100_000_000),
  borrower: company)
print("financed: attribution \(financed.attributionFactor ?? 0), scope 1+2 \(financed.scope12 ?? 0) tCO2e,"
  + " PCAF score \(financed.dataQuality ?? 0) (\(financed.method))")
