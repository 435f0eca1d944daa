/// The language report.html is written in (``Pipeline/reportLanguage``): every heading, label,
/// note and the glossary, with the numbers formatted alike in both.
public enum ReportLanguage: String, Sendable, CaseIterable {
  /// Simplified Chinese, the default (a Chinese institution's report).
  case zh
  /// English.
  case en

  /// The `lang` attribute of the page.
  var htmlCode: String {
    switch self {
    case .zh: "zh-CN"
    case .en: "en"
    }
  }

  /// `zh` or `en`, whichever is this language.
  func pick(_ zh: String, _ en: String) -> String {
    self == .zh ? zh : en
  }
}
