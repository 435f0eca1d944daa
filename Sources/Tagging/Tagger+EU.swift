import LoanBook
extension GreenTagger {
  /// The EU taxonomy activity of a loan: from its `project_type`, else the borrower's own
  /// sector (cement, steel), else the Common Ground Taxonomy's counterpart of the 2025 item the
  /// Chinese tag matched, else the use-of-proceeds words. Substantial contribution is checked
  /// where data allow; without a DNSH assessment and minimum safeguards the tag is at most
  /// `eligible`.
  func european(_ loan: LoanFacts, chineseCode: String?) -> GreenTag {
    var tag = GreenTag(loanID: loan.loanID, taxonomy: "EU-TAXONOMY", status: .insufficientData,
                       ruleVersion: "eu-taxonomy-2021-2139@2026.2")
    let type = loan.projectType ?? ""
    let activities = catalogue.euActivities
    var chosen: (Int, String)?
    if !type.isEmpty, let i = activities.firstIndex(where: { $0.projectTypes.contains(type) }) {
      chosen = (i, "project_type \(type)")
    } else if let sector = loan.borrowerSector,
              let i = activities.firstIndex(where: { a in a.sectors.contains { sector.hasPrefix($0) } && a.projectTypes.isEmpty })
    {
      chosen = (i, "borrower sector \(sector)")
    } else if let code = chineseCode, let i = activities.firstIndex(where: { $0.commonGroundCodes.contains(code) }) {
      chosen = (i, "CN-GFC-2025 \(code) ↔ EU \(activities[i].code) (Common Ground Taxonomy)")
    } else {
      let text = Array((loan.useOfProceeds ?? "").utf8).map(Self.lowercasedASCII)
      let found = catalogue.euIndex.matches(in: text)
      if let best = found.rules.filter({ $0.keyword != nil })
        .max(by: { catalogue.euIndex.phrases[$0.keyword!].length < catalogue.euIndex.phrases[$1.keyword!].length })
      {
        chosen = (best.rule, "use_of_proceeds contains \"\(catalogue.euIndex.phrases[best.keyword!].name)\"")
      }
    }
    guard let (i, via) = chosen else {
      tag.status = type.isEmpty && (loan.useOfProceeds ?? "").isEmpty ? .insufficientData : .notEligible
      tag.evidence.append("no activity of the Climate Delegated Act matched")
      return tag
    }
    let a = activities[i]
    tag.code = a.code
    tag.name = a.name
    tag.evidence.append("activity \(a.code): \(via)")
    var inputs = CriteriaInputs(loan: loan, scales: catalogue.gradeScales)
    var failed = false
    for c in a.criteria {
      switch evaluate(c, &inputs) {
      case .met(let e): tag.evidence.append("substantial contribution met: \(e)")
      case .failed(let e):
        failed = true
        tag.evidence.append("substantial contribution not met: \(e)")
      case .unknown(let m): tag.missingEvidence.append(m)
      case .notApplicable: continue
      }
    }
    tag.status = failed ? .notEligible : .eligible
    if !failed {
      tag.missingEvidence += ["do-no-significant-harm assessment (Annex I, the activity's DNSH criteria)",
                              "minimum safeguards (Regulation (EU) 2020/852, Art. 18)"]
    }
    return tag
  }
}
