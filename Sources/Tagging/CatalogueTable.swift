internal import Tabular

/// Reads the rows of the catalogue tables by column name, with the table and line in every error.
struct CatalogueTable {
  let files: [String: [UInt8]]

  func rows(_ name: String) throws(CatalogueError) -> [[String: String]] {
    guard let bytes = files[name] else { throw CatalogueError("missing table \(name)") }
    do { return try CSVReader.rowsByColumn(of: bytes, file: name).rows.map(\.fields) } catch {
      throw CatalogueError(error.file + ":" + error.message)
    }
  }

  func items(_ name: String) throws(CatalogueError) -> [String: CatalogueItem] {
    var result: [String: CatalogueItem] = [:]
    for r in try rows(name) {
      let code = r["code"] ?? ""
      guard result[code] == nil else { throw CatalogueError("\(name): item \(code) appears twice") }
      result[code] = CatalogueItem(code: code, level: Int(r["level"] ?? "") ?? 0, nameZH: r["name_zh"] ?? "",
                                   nameEN: r["name_en"] ?? "", parent: (r["parent_code"] ?? "").isEmpty ? nil : r["parent_code"],
                                   ghgMarker: r["ghg_contribution"] ?? "", industries: r["nbs_industry"] ?? "",
                                   criteria: r["criteria_zh"] ?? "")
    }
    return result
  }

  /// 2025 code → older codes, the closest first (same name, then renamed, then by content),
  /// checking that every older code exists.
  func crosswalk(_ name: String, from column: String, known: [String: CatalogueItem]) throws(CatalogueError) -> [String: [String]] {
    var result: [String: [(rank: Int, code: String)]] = [:]
    for r in try rows(name) where !(r["gfc2025_code"] ?? "").isEmpty {  // an empty code: no counterpart
      let old = r[column] ?? ""
      guard known[old] != nil else { throw CatalogueError("\(name): unknown item \(old)") }
      let basis = r["basis"] ?? ""
      let rank = basis.hasPrefix("same name") ? 0 : (basis.hasPrefix("renamed") || basis.contains("by name") ? 1 : 2)
      result[r["gfc2025_code"] ?? "", default: []].append((rank, old))
    }
    // A stable order: by closeness, then as listed.
    return result.mapValues { list in list.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.code) }
  }
}
