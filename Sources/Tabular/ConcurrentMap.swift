internal import Dispatch

extension Array where Element: Sendable {
  /// The elements transformed by `transform`, in order, computed in `threads` contiguous
  /// chunks at once. The result does not depend on `threads`; `transform` must not depend
  /// on the order of calls.
  package func concurrentMap<T: Sendable>(threads: Int, _ transform: @Sendable (Element) -> T) -> [T] {
    let chunks = Swift.max(1, Swift.min(threads, count / 1_024))
    guard chunks > 1 else { return map(transform) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let target = Unchecked(buffer.baseAddress!)
      withUnsafeBufferPointer { source in
        let source = Unchecked(source)
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
          let range = (source.value.count * k / chunks)..<(source.value.count * (k + 1) / chunks)
          for i in range { (target.value + i).initialize(to: transform(source.value[i])) }
        }
      }
      initialized = count
    }
  }
}

/// Pointers handed to worker threads that read shared elements and write disjoint ranges.
private struct Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
