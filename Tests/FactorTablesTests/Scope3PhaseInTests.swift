import FactorTables
import Tabular
import Testing

/// PCAF's scope 3 phase-in (Part A 2nd ed., section 5, after Art. 5 of Delegated Regulation
/// (EU) 2020/1818): reports from 2021 energy and mining (NACE 05-09, 19, 20), from 2023 also
/// transport, construction, buildings, materials and industry (10-18, 21-33, 41-43, 49-53, 81),
/// from 2025 every sector.
@Suite struct Scope3PhaseInTests {
  let phaseIn = Scope3PhaseIn.bundled

  @Test func phasesFollowThePublicationYears() {
    #expect(phaseIn.phase(reportingYear: 2020) == nil)
    #expect(phaseIn.phase(reportingYear: 2021)?.number == 1)
    #expect(phaseIn.phase(reportingYear: 2024)?.number == 2)
    #expect(phaseIn.phase(reportingYear: 2026)?.number == 3)
    #expect(phaseIn.phase(reportingYear: 2026)?.coversEverySector == true)
  }

  @Test func sectorsEnterByTheirPhase() {
    // Coal mining (GB/T B0610 ≈ NACE 05) and refining (C2511 ≈ NACE 19) from 2021.
    #expect(phaseIn.requires("B0610", reportingYear: 2021) && phaseIn.requires("C2511", reportingYear: 2021))
    #expect(!phaseIn.requires("B0610", reportingYear: 2020))
    // Cement (C3011 ≈ NACE 23, materials) and road freight (G5431 ≈ NACE 49) from 2023, not 2021.
    #expect(!phaseIn.requires("C3011", reportingYear: 2022) && phaseIn.requires("C3011", reportingYear: 2023))
    #expect(phaseIn.requires("G5431", reportingYear: 2023))
    // Property management (K7020 ≈ NACE 81) in phase 2; real-estate development (K7010 ≈ NACE 41/68) is not.
    #expect(phaseIn.requires("K7020", reportingYear: 2023) && !phaseIn.requires("K7010", reportingYear: 2024))
    // Waste-resource recycling (C4210 ≈ NACE 38.3) and software (I6513 ≈ NACE 62) only with every sector.
    #expect(!phaseIn.requires("C4210", reportingYear: 2024) && phaseIn.requires("C4210", reportingYear: 2025))
    #expect(!phaseIn.requires("I6513", reportingYear: 2024) && phaseIn.requires("I6513", reportingYear: 2025))
    // A loan without a borrower's sector: only once every sector is required.
    #expect(!phaseIn.requires(nil, reportingYear: 2024) && phaseIn.requires(nil, reportingYear: 2025))
  }

  @Test func aTableOutOfOrderIsRefusedWithItsLine() {
    let text = """
      phase,reports_from_year,gbt4754_prefixes,nace_rev2_divisions,description,description_zh
      2,2023,C,10-33,industry,工业
      1,2021,B,05-09,mining,采矿

      """
    #expect(throws: InputError(file: "t.csv", message: "line 3: phases must follow each other with later years")) {
      try Scope3PhaseIn.read(Array(text.utf8), file: "t.csv")
    }
  }
}
