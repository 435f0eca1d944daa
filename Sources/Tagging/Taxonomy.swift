/// A green taxonomy loans are tagged under.
public enum Taxonomy: String, CaseIterable, Sendable {
  /// The Chinese catalogues: 《绿色金融支持项目目录（2025年版）》 for loans approved from
  /// 2025-06-27, the 2019 industry catalogue (loans) or 2021 bond catalogue before.
  case chinese = "cn"
  /// The EU taxonomy (Regulation (EU) 2020/852 and its Climate Delegated Act 2021/2139).
  case eu
}
