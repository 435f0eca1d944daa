import Foundation
@testable import Tagging
import Testing

@Suite struct CatalogueTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Tagging/Catalogues")

  func diskFiles() throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.directory.path) where !name.hasPrefix(".") {
      files[name] = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
    }
    return files
  }

  /// The compiled-in tables are the repository's tables (run scripts/embed-catalogues after a change).
  @Test func bundledEqualsTheRepositoryTables() throws {
    #expect(try diskFiles() == BundledCatalogues.files)
  }

  @Test func malformedRuleTablesAreErrors() throws {
    var files = try diskFiles()
    let rules = String(decoding: files["cn-gfc-2025-rules.csv"]!, as: UTF8.self)
    files["cn-gfc-2025-rules.csv"] = Array((rules + "9.9.9,,x,,,false,none,none,note\n").utf8)
    #expect(throws: CatalogueError.self) { try Catalogue(files: files) }  // rule for an item that does not exist
    files["cn-gfc-2025-rules.csv"] = Array((rules + "4.2.1,,x,,,false,none,none,note,extra\n").utf8)
    do {
      _ = try Catalogue(files: files)
      Issue.record("a row with an extra field was accepted")
    } catch {
      #expect(error.message.hasSuffix("expected 9 fields as in the header, found 10"))
    }
    let header = String(rules.prefix { $0 != "\n" }) + "\n"
    files["cn-gfc-2025-rules.csv"] = Array((header + "4.2.1,,x,,,false,above:capacity_mw:3,none,note\n").utf8)
    do {
      _ = try Catalogue(files: files)
      Issue.record("an unknown criterion was accepted")
    } catch {
      #expect(error.message == "unknown criterion \"above:capacity_mw:3\"")
    }
  }

  /// Every rule quotes its item's 条件/标准 in `note`, and every encoded item exists at level 3.
  @Test func everyRuleNamesARealItem() {
    for rule in Catalogue.bundled.rules {
      #expect(Catalogue.bundled.items2025[rule.code]?.level == 3, "\(rule.code)")
      #expect(rule.note.hasPrefix("条件/标准:"), "\(rule.code)")
    }
  }
}
