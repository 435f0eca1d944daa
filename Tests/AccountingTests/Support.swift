import LoanBook
import Accounting
import Tabular
import FactorTables
import Quantities

let bundled: FactorSet = try! FactorSet.bundled()

func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

let asOf = day(2026, 11, 29)

/// A Chinese manufacturer in Zhejiang reporting in CNY.
func entity(_ id: String = "E1", sector: String = "C3011", region: String = "CN-ZJ", valueAdded: Double? = nil,
            revenue: Double? = nil) -> Enterprise
{
  Enterprise(id: EntityID(id), sector: sector, country: "CN", region: region, currency: .cny, revenue: revenue,
         valueAdded: valueAdded)
}

/// A 2022 record of entity E1.
func record(activity: String, _ value: Double, _ unit: String, region: String? = nil, supplier: Double? = nil,
            instrument: Instrument? = nil, line: Int = 2) -> ActivityRecord
{
  record("E1", .year(2022)!, activity, value, unit, region: region, supplier: supplier, instrument: instrument,
         line: line)
}

func record(_ entity: String, _ period: Period, _ activity: String, _ value: Double,
            _ unit: String, region: String? = nil, supplier: Double? = nil, instrument: Instrument? = nil,
            line: Int = 2) -> ActivityRecord
{
  ActivityRecord(entity: EntityID(entity), period: period, activity: activity,
                 quantity: Quantity(value, try! UnitOfMeasure(parsing: unit)), region: region,
                 supplierFactor: supplier, instrument: instrument, origin: RecordOrigin(file: "a.csv", line: line))
}

func accounting(_ entities: [Enterprise] = [entity()], method: Methodology? = .chinaGBT, gwp: GWPSet = .ar6,
                factors: FactorSet = bundled, proxy: String? = nil) -> CarbonAccounting
{
  var options = AccountingOptions(methodology: method, gwpSet: gwp, asOf: asOf)
  options.scope3ProxyRegion = proxy
  return CarbonAccounting(factors: factors, options: options, entities: entities)
}

/// Relative closeness for values computed along different but equivalent paths.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(b))
}

/// The bundled factor set plus extra dataset folders given as files (for test-only factors).
func bundledPlus(_ extra: [String: String]) -> FactorSet {
  var files: [String: [UInt8]] = [:]
  // Reload the bundled tables from the repository so that the extra folder is sealed with them.
  let root = repositoryFactors
  for name in try! FileSystem.contentsOfDirectory(root) where FileSystem.isDirectory(root + "/" + name) {
    for file in try! FileSystem.contentsOfDirectory(root + "/" + name) {
      files[name + "/" + file] = try! FileSystem.contents(of: root + "/" + name + "/" + file)
    }
  }
  for (path, text) in extra { files[path] = Array(text.utf8) }
  let manifest = try! FactorManifest(computingFrom: .files(files))
  files["manifest.json"] = Array(manifest.rendered().utf8)
  return try! FactorSet.load(from: .files(files))
}

let repositoryFactors: String = {
  var path = #filePath
  for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
  return path + "/EmissionFactors"
}()
