import LoanBook
import Accounting
import Tabular

extension AccountingJob {
  /// The rows the job would reject, found by running its engine without writing accounts or
  /// lines: what `greenledger validate --kind activities --entities` reports.
  ///
  /// - Parameter rejects: where to write the rejected rows (rejects.csv layout), if anywhere.
  /// - Returns: the activity rows read, accepted and rejected, and the warnings.
  /// - Throws: what ``run(writingTo:)`` throws for unusable inputs.
  public func check(writingRejectsTo rejects: String?) throws -> (counts: AccountCounts, warnings: [String]) {
    try OutputPlan(directory: nil, otherFiles: rejects.map { [$0] } ?? [])
      .check(inputs: [("activities", activities.filePath), ("entities", entities.filePath)])
    let work = FileSystem.temporaryPath(for: rejects ?? activities.filePath ?? "activities.csv") + ".validate"
    try FileSystem.createDirectory(work)
    defer { FileSystem.removeDirectory(work) }
    let activities = try self.activities.path(staging: work, name: "activities.csv")
    let entities = try self.entities.path(staging: work, name: "entities.csv")
    let entityFile = try Enterprise.read(file: entities, displayName: FileSystem.baseName(entities))
    let pass = try AccountingPass.perform(activities: activities, entities: entityFile.entities, factors: factors,
                                          options: options, threads: settings.threads, workDirectory: work, writeLines: false,
                                          rejectedEntities: entityFile.rejectedIDs, readOptions: settings.readOptions)
    if let rejects {
      try FileSystem.concatenate(header: RejectsWriter.header, parts: pass.rejectFiles.map { ($0, true) }, into: rejects)
      if settings.excel { try SpreadsheetCompatibility.addByteOrderMark(toFile: rejects) }
    }
    var counts = AccountCounts()
    (counts.read, counts.accepted, counts.rejected) = (pass.read, pass.accepted, pass.rejected)
    return (counts, entityFile.warnings + pass.warnings)
  }
}
