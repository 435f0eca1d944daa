import Foundation

/// Issue 16's cases: line ends, inputs written over, exchange rates, shards, formulas, ESG
/// ranges, methodologies, files of the wrong kind, measured parameters, region codes and
/// encodings. The runner (BadInputCatalogueTests.badInput) also checks that no input changed.
extension BadInputCatalogueTests {
  typealias C = Case

  /// `lines` joined by `end` (the header first).
  static func joined(_ lines: [String], _ end: String) -> String { lines.map { $0 + end }.joined() }

  static let lineEnds = [("CR", "\r"), ("CRLF", "\r\n"), ("mixed", "\n\r")]  // "\n\r": LF, then a blank CR line

  static func accountArgs(_ activities: String = "{dir}/a.csv") -> [String] {
    ["account", "--activities", activities, "--entities", "{dir}/e.csv", "--as-of", "2026-01-01", "--out", "{out}"]
  }

  static func financeArgs(_ loans: String = "{dir}/l.csv", extra: [String] = []) -> [String] {
    ["finance", "--loans", loans, "--borrowers", "{dir}/b.csv", "--out", "{out}"] + extra
  }

  static func scoreArgs(_ extra: [String]) -> [String] {
    ["score", "--accounts", "{dir}/acc.csv", "--entities", "{dir}/e.csv", "--out", "{out}"] + extra
  }

  static let esgHeader = "entity_id,year,indicator,value,unit\n"
  static let activityRows = ["entity_id,period,activity,quantity,unit", "E1,2024,electricity.grid,5,MWh",
                             "E1,2024,electricity.grid,-5,MWh", "E1,2023-03,electricity.grid,7,MWh"]
  static let loanRows = ["loan_id,borrower_id,asset_class,currency,outstanding,origination_date,project_value",
                         "L1,B1,business_loan,CNY,10,,", "L2,B1,business_loan,CNY,-1,,", "L3,B1,business_loan,CNY,30,,"]
  static let measuredHeader = "entity_id,period,activity,quantity,unit,ncv,ncv_unit,carbon_content,oxidation_rate\n"

  static var safetyCases: [Case] {
    var cases: [Case] = []
    // 1. Every line-end style through every command that reads files: 3 rows, 1 rejected.
    for (name, end) in lineEnds {
      cases.append(C(name: "account, \(name) line ends", files: ["a.csv": joined(activityRows, end)],
                     arguments: accountArgs(), status: 0, message: "quantity", rejected: 1, accepted: 2))
      cases.append(C(name: "finance, \(name) line ends", files: ["l.csv": joined(loanRows, end),
                                                                 "b.csv": joined(borrowersCSV.split(separator: "\n").map(String.init), end)],
                     arguments: financeArgs(), status: 0, message: "outstanding", rejected: 1, accepted: 2))
      cases.append(C(name: "tag, \(name) line ends", files: ["l.csv": joined(loanRows, end)],
                     arguments: ["tag", "--loans", "{dir}/l.csv", "--out", "{out}"], status: 0, message: "outstanding",
                     rejected: 1, accepted: 2))
      cases.append(C(name: "score esg, \(name) line ends",
                     files: ["acc.csv": accountsHeader, "esg.csv": joined(["entity_id,year,indicator,value,unit",
                       "E1,2024,board_independence,0.4,ratio", "E1,2024,board_independence,4,percent",
                       "E1,2023,safety_incidents,1,count"], end)],
                     arguments: scoreArgs(["--esg", "{dir}/esg.csv"]), status: 0, message: "percent", rejected: 1, accepted: 2))
    }
    // 2. No command writes over one of its inputs.
    cases += [
      C(name: "validate --rejects is the input", files: ["l.csv": joined(loanRows, "\n")],
        arguments: ["validate", "--kind", "loans", "{dir}/l.csv", "--rejects", "{dir}/./l.csv"], status: 2,
        message: "refusing to write"),
      C(name: "validate --rejects is a link to the input", files: ["l.csv": joined(loanRows, "\n")],
        arguments: ["validate", "--kind", "loans", "{dir}/l.csv", "--rejects", "{dir}/r.csv"], status: 2, message: "refusing to write",
        links: ["r.csv": "l.csv"]),
      C(name: "account input named like an output in --out", files: ["out/lines.csv": joined(activityRows, "\n")],
        arguments: accountArgs("{out}/lines.csv"), status: 2, message: "is the same file as the activities input"),
      C(name: "finance loans named financed.csv in --out", files: ["financed.csv": joined(loanRows, "\n")],
        arguments: ["finance", "--loans", "{dir}/financed.csv", "--borrowers", "{dir}/b.csv", "--out", "{dir}/."], status: 2,
        message: "refusing to write"),
      C(name: "entities named summary.json in --out", files: ["a.csv": joined(activityRows, "\n"), "summary.json": entitiesCSV],
        arguments: ["account", "--activities", "{dir}/a.csv", "--entities", "{dir}/summary.json", "--out", "{dir}"], status: 2,
        message: "entities input"),
      C(name: "input inside the work directory", files: ["out/.partitions/a.csv": joined(activityRows, "\n")],
        arguments: accountArgs("{out}/.partitions/a.csv"), status: 2, message: "work directory"),
      C(name: "--out names a file", files: ["l.csv": joined(loanRows, "\n")],
        arguments: ["tag", "--loans", "{dir}/l.csv", "--out", "{dir}/l.csv"], status: 2, message: "--out names an existing file"),
      C(name: "score methodology in --out as summary.json", files: ["acc.csv": accountsHeader, "out/summary.json": "{}"],
        arguments: scoreArgs(["--methodology", "{out}/summary.json"]), status: 2, message: "methodology input"),
    ]
    // 3. Exchange rates.
    let oneLoan = loansHeader + "L1,B1,business_loan,CNY,10,,\n"
    cases += [
      C(name: "a rate for the reporting currency", files: ["l.csv": oneLoan, "fx.csv": "currency,cny_per_unit\nCNY,2\n"],
        arguments: financeArgs(extra: ["--fx", "{dir}/fx.csv"]), status: 3, message: "whose rate is 1 by definition"),
      C(name: "a huge rate", files: ["l.csv": oneLoan, "fx.csv": "currency,cny_per_unit\nUSD,1e308\n"],
        arguments: financeArgs(extra: ["--fx", "{dir}/fx.csv"]), status: 3, message: "outside the plausible range"),
      C(name: "a subnormal rate", files: ["l.csv": oneLoan, "fx.csv": "currency,cny_per_unit\nUSD,1e-320\n"],
        arguments: financeArgs(extra: ["--fx", "{dir}/fx.csv"]), status: 3, message: "\"1e-320\""),
      C(name: "the reporting currency at 1", files: ["l.csv": oneLoan, "fx.csv": "currency,cny_per_unit\nCNY,1\nUSD,7.1\n"],
        arguments: financeArgs(extra: ["--fx", "{dir}/fx.csv"]), status: 0, message: "file,line,column,reason,raw",
        rejected: 0, accepted: 1),
    ]
    // 4. A shard without a manifest.
    cases.append(C(name: "merge a shard without manifest", files: ["s1/partials.csv": "group,key,value\nrun,shard,1/1\n"],
                   arguments: ["merge", "{dir}/s1", "--out", "{out}"], status: 3, message: "shard has no manifest.json"))
    // 5. Formula cells: a rejects file's name column of a file called "=a.csv".
    cases.append(C(name: "formula in a file name", files: ["=a.csv": joined(activityRows, "\n")],
                   arguments: accountArgs("{dir}/=a.csv"), status: 0, message: "'=a.csv", rejected: 1))
    // 6. ESG values outside their indicator's meaning.
    for (indicator, value, unit, range) in [("board_independence", "1.5", "ratio", "0–1"), ("green_revenue_share", "250", "ratio", "0–1"),
                                             ("safety_incidents", "-3", "count", "≥ 0"), ("controversy_severity", "9", "level", "0–5")] {
      cases.append(C(name: "esg \(indicator) \(value)", files: ["acc.csv": accountsHeader,
                                                                "esg.csv": esgHeader + "E1,2024,\(indicator),\(value),\(unit)\n"],
                     arguments: scoreArgs(["--esg", "{dir}/esg.csv"]), status: 0, message: "must be \(range)", rejected: 1))
    }
    cases.append(C(name: "esg year in the future", files: ["acc.csv": accountsHeader,
                                                           "esg.csv": esgHeader + "E1,2099,board_independence,0.5,ratio\n"],
                   arguments: scoreArgs(["--esg", "{dir}/esg.csv"]), status: 0, message: "year 2099 is after the current year", rejected: 1))
    // 7. Methodologies.
    let negative = String(decoding: try! Self.bundledMethodology(), as: UTF8.self)
      .replacingOccurrences(of: #""key": "E", "weights": { "default": 0.30"#, with: #""key": "E", "weights": { "default": -0.25"#)
      .replacingOccurrences(of: #""key": "S", "weights": { "default": 0.35"#, with: #""key": "S", "weights": { "default": 0.90"#)
    cases += [
      C(name: "methodology with a negative weight", files: ["acc.csv": accountsHeader, "m.json": negative],
        arguments: scoreArgs(["--methodology", "{dir}/m.json"]), status: 3, message: "is negative"),
      C(name: "methodology JSON syntax error", files: ["acc.csv": accountsHeader, "m.json": "{\n  \"id\": \"x\",\n  \"version\" 1\n}"],
        arguments: scoreArgs(["--methodology", "{dir}/m.json"]), status: 3, message: "line 3, column 13: expected ':'"),
    ]
    // 8. The wrong file.
    cases += [
      C(name: "lines.csv given as accounts", files: ["acc.csv": "entity_id,period,activity,scope,category,gas,amount_t,co2e_t,factor_id\n"],
        arguments: scoreArgs([]), status: 3, message: "this looks like lines.csv"),
      C(name: "borrowers given as loans", arguments: financeArgs("{dir}/b.csv"), status: 3, message: "this looks like a borrowers file"),
      C(name: "activities given as loans", files: ["a.csv": joined(activityRows, "\n")],
        arguments: ["tag", "--loans", "{dir}/a.csv", "--out", "{out}"], status: 3, message: "this looks like an activities file"),
    ]
    // 9. A year reported whole and by quarter or month: the coarser row is rejected, in any order.
    let quarters = (1...4).map { "E1,2024-Q\($0),electricity.grid,10,MWh" }
    cases += [
      C(name: "annual row before its quarters", files: ["a.csv": joined([activityRows[0], "E1,2024,electricity.grid,40,MWh"] + quarters, "\n")],
        arguments: accountArgs(), status: 0, message: "period 2024 overlaps rows of 2024-Q1, 2024-Q2, 2024-Q3 …", rejected: 1, accepted: 4),
      C(name: "annual row after its quarters", files: ["a.csv": joined([activityRows[0]] + quarters + ["E1,2024,electricity.grid,40,MWh"], "\n")],
        arguments: accountArgs(), status: 0, message: "the finer rows are kept", rejected: 1, accepted: 4),
      C(name: "a quarter and a month inside it", files: ["a.csv": joined([activityRows[0], "E1,2024-Q2,electricity.grid,30,MWh",
                                                                          "E1,2024-05,electricity.grid,10,MWh", "E1,2024-Q3,electricity.grid,30,MWh"], "\n")],
        arguments: accountArgs(), status: 0, message: "period 2024-Q2 overlaps rows of 2024-05", rejected: 1, accepted: 2),
      C(name: "the same year for another facility is no overlap",
        files: ["a.csv": joined(["entity_id,period,activity,quantity,unit,facility_id", "E1,2024,electricity.grid,40,MWh,F1",
                                 "E1,2024-Q1,electricity.grid,10,MWh,F2"], "\n")],
        arguments: accountArgs(), status: 0, message: "file,line,column,reason,raw", rejected: 0, accepted: 2),
    ]
    // 10. Implausible measured parameters.
    for (row, column) in [("E1,2024,stationary.raw_coal,10,t,1000000,GJ/t,26,0.9", "ncv"),
                          ("E1,2024,stationary.raw_coal,10,t,21,GJ/t,2600,0.9", "carbon_content"),
                          ("E1,2024,stationary.raw_coal,10,t,21,GJ/t,0,0.9", "carbon_content"),
                          ("E1,2024,stationary.raw_coal,10,t,21,GJ/t,26,0", "oxidation_rate")] {
      cases.append(C(name: "measured \(column) out of range: \(row)", files: ["a.csv": measuredHeader + row + "\n"],
                     arguments: accountArgs(), status: 0, message: "\(column):", rejected: 1))
    }
    // 11. Region codes.
    cases += [
      C(name: "unknown subdivision", files: ["a.csv": "entity_id,period,activity,quantity,unit,region\nE1,2024,electricity.grid,5,MWh,CN-XX\n"],
        arguments: accountArgs(), status: 0, message: "CN-XX is not an ISO 3166-2 code", rejected: 1),
      C(name: "a subdivision typo", files: ["a.csv": "entity_id,period,activity,quantity,unit,region\nE1,2024,electricity.grid,5,MWh,CN-ZJJ\n"],
        arguments: accountArgs(), status: 0, message: "did you mean CN-ZJ?", rejected: 1),
      C(name: "region outside the country",
        files: ["b.csv": "borrower_id,sector,country,region,currency\nB1,C3110,CN,US-CA,CNY\n", "l.csv": oneLoan],
        arguments: financeArgs(), status: 0, message: "region US-CA is not in country CN"),
      C(name: "unknown country", files: ["b.csv": "borrower_id,sector,country,currency\nB1,C3110,XX,CNY\n", "l.csv": oneLoan],
        arguments: financeArgs(), status: 0, message: "XX is not one"),
    ]
    cases.append(C(name: "negative --max-rejects", files: ["l.csv": oneLoan],
                   arguments: ["validate", "--kind", "loans", "{dir}/l.csv", "--max-rejects", "-1"], status: 2,
                   message: "--max-rejects must be a count ≥ 0"))
    // Messages that named the wrong cause or no column.
    cases += [
      C(name: "activity of a rejected entity", files: ["e.csv": "borrower_id,sector,country,region,currency\nE1,X99,CN,CN-ZJ,CNY\n",
                                                       "a.csv": joined(Array(activityRows.prefix(2)), "\n")],
        arguments: accountArgs(), status: 0, message: "entity E1 was rejected at e.csv:2 (see rejects.csv)"),
      C(name: "loan of a rejected borrower", files: ["b.csv": "borrower_id,sector,country,currency\nB1,C3110,CN,CNYY\n", "l.csv": oneLoan],
        arguments: financeArgs(), status: 0, message: "borrower \"\"B1\"\" was rejected at b.csv:2", rejected: 1),
      C(name: "emissions too large to sum", files: ["a.csv": activitiesHeader + "E1,2024,electricity.grid,1e300,MWh\n"],
        arguments: accountArgs(), status: 0, message: "too large to sum exactly to the gram; check the quantity and its unit (found \"\"1e300\"\")",
        rejected: 1),
      C(name: "financed amounts too large to sum", files: ["l.csv": loansHeader + "L1,B1,business_loan,CNY,1e300,,\n"],
        arguments: financeArgs(), status: 0, message: "outstanding \"\"1e300\"\" gives financed amounts too large", rejected: 1),
      C(name: "run --esg without --activities", files: ["l.csv": oneLoan, "esg.csv": esgHeader],
        arguments: ["run", "--loans", "{dir}/l.csv", "--borrowers", "{dir}/b.csv", "--esg", "{dir}/esg.csv", "--out", "{out}"],
        status: 2, message: "esg needs activities"),
      C(name: "--excel with --shard", files: ["l.csv": oneLoan],
        arguments: financeArgs(extra: ["--shard", "1/2", "--excel"]), status: 2, message: "--excel is for files a person opens"),
    ]
    // Encodings.
    let utf16: [UInt8] = [0xFF, 0xFE] + Array(joined(activityRows, "\n").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let gbk: [UInt8] = Array("entity_id,period,activity,quantity,unit\nE1,2024,electricity.grid,5,".utf8) + [0xCD, 0xF2, 0xB6, 0xC8, 0x0A]  // 万度
    cases += [
      C(name: "UTF-16 activities", arguments: accountArgs(), status: 3, message: "UTF-16", bytes: ["a.csv": utf16]),
      C(name: "GBK activities", arguments: accountArgs(), status: 3, message: "GBK", bytes: ["a.csv": gbk]),
      C(name: "a second byte-order mark", arguments: financeArgs(), status: 3, message: "second byte-order mark",
        bytes: ["l.csv": [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(oneLoan.utf8)]),
    ]
    return cases
  }

  /// The bundled methodology's JSON (`score --print-methodology`).
  static func bundledMethodology() throws -> Data {
    Data(try CLITests().run(["score", "--print-methodology"]).stdout.utf8)
  }
}
