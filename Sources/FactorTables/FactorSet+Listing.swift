public import Tabular

extension FactorSet {
  /// The datasets with their versions, licences, publishers, tables, row counts and digests,
  /// as `greenledger factors list --format json` prints them.
  public func datasetListing() -> JSONValue {
    let counts = Dictionary(grouping: emissionFactors, by: \.datasetID).mapValues(\.count)
    let parameters = Dictionary(grouping: fuelParameters, by: \.datasetID).mapValues(\.count)
    return .object([
      ("source", .string(sourceName)),
      ("factor_set_digest", .string(digest)),
      ("datasets", .array(manifest.datasets.map { e in
        let info = datasets[e.id]!
        return .object([
          ("id", .string(e.id)), ("title", .string(info.title)), ("version", .string(e.version)),
          ("licence", .string(e.licence)), ("official", .bool(e.official)),
          ("publisher", .string(info.publisher)),
          ("tables", .array(info.tables.map { .string("\($0.file):\($0.kind)") })),
          ("emission_factors", .int(counts[e.id] ?? 0)),
          ("fuel_parameters", .int(parameters[e.id] ?? 0)),
          ("digest", .string(e.digest)),
        ])
      })),
    ])
  }
}
