public import FactorTables
public import Tabular

extension Pipeline {
  /// A run over a directory laid out as `Examples/` is: its loans.csv and borrowers.csv, and each
  /// of activities.csv, esg.csv, benchmarks.csv, fx.csv and countries.csv that it holds.
  ///
  /// ```swift
  /// var pipeline = try Pipeline(directory: "Examples", factors: try FactorSet.bundled())
  /// pipeline.previous = "runs/2025"
  /// ```
  ///
  /// - Throws: `InputError` when the directory has no loans.csv or no borrowers.csv.
  public init(directory: String, factors: FactorSet) throws(InputError) {
    let file = { (name: String) -> String? in
      let path = directory + "/" + name
      return FileSystem.exists(path) ? path : nil
    }
    for required in ["loans.csv", "borrowers.csv"] where file(required) == nil {
      throw InputError(file: directory + "/" + required, message:
        "no such file: a book directory holds loans.csv and borrowers.csv (and activities.csv, esg.csv, benchmarks.csv, "
        + "fx.csv, countries.csv where it has them)")
    }
    self.init(loans: .file(file("loans.csv")!), borrowers: .file(file("borrowers.csv")!), factors: factors)
    activities = file("activities.csv").map(TableSource.file)
    (esg, benchmarks, exchangeRates, countries) = (file("esg.csv"), file("benchmarks.csv"), file("fx.csv"), file("countries.csv"))
  }
}
