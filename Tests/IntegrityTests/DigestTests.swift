import Foundation
import Integrity
import Tabular
import Testing

@Suite struct DigestTests {
  /// GB/T 32905-2016 (SM3), Appendix A example 1: "abc".
  @Test func sm3StandardVectorOne() throws {
    #expect(try Digest.hex(.sm3, of: Array("abc".utf8))
      == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
  }

  /// GB/T 32905-2016, Appendix A example 2: "abcd" repeated 16 times (512 bits).
  @Test func sm3StandardVectorTwo() throws {
    #expect(try Digest.hex(.sm3, of: Array(String(repeating: "abcd", count: 16).utf8))
      == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
  }

  /// FIPS 180-4 example: SHA-256("abc").
  @Test func sha256Vector() throws {
    #expect(try Digest.hex(.sha256, of: Array("abc".utf8))
      == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  /// The standard's example 2 assembled from two parts on background threads: the digest
  /// covers the bytes the parts had when queued, even when the first part is then moved and
  /// appended to (as a concatenation into the first part does).
  @Test func backgroundDigestOfParts() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let first = dir.appendingPathComponent("a").path
    let second = dir.appendingPathComponent("b").path
    try String(repeating: "abcd", count: 10).write(toFile: first, atomically: true, encoding: .utf8)
    try String(repeating: "abcd", count: 6).write(toFile: second, atomically: true, encoding: .utf8)
    let digest = try BackgroundDigest()
    try digest.append(file: first)
    try digest.append(file: second)
    let whole = dir.appendingPathComponent("whole").path
    try FileManager.default.moveItem(atPath: first, toPath: whole)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: whole))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(String(repeating: "abcd", count: 6).utf8))
    try handle.close()
    let entry = try digest.entry(named: "whole", matching: whole)
    #expect(entry.bytes == 64)
    #expect(entry.sm3 == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    #expect(entry.sha256 == (try Digest.hex(.sha256, ofFile: whole)))
  }

  @Test func backgroundDigestRefusesAFileOfAnotherSize() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)").path
    try "abc".write(toFile: path, atomically: true, encoding: .utf8)
    let digest = try BackgroundDigest(file: path)
    try "abcd".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: InputError.self) { try digest.entry(named: "x", matching: path) }
  }

  /// Digests are reused within a process only for an unchanged file: rewriting it with other
  /// bytes of the same length gives the new digest.
  @Test func reusedDigestsFollowTheFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("out.csv").path
    func manifest() throws -> OutputManifest {
      try OutputManifest(directory: dir.path, command: "test", inputEntries: [], factorSetDigest: "", methodologies: [:])
    }
    try "abc".write(toFile: file, atomically: false, encoding: .utf8)
    #expect(try manifest().outputs.first?.sm3 == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    #expect(try manifest().outputs.first?.sm3 == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    try "abd".write(toFile: file, atomically: false, encoding: .utf8)
    #expect(try manifest().outputs.first?.sm3 == (try Digest.hex(.sm3, of: Array("abd".utf8))))
  }
}
