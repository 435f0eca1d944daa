import LoanBook
extension GreenTagger {
  /// Checks the code the loan officer declared against the catalogues and the evidence.
  func declaredCodeChecks(_ loan: LoanFacts, _ tag: inout GreenTag) {
    guard let declared = loan.declaredGreenCode else { return }
    let parts = declared.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { tag.flags.append("declared_code_unknown"); return }
    let (scheme, code) = (parts[0], parts[1])
    let day = loan.approvalDate ?? loan.originationDate
    let standard = day.flatMap { catalogue.standard(for: loan.product, approvedOn: $0) }?.taxonomy ?? "CN-GFC-2025"
    switch scheme {
    case "CN-GFC-2025":
      guard catalogue.items2025[code]?.level == 3 else { tag.flags.append("declared_code_unknown"); return }
      if code != tag.code || tag.status == .notEligible {
        tag.flags.append("declared_code_contradicts_evidence")
        tag.evidence.append(disagreement(declared: code, tag))
      }
    case "CN-GBC-2021", "CN-GIC-2019":
      let items = catalogue.items(of: scheme)
      guard items[code] != nil else { tag.flags.append("declared_code_unknown"); return }
      if standard != scheme { tag.flags.append("declared_code_expired") }
      let crosswalk = scheme == "CN-GIC-2019" ? catalogue.crosswalk2019 : catalogue.crosswalk
      let mapped = tag.code.flatMap { crosswalk[$0] } ?? []
      if !mapped.contains(code) || tag.status == .notEligible { tag.flags.append("declared_code_contradicts_evidence") }
    default:
      tag.flags.append("declared_code_unknown")
    }
  }

  /// Where the declared 2025 item stands among the candidates, in words.
  func disagreement(declared code: String, _ tag: GreenTag) -> String {
    let name = catalogue.items2025[code]?.nameZH ?? ""
    if let i = tag.candidates.firstIndex(where: { $0.code == code }) {
      return "declared \(code) \(name) matched as candidate \(i + 1) of \(tag.candidates.count) (\(tag.candidates[i].summary))"
    }
    return "declared \(code) \(name): neither its activity words nor its project types match the loan"
  }

  /// Products approved before the 2025 catalogue keep their historical standard
  /// (standards.csv, 银发〔2025〕132号): the 2019 industry catalogue for loans, the 2021 bond
  /// catalogue for bonds. The matched 2025 item is reported under its crosswalked equivalent, or
  /// as insufficient data without one.
  func applyHistoricalStandard(_ loan: LoanFacts, to tag: inout GreenTag) {
    guard let day = loan.approvalDate ?? loan.originationDate else {
      if catalogue.standards.contains(where: { $0.until != nil }) {
        tag.evidence.append("no approval_date or origination_date: the 2025 catalogue is assumed to apply")
      }
      return
    }
    guard let standard = catalogue.standard(for: loan.product, approvedOn: day), standard.taxonomy != tag.taxonomy else { return }
    let basis = loan.approvalDate != nil
      ? "approved \(day)" : "origination \(day) taken as the approval date (no approval_date)"
    tag.taxonomy = standard.taxonomy
    let code2025 = tag.code
    let crosswalk = standard.taxonomy == "CN-GIC-2019" ? catalogue.crosswalk2019 : catalogue.crosswalk
    let items = catalogue.items(of: standard.taxonomy)
    tag.evidence.insert("\(loan.product.rawValue) \(basis): \(standard.taxonomy) applies (\(standard.source))"
      + (code2025.map { "; 2025 equivalent \($0)" } ?? ""), at: 0)
    guard let code2025 else { return }
    if let old = crosswalk[code2025]?.first {
      tag.code = old
      tag.name = items[old]?.nameZH
    } else {
      tag.code = nil
      tag.name = nil
      if tag.status != .notEligible {
        tag.status = .insufficientData
        tag.missingEvidence.append("a \(standard.taxonomy) item for 2025 item \(code2025) (none in the crosswalk)")
      }
    }
  }
}
