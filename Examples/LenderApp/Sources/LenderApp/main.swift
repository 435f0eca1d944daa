// LenderApp: a bank's afternoon with GreenLedger. The bank's loan book lives in its own
// systems (here: Swift values standing for core-banking and energy-statistics records), not in
// CSV files. Through the library's jobs it computes the borrowers' carbon accounts, their ESG
// scores, the green tags and the financed emissions of the book (in two shards, merged), and
// writes the full run with its report — every step a library call.
import GreenLedger

#if canImport(Glibc)
  import Glibc
#endif

/// An enterprise as the bank's customer file knows it.
struct Customer {
  let id, name, sector, region: String
  let revenue, equity, debt: Double
}

/// A year of one energy or process quantity from the customer's energy statistics.
struct EnergyRecord {
  let customer, activity, unit: String
  let year: Int
  let quantity: Double
}

/// A loan in the core-banking system.
struct Facility {
  let id, customer, assetClass, purpose: String
  let outstanding: Double
  let origination: String
  var projectType = ""
}

let customers = [
  Customer(id: "ACME-CEMENT", name: "浙江安砼水泥有限公司", sector: "C3011", region: "CN-ZJ",
           revenue: 2_000_000_000, equity: 1_200_000_000, debt: 800_000_000),
  Customer(id: "SUNFIELD-PV", name: "湖州阳光光伏电站有限公司", sector: "D4416", region: "CN-ZJ",
           revenue: 300_000_000, equity: 500_000_000, debt: 1_100_000_000),
  Customer(id: "RIVER-TEXTILE", name: "绍兴江南纺织印染有限公司", sector: "C1713", region: "CN-ZJ",
           revenue: 650_000_000, equity: 280_000_000, debt: 220_000_000),
]
let energy = [
  EnergyRecord(customer: "ACME-CEMENT", activity: "electricity.grid", unit: "MWh", year: 2024, quantity: 180_000),
  EnergyRecord(customer: "ACME-CEMENT", activity: "process.clinker", unit: "t", year: 2024, quantity: 1_000_000),
  EnergyRecord(customer: "ACME-CEMENT", activity: "stationary.raw_coal", unit: "t", year: 2024, quantity: 120_000),
  EnergyRecord(customer: "SUNFIELD-PV", activity: "electricity.grid", unit: "MWh", year: 2024, quantity: 900),
  EnergyRecord(customer: "RIVER-TEXTILE", activity: "stationary.natural_gas", unit: "万Nm3", year: 2024, quantity: 450),
  EnergyRecord(customer: "RIVER-TEXTILE", activity: "electricity.grid", unit: "万kWh", year: 2024, quantity: 3_800),
]
let facilities = [
  Facility(id: "L-1", customer: "SUNFIELD-PV", assetClass: "project_finance", purpose: "50MW 分布式光伏发电项目",
           outstanding: 260_000_000, origination: "2025-11-03", projectType: "power.solar_pv"),
  Facility(id: "L-2", customer: "ACME-CEMENT", assetClass: "business_loan", purpose: "流动资金贷款",
           outstanding: 100_000_000, origination: "2025-08-15"),
  Facility(id: "L-3", customer: "ACME-CEMENT", assetClass: "business_loan", purpose: "水泥窑余热发电改造",
           outstanding: 40_000_000, origination: "2025-12-01"),
  Facility(id: "L-4", customer: "RIVER-TEXTILE", assetClass: "business_loan", purpose: "印染废水处理及中水回用项目",
           outstanding: 30_000_000, origination: "2025-10-20"),
]

// The bank's records as table sources in the data contract's columns: streamed row by row,
// never a CSV file of the bank's own.
let borrowers = TableSource.rows(columns: ["borrower_id", "name", "sector", "country", "region", "currency", "revenue",
                                           "total_equity", "total_debt"]) { emit in
  for c in customers {
    emit([c.id, c.name, c.sector, "CN", c.region, "CNY", String(c.revenue), String(c.equity), String(c.debt)])
  }
}
let activities = TableSource.rows(columns: ["entity_id", "period", "activity", "quantity", "unit"]) { emit in
  for e in energy { emit([e.customer, String(e.year), e.activity, String(e.quantity), e.unit]) }
}
let loans = TableSource.rows(columns: ["loan_id", "borrower_id", "asset_class", "currency", "outstanding",
                                       "origination_date", "use_of_proceeds", "project_type", "project_value"]) { emit in
  for f in facilities {
    emit([f.id, f.customer, f.assetClass, "CNY", String(f.outstanding), f.origination, f.purpose, f.projectType,
          f.assetClass == "project_finance" ? "1500000000" : ""])
  }
}

let factors = try FactorSet.bundled()
let day = Day(year: 2026, month: 11, day: 29)!
var template = Array("/tmp/lenderapp-XXXXXX".utf8CString)
let out = String(cString: mkdtemp(&template)!)

// 1. Carbon accounts (企业碳账户) from the energy records.
let accounting = try AccountingJob(activities: activities, entities: borrowers, factors: factors,
                                   options: AccountingOptions(asOf: day)).run(writingTo: out + "/accounts")
for a in accounting.accounts {
  print("account \(a.entity) \(a.year): scope 1 \(DecimalFormat.fixed(a.scope1, places: 1)) t, scope 2 "
    + "\(DecimalFormat.fixed(a.scope2Location, places: 1)) t, grade \(a.carbonEfficiency?.grade?.grade ?? "-")")
}

// 2. ESG scores on those accounts (in memory: the same rows accounts.csv holds).
let scoring = try ScoringJob(accounts: .accounts(accounting.accounts, factors: factors), entities: borrowers).score()
for s in scoring.scores { print("score \(s.entityID) \(s.year): \(DecimalFormat.fixed(s.total, places: 1)) → \(s.grade)") }

// 3. Green tags under the 2025 catalogue and the EU taxonomy.
var tagging = TaggingJob(loans: loans, factors: factors)
(tagging.borrowers, tagging.reportingDay) = (borrowers, day)
let tags = try tagging.run(writingTo: out + "/tags")
print("tags: \(tags.statistics.alignedLoans) aligned, \(tags.statistics.eligibleLoans) eligible of \(tags.read) loans")

// 4. Financed emissions (PCAF Part A) in two shards, as two machines would run them, merged.
//    The borrowers' emissions are their carbon accounts: PCAF option 2a, never "reported".
var finance = FinancedEmissionsJob(loans: loans, borrowers: borrowers, factors: factors)
(finance.accountEmissions, finance.tags, finance.reportingDay) =
  (AccountEmissions.latest(of: accounting.accounts), tags.directory + "/tags.csv", day)
var shards: [String] = []
for i in 1...2 {
  finance.shard = Shard(index: i, count: 2)
  shards.append(try finance.run(writingTo: out + "/finance-shard-\(i)").directory)
}
let merged = try ShardMerge(directories: shards, factors: factors).run(writingTo: out + "/finance")
finance.shard = nil
let whole = try finance.run(writingTo: out + "/finance-whole")
let p = whole.portfolio
let sameBytes = try FileSystem.contents(of: out + "/finance/financed.csv")
  == FileSystem.contents(of: whole.directory + "/financed.csv")
print("financed: \(merged.accepted) loans merged from \(merged.shards) shards (same bytes as one run: \(sameBytes)); "
  + "scope 1+2 \(p.text(.scope12)) tCO2e, green share \(DecimalFormat.fixed((p.greenShare ?? 0) * 100, places: 1)) %")
if !sameBytes { exit(1) }

// 5. Everything at once, with one manifest (SHA-256 and SM3) and the report.
var pipeline = Pipeline(loans: loans, borrowers: borrowers, factors: factors)
(pipeline.activities, pipeline.reportingDay) = (activities, day)
let run = try pipeline.run(writingTo: out + "/run")
let (checked, problems) = try OutputManifest.verify(directory: run.directory)
print("run: \(run.stageNames.joined(separator: " → ")); report \(run.directory)/report.html; "
  + "\(checked) files verified, \(problems.count) differences")
if !problems.isEmpty { exit(1) }
