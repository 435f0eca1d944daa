internal import Dispatch

extension Array where Element: Sendable {
  /// The elements transformed by `transform`, in order, computed in `threads` contiguous
  /// chunks at once. The result does not depend on `threads`; `transform` must not depend
  /// on the order of calls.
  public func concurrentMap<T: Sendable>(threads: Int, _ transform: @Sendable (Element) -> T) -> [T] {
    let chunks = Swift.max(1, Swift.min(threads, count / 1_024))
    guard chunks > 1 else { return map(transform) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = SendablePointer(buffer.baseAddress!)
      withUnsafeBufferPointer { source in
        let source = SendableSource(source)
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
          let range = (source.buffer.count * k / chunks)..<(source.buffer.count * (k + 1) / chunks)
          for i in range { (base.pointer + i).initialize(to: transform(source.buffer[i])) }
        }
      }
      initialized = count
    }
  }
}

/// Raw pointers handed to worker threads that write disjoint ranges.
private struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

private struct SendableSource<T>: @unchecked Sendable {
  let buffer: UnsafeBufferPointer<T>
  init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
