public import Quantities
import Tabular

/// A look-up that found no usable factor, with what it tried.
public struct FactorLookupError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was tried and why it failed.
  public let message: String
  /// Creates an error saying `message`.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

/// One step of a factor look-up's resolution: what was tried and why it fell back.
public struct ResolutionStep: Hashable, Sendable, CustomStringConvertible {
  /// What kind of step this is.
  public enum Kind: String, Hashable, Sendable {
    /// The factor used.
    case matched
    /// No factor at this region level; moved to its parent.
    case regionFallback = "region_fallback"
    /// No factor valid on the date; took the latest earlier one.
    case dateFallback = "date_fallback"
    /// Several series exist; the table of defaults chose one.
    case seriesDefault = "series_default"
  }

  /// The kind of step.
  public let kind: Kind
  /// What was tried or chosen, in words.
  public let message: String

  /// The kind's raw value and the message (`region_fallback: …`).
  public var description: String { "\(kind.rawValue): \(message)" }
}

/// A dataset version a look-up must use, with no fallback to other data.
public struct DatasetPin: Hashable, Sendable {
  /// The dataset id (its folder name, `cn-ets-grid`).
  public let datasetID: String
  /// The dataset version that must be loaded (`dataset.json` `version`).
  public let version: String

  /// Pins `datasetID` at `version`.
  public init(datasetID: String, version: String) {
    self.datasetID = datasetID
    self.version = version
  }

  /// Parses `dataset@version`.
  public init?(_ text: String) {
    guard let at = text.firstIndex(of: "@") else { return nil }
    datasetID = String(text[..<at])
    version = String(text[text.index(after: at)...])
    guard !datasetID.isEmpty, !version.isEmpty else { return nil }
  }
}

/// The factors a look-up resolved to: one per gas and activity unit of the chosen series,
/// region and validity, and the trace of how they were chosen.
public struct FactorResolution: Hashable, Sendable {
  /// The factors, CO2 first.
  public let factors: [EmissionFactor]
  /// How they were chosen.
  public let trace: [ResolutionStep]

  /// The CO2 (or CO2e) factor, else the first.
  public var primary: EmissionFactor {
    factors.first { $0.gas == .co2 || $0.gas == .co2e } ?? factors[0]
  }
}

extension FactorSet {
  /// Finds the factors of `activity` for `region` on `date`.
  ///
  /// Resolution: the region's own factors valid on `date`; else its parent regions in turn
  /// (province → grid region → country → `GLOBAL`); else the latest factor valid before
  /// `date` at the nearest level of the chain that has one (a later year not yet published);
  /// else the earliest valid after it (a source first published for a later year). When the region has
  /// several series of the activity and `series` is `nil`, the series defaults table picks
  /// one; each fallback is recorded in the trace.
  ///
  /// With `pin`, only that dataset at that version is used and nothing falls back: it
  /// answers or fails.
  ///
  /// - Throws: ``FactorLookupError`` saying what was tried.
  public func lookup(_ activity: String, in region: String, on date: Day, series: String? = nil,
                     pin: DatasetPin? = nil) throws(FactorLookupError) -> FactorResolution
  {
    var candidates = factorsByActivity[activity] ?? []
    guard !candidates.isEmpty else {
      throw FactorLookupError("no factor for activity \"\(activity)\" in the factor set"
        + Self.didYouMean(nearestActivity(to: activity)))
    }
    if let pin {
      guard let info = datasets[pin.datasetID] else {
        throw FactorLookupError("pinned dataset \(pin.datasetID) is not in the factor set")
      }
      guard info.version == pin.version else {
        throw FactorLookupError("pinned \(pin.datasetID)@\(pin.version), but the factor set has version \(info.version)")
      }
      candidates = candidates.filter { $0.datasetID == pin.datasetID }
    }
    if let series {
      candidates = candidates.filter { $0.series == series }
      if candidates.isEmpty {
        let known = Set((factorsByActivity[activity] ?? []).map(\.series)).sorted()
        throw FactorLookupError("no series \"\(series)\" for \(activity); known: \(known.joined(separator: ", "))")
      }
    }
    var trace: [ResolutionStep] = []
    let chain = pin == nil ? regionChain(region) : [region]

    // The series to use at each level, and the rows of that series.
    func rows(at level: String) throws(FactorLookupError) -> [EmissionFactor] {
      let atLevel = candidates.filter { $0.region == level }
      let names = Set(atLevel.map(\.series))
      guard names.count > 1 else { return atLevel }
      guard let chosen = defaultSeries(activity, chain: chain, among: names) else {
        throw FactorLookupError("\(activity) in \(level) has several series (\(names.sorted().joined(separator: ", "))); "
          + "name one with --series")
      }
      if !trace.contains(where: { $0.kind == .seriesDefault }) {
        trace.append(ResolutionStep(kind: .seriesDefault, message:
          "series \(chosen.series) chosen among \(names.sorted().joined(separator: ", ")): \(chosen.reason)"))
      }
      return atLevel.filter { $0.series == chosen.series }
    }

    for (i, level) in chain.enumerated() {
      let atLevel = try rows(at: level)
      let valid = atLevel.filter { $0.validity.contains(date) }
      if !valid.isEmpty {
        return resolution(valid, trace: trace, note: "\(level), valid \(valid[0].validity) covers \(date)")
      }
      if i + 1 < chain.count {
        trace.append(ResolutionStep(kind: .regionFallback, message: atLevel.isEmpty
          ? "no \(activity) factor for \(level); trying \(chain[i + 1])"
          : "\(level) has no \(activity) factor valid on \(date); trying \(chain[i + 1])"))
      }
    }
    if pin != nil {
      throw FactorLookupError("pinned \(pin!.datasetID)@\(pin!.version) has no \(activity) factor for "
        + "\(region) valid on \(date); a pinned look-up does not fall back")
    }
    // The nearest level with an earlier validity, and its latest one: a region's own older
    // factor before a parent's (or GLOBAL's) newer one.
    var best: (EmissionFactor, Int)?
    for (i, level) in chain.enumerated() where best == nil {
      for f in try rows(at: level) {
        guard let to = f.validity.to, to < date else { continue }
        if best == nil || to > best!.0.validity.to! { best = (f, i) }
      }
    }
    guard let (latest, level) = best else {
      // Nothing earlier: the earliest later validity (a 2024 set for 2023 activity); the
      // caller decides how far ahead it may reach (Accounting: the maximum factor age).
      var earliest: (EmissionFactor, Int)?
      for (i, level) in chain.enumerated() {
        for f in try rows(at: level) {
          guard let from = f.validity.from, from > date else { continue }
          if earliest == nil || from < earliest!.0.validity.from! { earliest = (f, i) }
        }
      }
      guard let (next, level) = earliest else {
        throw FactorLookupError("no \(activity) factor for \(region) (or \(chain.dropFirst().joined(separator: ", "))) "
          + "valid on or before \(date)")
      }
      let rows = try rows(at: chain[level]).filter { $0.validity == next.validity }
      trace.append(ResolutionStep(kind: .dateFallback, message:
        "no factor valid on or before \(date); using the earliest later one, \(chain[level]) valid \(next.validity)"))
      return resolution(rows, trace: trace, note: "\(chain[level]), valid \(next.validity)")
    }
    let rows = try rows(at: chain[level]).filter { $0.validity == latest.validity }
    trace.append(ResolutionStep(kind: .dateFallback, message:
      "no factor valid on \(date); using the latest earlier one, \(chain[level]) valid \(latest.validity)"))
    return resolution(rows, trace: trace, note: "\(chain[level]), valid \(latest.validity)")
  }

  private func resolution(_ rows: [EmissionFactor], trace: [ResolutionStep], note: String) -> FactorResolution {
    let sorted = rows.sorted { ($0.gas, $0.unit.description, $0.id) < ($1.gas, $1.unit.description, $1.id) }
    let ids = sorted.map(\.id).joined(separator: ", ")
    return FactorResolution(factors: sorted, trace: trace + [ResolutionStep(kind: .matched, message:
      "\(ids) (\(note)) from \(sorted[0].datasetID)@\(datasets[sorted[0].datasetID]?.version ?? "?")")])
  }

  private func defaultSeries(_ activity: String, chain: [String], among names: Set<String>) -> SeriesDefault? {
    for level in chain {
      if let d = seriesDefaults.first(where: { $0.activity == activity && $0.region == level && names.contains($0.series) }) {
        return d
      }
    }
    return nil
  }
}
