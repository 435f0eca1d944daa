import Quantities
import Tabular

/// The table kinds of EmissionFactors/ read into typed records.
extension FactorSetLoader {
  mutating func readTable(_ bytes: [UInt8], kind: String, path: String, dataset: DatasetInfo) {
    guard let schema = FactorTableSchemas.schema(forKind: kind) else {
      issues.append(FactorSetIssue(file: path, message:
        "unknown table kind \"\(kind)\"; expected emission_factors, fuel_parameters, gwp, gwp_blends, "
        + "conversion_coefficients, sector_intensities, regions, series_defaults, region_methods, "
        + "region_proxies, fuel_densities, money_conversions or grade_thresholds"))
      return
    }
    switch kind {
    case "emission_factors":
      rows(bytes, schema: schema, path: path) { loader, row in
        guard let unit = loader.parsed(row, "unit", FactorUnit.init(parsing:)) else { return }
        if unit.gas.rawValue != row["gas"] {
          loader.issue(row, "unit", "gas of unit \(row["unit"]) differs from the gas column \(row["gas"])")
          return
        }
        loader.emissionFactors.append(EmissionFactor(
          id: row["factor_id"], activity: row["activity"], region: row["region"],
          series: row["series"], value: row.number("value"), unit: unit, validity: row.validity,
          published: row["published"], datasetID: dataset.id, citation: row.citation()))
      }
    case "fuel_parameters":
      rows(bytes, schema: schema, path: path) { loader, row in
        guard let ncvUnit = loader.parsed(row, "ncv_unit", PerUnit.init(parsing:)) else { return }
        guard ncvUnit.numerator.dimension == .energy else {
          loader.issue(row, "ncv_unit", "expected energy per unit (GJ/t), found \(ncvUnit)")
          return
        }
        loader.fuelParameters.append(FuelParameters(
          id: row["parameter_id"], fuel: row["fuel"], ncv: row.number("ncv"), ncvUnit: ncvUnit,
          carbonContent: row.number("carbon_content"), oxidationRate: row.number("oxidation_rate"),
          density: row.optional("density").flatMap(Double.init), region: dataset.region ?? "GLOBAL",
          validity: row.validity, datasetID: dataset.id, citation: row.citation()))
      }
    case "gwp":
      rows(bytes, schema: schema, path: path) { loader, row in
        let set = GWPSet(rawValue: row["gwp_set"])!
        let gas = row["gas"]
        if loader.gwp[set]?[gas] != nil {
          loader.issue(row, "gas", "duplicate GWP for \(gas) in \(set.rawValue)")
          return
        }
        loader.gwp[set, default: [:]][gas] = GWPValue(
          set: set, gas: gas, value: row.number("value"), datasetID: dataset.id, citation: row.citation())
      }
    case "gwp_blends":
      rows(bytes, schema: schema, path: path) { loader, row in
        loader.blends[row["blend"], default: []].append(BlendComponent(
          blend: row["blend"], component: row["component"],
          massFraction: row.number("mass_fraction"), citation: row.citation()))
      }
    case "conversion_coefficients":
      rows(bytes, schema: schema, path: path) { loader, row in
        guard let unit = loader.parsed(row, "unit", PerUnit.init(parsing:)) else { return }
        loader.coefficients.append(ConversionCoefficient(
          id: row["coefficient_id"], quantity: row["quantity"], value: row.number("value"),
          unit: unit, validity: row.validity, datasetID: dataset.id, citation: row.citation()))
      }
    case "sector_intensities":
      rows(bytes, schema: schema, path: path) { loader, row in
        guard let unit = loader.parsed(row, "unit", FactorUnit.init(parsing:)) else { return }
        guard unit.perUnit.dimension == .money, unit.perUnit.currency?.code == row["currency"] else {
          loader.issue(row, "unit", "expected tCO2e per money in \(row["currency"]), found \(row["unit"])")
          return
        }
        loader.sectorIntensities.append(SectorIntensity(
          id: row["intensity_id"], sector: row["sector"], metric: row["metric"],
          value: row.number("value"), unit: unit, currency: Currency(row["currency"])!,
          year: Int(row["year"])!, datasetID: dataset.id, citation: row.citation()))
      }
    case "regions":
      rows(bytes, schema: schema, path: path) { loader, row in
        loader.regions[row["region"]] = RegionLink(
          region: row["region"], parent: row.optional("parent"), nameZH: row["name_zh"],
          nameEN: row["name_en"])
      }
    case "grade_thresholds":
      rows(bytes, schema: schema, path: path) { loader, row in
        loader.gradeBands[row["scheme"], default: []].append(GradeBand(
          scheme: row["scheme"], metric: row["metric"], grade: row["grade"],
          lowerExclusive: row.optional("lower_exclusive").flatMap(Double.init),
          upperInclusive: row.optional("upper_inclusive").flatMap(Double.init),
          unit: row["unit"], labelZH: row["label_zh"], labelEN: row["label_en"],
          datasetID: dataset.id, citation: row.citation()))
      }
    case "series_defaults":
      rows(bytes, schema: schema, path: path) { loader, row in
        loader.seriesDefaults.append(SeriesDefault(
          activity: row["activity"], region: row["region"], series: row["series"], reason: row["source"]))
      }
    case "region_methods":
      rows(bytes, schema: schema, path: path) { loader, row in
        loader.regionMethods.append(RegionMethod(
          region: row["region"], method: Methodology(rawValue: row["method"])!,
          fallback: row.optional("fallback").flatMap(Methodology.init(rawValue:)), reason: row["source"]))
      }
    case "region_proxies":
      rows(bytes, schema: schema, path: path) { loader, row in
        loader.regionProxies.append(RegionProxy(
          family: row["family"], region: row["region"], proxyRegion: row["proxy_region"], reason: row["source"]))
      }
    case "fuel_densities":
      rows(bytes, schema: schema, path: path) { loader, row in
        guard let unit = loader.parsed(row, "unit", PerUnit.init(parsing:)) else { return }
        loader.fuelDensities.append(FuelDensity(
          id: row["density_id"], fuel: row["fuel"], region: row["region"], value: row.number("value"),
          unit: unit, basis: row["basis"], validity: row.validity, datasetID: dataset.id, citation: row.citation()))
      }
    case "money_conversions":
      rows(bytes, schema: schema, path: path) { loader, row in
        let kind = MoneyConversion.Kind(rawValue: row["kind"])!
        let base = row.optional("base").flatMap(Currency.init)
        if (kind == .exchangeRate) != (base != nil) {
          loader.issue(row, "base", "an exchange rate names its base currency (CNY per USD: base USD); a price index none")
          return
        }
        loader.moneyConversions.append(MoneyConversion(
          id: row["conversion_id"], kind: kind, currency: Currency(row["currency"])!, base: base,
          year: Int(row["data_year"])!, value: row.number("value"), datasetID: dataset.id, citation: row.citation()))
      }
    default:
      break
    }
  }
}
