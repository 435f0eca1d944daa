import Synchronization

/// A thread-safe counter that gives each partition of a pass its own work-file name.
package final class PartitionCounter: Sendable {
  private let value = Mutex(0)

  package init() {}

  /// 1, 2, 3, … in the order partitions ask.
  package func next() -> Int {
    value.withLock {
      $0 += 1
      return $0
    }
  }
}
