import BatchJobs
import Testing

@Suite struct ShardTests {
  @Test func parsesOnlyIndicesWithinTheCount() {
    #expect(Shard("2/4")?.index == 2)
    #expect(Shard("2/4")?.count == 4)
    #expect(Shard("0/4") == nil)
    #expect(Shard("5/4") == nil)
    #expect(Shard("1/0") == nil)
    #expect(Shard("1-4") == nil)
    #expect(Shard.whole.description == "1/1")
  }

  /// FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (Fowler–Noll–Vo reference test vectors,
  /// http://www.isthe.com/chongo/tech/comp/fnv/), which is 0 mod 4 → shard 1 of 4;
  /// of "b" 0xaf63df4c8601f1a5 (odd, 1 mod 4) → shard 2 of 4.
  @Test func assignsIdsByTheFNV1aHash() {
    #expect(Shard("1/4")!.contains(id: "a"))
    #expect(Shard("2/4")!.contains(id: "b"))
    #expect(!Shard("1/4")!.contains(id: "b"))
    // Every id belongs to exactly one shard of any split.
    for id in ["L001", "贷款-7", ""] {
      #expect((1...5).filter { Shard(index: $0, count: 5)!.contains(id: id) }.count == 1)
    }
  }
}
