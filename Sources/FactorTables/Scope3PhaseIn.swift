public import Tabular

/// PCAF's phase-in of borrowers' scope 3 (Part A 2nd ed., section 5, after Art. 5 of Delegated
/// Regulation (EU) 2020/1818): from which year of publication the financed scope 3 of which
/// sectors is required, as data (Standards/pcaf-scope3-phase-in.csv, NACE divisions carried to
/// GB/T 4754-2017 prefixes by division title, each step stated in the file).
///
/// ```swift
/// let phase = Scope3PhaseIn.bundled.phase(reportingYear: 2024)   // phase 2
/// Scope3PhaseIn.bundled.requires("C3011", reportingYear: 2024)   // true: cement, materials
/// ```
public struct Scope3PhaseIn: Sendable, Hashable {
  /// One step of the phase-in.
  public struct Phase: Sendable, Hashable {
    /// 1, 2, 3.
    public var number: Int
    /// The first year of publication from which the phase applies.
    public var fromYear: Int
    /// GB/T 4754 code prefixes the phase adds (`C26`, `K702`); empty for "every sector".
    public var sectorPrefixes: [String]
    /// The NACE Rev. 2 divisions PCAF names (`05-09, 19, 20`).
    public var naceDivisions: String
    /// What the phase covers, in English.
    public var description: String
    /// What the phase covers, in Chinese.
    public var descriptionZH: String

    /// Whether the phase covers every sector.
    public var coversEverySector: Bool { sectorPrefixes.isEmpty }
  }

  /// The phases in order.
  public var phases: [Phase]

  /// The phase-in compiled into the library.
  public static let bundled: Scope3PhaseIn = {
    do { return try read(BundledStandards.files["pcaf-scope3-phase-in.csv"] ?? []) } catch {
      fatalError("bundled scope 3 phase-in: \(error)")
    }
  }()

  /// Reads a phase-in table (columns `phase, reports_from_year, gbt4754_prefixes,
  /// nace_rev2_divisions, description, description_zh`; `*` as prefixes for every sector).
  ///
  /// - Throws: `InputError` naming the line of a missing column or a year or phase that is not
  ///   a whole number, or phases out of order.
  public static func read(_ bytes: [UInt8], file: String = "pcaf-scope3-phase-in.csv") throws(InputError) -> Scope3PhaseIn {
    let columns = ["phase", "reports_from_year", "gbt4754_prefixes", "nace_rev2_divisions", "description", "description_zh"]
    let table = try CSVReader.rowsByColumn(of: bytes, file: file, requiring: columns)
    var phases: [Phase] = []
    for (line, row) in table.rows {
      guard let number = Int(row["phase"]!), let year = Int(row["reports_from_year"]!) else {
        throw InputError(file: file, message: "line \(line): phase and reports_from_year must be whole numbers, found "
          + "\"\(row["phase"]!)\" and \"\(row["reports_from_year"]!)\"")
      }
      if let last = phases.last, number <= last.number || year <= last.fromYear {
        throw InputError(file: file, message: "line \(line): phases must follow each other with later years")
      }
      let prefixes = row["gbt4754_prefixes"]! == "*" ? [] : row["gbt4754_prefixes"]!.split(separator: " ").map(String.init)
      phases.append(Phase(number: number, fromYear: year, sectorPrefixes: prefixes, naceDivisions: row["nace_rev2_divisions"]!,
                          description: row["description"]!, descriptionZH: row["description_zh"]!))
    }
    return Scope3PhaseIn(phases: phases)
  }

  /// The latest phase in force for reports published in `reportingYear` (`nil` before the first).
  public func phase(reportingYear: Int) -> Phase? {
    phases.last { $0.fromYear <= reportingYear }
  }

  /// What the phases in force for reports of one year require.
  public struct Requirement: Sendable, Hashable {
    /// The phases in force, earliest first (none before the first phase's year).
    public let phases: [Phase]

    /// Whether a phase in force covers every sector.
    public var coversEverySector: Bool { phases.contains(where: \.coversEverySector) }

    /// Whether the financed scope 3 of a borrower in GB/T 4754 `sector` is required: its sector
    /// is in a phase in force, or every sector is. A borrower without a sector is required only
    /// once every sector is.
    public func covers(_ sector: String?) -> Bool {
      if coversEverySector { return true }
      guard let sector else { return false }
      return phases.contains { $0.sectorPrefixes.contains { sector.hasPrefix($0) } }
    }

    /// `every sector`, the NACE divisions the phases name (`NACE 05-09, 19, 20; 10-18, …`), or `none yet`.
    public var sectors: String {
      if coversEverySector { return "every sector" }
      return phases.isEmpty ? "none yet" : "NACE " + phases.map(\.naceDivisions).joined(separator: "; ")
    }
  }

  /// What reports of `reportingYear` require.
  public func requirement(reportingYear: Int) -> Requirement {
    Requirement(phases: phases.filter { $0.fromYear <= reportingYear })
  }

  /// Whether the financed scope 3 of a borrower in GB/T 4754 `sector` is required in reports of
  /// `reportingYear` (``Requirement/covers(_:)``).
  public func requires(_ sector: String?, reportingYear: Int) -> Bool {
    requirement(reportingYear: reportingYear).covers(sector)
  }
}
