import FactorTables
import Quantities
import Tabular

/// The repository's EmissionFactors/ directory.
let repositoryFactors: String = {
  var path = #filePath
  for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
  return path + "/EmissionFactors"
}()

/// The bundled set, loaded once.
let bundled: FactorSet = try! FactorSet.bundled()

func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

/// A minimal valid factor set in memory: one dataset with the given factor rows, plus a
/// GWP table, sealed with a correct manifest unless `manifest` is given.
func miniSet(factors rows: [String], fuels: [String] = [],
             manifest: ((FactorManifestText) -> String)? = nil) -> [String: [UInt8]]
{
  let header = "factor_id,activity,region,series,gas,value,unit,valid_from,valid_to,published,publisher,source,year,url,note"
  var files: [String: String] = [
    "t/dataset.json": """
      {"id":"t","title":"test","publisher":"p","version":"1","licence":"l","official":true,
       "tables":[{"file":"factors.csv","kind":"emission_factors"}\(fuels.isEmpty ? "" : ",{\"file\":\"fuels.csv\",\"kind\":\"fuel_parameters\"}")],
       "description":"d","region":"CN"}
      """,
    "t/factors.csv": ([header] + rows).joined(separator: "\n") + "\n",
  ]
  if !fuels.isEmpty {
    files["t/fuels.csv"] = (["parameter_id,fuel,ncv,ncv_unit,carbon_content,carbon_content_unit,oxidation_rate,density,density_unit,valid_from,valid_to,published,publisher,source,year,url,note"] + fuels).joined(separator: "\n") + "\n"
  }
  var bytes = files.mapValues { Array($0.utf8) }
  let sealed = try! FactorManifest(computingFrom: .files(bytes))
  let text = FactorManifestText(value: sealed.rendered())
  bytes["manifest.json"] = Array((manifest?(text) ?? text.value).utf8)
  return bytes
}

struct FactorManifestText { var value: String }

/// A factor row with defaults for the columns a test does not care about.
func row(id: String = "F1", activity: String = "electricity.grid", region: String = "CN",
         series: String = "s", gas: String = "CO2", value: String = "0.5", unit: String = "kgCO2/kWh",
         from: String = "2022-01-01", to: String = "2022-12-31") -> String
{
  "\(id),\(activity),\(region),\(series),\(gas),\(value),\(unit),\(from),\(to),2024,Pub,Doc,2024,,note"
}

/// The error text of loading `files`, or nil if it loads.
func loadError(_ files: [String: [UInt8]]) -> String? {
  do {
    _ = try FactorSet.load(from: .files(files))
    return nil
  } catch {
    return error.description
  }
}
