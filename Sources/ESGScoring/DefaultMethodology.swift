extension ScoringMethodology {
  /// The bundled default methodology, `greenledger-esg` 1.1.0.
  public static let bundled: ScoringMethodology = {
    // The literal below is validated by the test suite; a failure here is a build defect.
    try! ScoringMethodology.decode(Array(defaultJSON.utf8), file: "bundled methodology greenledger-esg@1.1.0")
  }()

  /// The bundled methodology's JSON (`greenledger score --print-methodology` writes it out).
  public static let defaultJSON = #"""
  {
    "id": "greenledger-esg",
    "version": "1.1.0",
    "description": "GreenLedger's open ESG score for lending: E from the enterprise carbon account, S and G from esg.csv; 0-100, nine grades. A reference methodology to adapt, not a rating agency's.",
    "rationale": [
      "Industry-relative normalisation: intensities and incident counts are scored against sector peers of the same year at the finest GB/T 4754 level (class, group, division, section) with at least minimum_peers entities, as MSCI's Industry-Adjusted Score normalises against the industry peer range (MSCI ESG Ratings ScoringMethodology, executive summary, 2022) and as Chinese raters use within-industry quantiles.",
      "A peer group with fewer than 5 entities falls back step by step to the next coarser level (class → group → division → section), then to all entities of the year; the explanation of each indicator says which group was used.",
      "Governance is scored for every sector and weighs at least one third, as MSCI assesses Corporate Governance for all companies (MSCI ESG Ratings Key Issue Framework); a constraint checks it in every sector group.",
      "The high-emitting group holds the sectors of the national carbon market, power generation and the seven key sectors 石化, 化工, 建材, 钢铁, 有色, 造纸, 民航 (生态环境部办公厅《关于做好2023—2025年发电行业企业温室气体排放报告管理有关工作的通知》, 环办气候函〔2023〕43号, and its 2023 notice on the other key sectors), with mining (coal-mine methane), gas supply and fuel-burning road and water transport; rail (G53), mostly electric, is not in it. Constraints check the group.",
      "E and S pillar weights depend on the sector group, in the spirit of SASB's Materiality Map (industry-specific material issues): high-emitting sectors weigh E more.",
      "Missing data (since 1.1.0): an indicator the entity does not report is left out and the reported ones are re-weighted to sum to 1, with the coverage (the reported share of the weight) beside the grade; below 50 % coverage no grade is given (insufficient_data). Scoring a missing indicator at 0, as 1.0.0 did, counted non-disclosure twice (in the score and in coverage) and put every thinly disclosed entity in CCC-C whatever its performance, which would mislead a credit committee; the 50 % floor is GreenLedger's choice, so that a grade always rests on most of its weight.",
      "Nine grades AAA, AA, A, BBB, BB, B, CCC, CC, C as the Sino-Securities (华证) ESG rating uses; the cut-offs (10-point bands, C below 20) are GreenLedger's, since 华证 does not publish its own.",
      "Controversy severity (0-5) is a deduction of 4 points per level, capped at 20, as MSCI and Sustainalytics let controversies reduce scores; the size is GreenLedger's choice.",
      "carbon_grade uses the Zhejiang/Huzhou carbon-efficiency grade 1-5 (规上工业企业碳效等级评价方法): grade 1 scores 100, grade 5 scores 0, equal steps.",
      "Board independence: 0 scores 0, one half or more scores 100; China's CSRC rule requires at least one third independent directors in listed companies (上市公司独立董事管理办法, 2023, art. 5)."
    ],
    "sector_groups": [
      { "key": "high_emitting", "prefixes": ["B", "C22", "C25", "C26", "C28", "C30", "C31", "C32", "D44", "D45", "G54", "G55", "G56"] }
    ],
    "pillars": [
      { "key": "E", "weights": { "default": 0.30, "high_emitting": 0.45 } },
      { "key": "S", "weights": { "default": 0.35, "high_emitting": 0.21 } },
      { "key": "G", "weights": { "default": 0.35, "high_emitting": 0.34 } }
    ],
    "indicators": [
      { "key": "carbon_grade", "pillar": "E", "source": "account", "direction": "lower_is_better", "unit": "grade",
        "normalisation": { "kind": "map", "map": { "1": 100, "2": 75, "3": 50, "4": 25, "5": 0 } },
        "weights": { "default": 0.25, "high_emitting": 0.30 } },
      { "key": "carbon_intensity_revenue", "pillar": "E", "source": "account", "direction": "lower_is_better", "unit": "tCO2e/10^4 CNY",
        "normalisation": { "kind": "peer_percentile" },
        "weights": { "default": 0.25, "high_emitting": 0.30 } },
      { "key": "emissions_change_vs_base_year", "pillar": "E", "source": "account", "direction": "lower_is_better", "unit": "ratio",
        "normalisation": { "kind": "linear", "worst": 0.10, "best": -0.20 },
        "weights": { "default": 0.15, "high_emitting": 0.15 } },
      { "key": "scope3_reported", "pillar": "E", "source": "account", "direction": "higher_is_better", "unit": "boolean",
        "normalisation": { "kind": "map", "map": { "0": 0, "1": 100 } },
        "weights": { "default": 0.10, "high_emitting": 0.05 } },
      { "key": "emissions_verified", "pillar": "E", "source": "account", "direction": "higher_is_better", "unit": "boolean",
        "normalisation": { "kind": "map", "map": { "0": 0, "1": 100 } },
        "weights": { "default": 0.10, "high_emitting": 0.10 } },
      { "key": "green_revenue_share", "pillar": "E", "source": "esg", "direction": "higher_is_better", "unit": "ratio",
        "normalisation": { "kind": "linear", "worst": 0, "best": 1 },
        "valid_range": { "minimum": 0, "maximum": 1 },
        "weights": { "default": 0.15, "high_emitting": 0.10 } },
      { "key": "safety_incidents", "pillar": "S", "source": "esg", "direction": "lower_is_better", "unit": "count",
        "normalisation": { "kind": "peer_percentile" },
        "valid_range": { "minimum": 0 },
        "weights": { "default": 0.60 } },
      { "key": "labour_disputes", "pillar": "S", "source": "esg", "direction": "lower_is_better", "unit": "count",
        "normalisation": { "kind": "peer_percentile" },
        "valid_range": { "minimum": 0 },
        "weights": { "default": 0.40 } },
      { "key": "board_independence", "pillar": "G", "source": "esg", "direction": "higher_is_better", "unit": "ratio",
        "normalisation": { "kind": "linear", "worst": 0, "best": 0.5 },
        "valid_range": { "minimum": 0, "maximum": 1 },
        "weights": { "default": 0.40 } },
      { "key": "environmental_penalties", "pillar": "G", "source": "esg", "direction": "lower_is_better", "unit": "count",
        "normalisation": { "kind": "peer_percentile" },
        "valid_range": { "minimum": 0 },
        "weights": { "default": 0.35 } },
      { "key": "sustainability_report_published", "pillar": "G", "source": "esg", "direction": "higher_is_better", "unit": "boolean",
        "normalisation": { "kind": "map", "map": { "0": 0, "1": 100 } },
        "valid_range": { "minimum": 0, "maximum": 1 },
        "weights": { "default": 0.25 } }
    ],
    "minimum_peers": 5,
    "missing_data": { "treatment": "reweight", "minimum_coverage": 0.5 },
    "constraints": [
      { "kind": "pillar_weight_at_least", "pillar": "G", "minimum": 0.3333333333333333,
        "because": "rationale: governance weighs at least one third" },
      { "kind": "group_includes", "group": "high_emitting",
        "sectors": ["D4411", "C2511", "C2614", "C3011", "C3110", "C3216", "C2221", "G5611"],
        "because": "rationale: the high-emitting group holds the national carbon market's sectors (power, petrochemicals, chemicals, building materials, steel, non-ferrous metals, paper, aviation)" },
      { "kind": "group_excludes", "group": "high_emitting", "sectors": ["G5310", "G5320"],
        "because": "rationale: rail transport, mostly electric, is not high-emitting" }
    ],
    "deductions": [
      { "indicator": "controversy_severity", "unit": "level", "points_per_unit": 4, "cap": 20,
        "valid_range": { "minimum": 0, "maximum": 5 } }
    ],
    "grades": [
      { "grade": "AAA", "minimum": 90 }, { "grade": "AA", "minimum": 80 }, { "grade": "A", "minimum": 70 },
      { "grade": "BBB", "minimum": 60 }, { "grade": "BB", "minimum": 50 }, { "grade": "B", "minimum": 40 },
      { "grade": "CCC", "minimum": 30 }, { "grade": "CC", "minimum": 20 }, { "grade": "C", "minimum": 0 }
    ]
  }
  """#
}
