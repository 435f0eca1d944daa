/// The library's version (semantic versioning); manifests record it.
public let greenLedgerVersion = "0.1.0"
