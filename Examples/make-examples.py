#!/usr/bin/env python3
"""Writes the example bank in Examples/ (deterministic: same script, same bytes).

The first eight borrowers and ten loans are hand-written cases (see README.md); the rest is a
fictional but plausible book drawn with a fixed seed: 120 borrowers across sectors and
provinces, about 300 loans over all eight asset classes, activity data for 60 enterprises,
ESG indicators, sector benchmarks, exchange rates and a sovereign country table.
Run: python3 Examples/make-examples.py
"""
import csv
import os
import random

from example_csv import write_rows

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(20261129)

BORROWER_COLUMNS = ["borrower_id", "name", "sector", "country", "region", "listed", "currency", "revenue", "evic",
                    "total_equity", "total_debt", "reported_scope1", "reported_scope2", "reported_scope3",
                    "emissions_year", "emissions_verified", "output_quantity", "output_unit", "value_added",
                    "total_assets"]
LOAN_COLUMNS = ["loan_id", "borrower_id", "asset_class", "currency", "outstanding", "origination_date",
                "use_of_proceeds", "declared_green_code", "project_type", "project_region", "project_value",
                "property_value", "floor_area_m2", "energy_kwh", "epc_label", "capacity_mw", "annual_generation_mwh",
                "lifecycle_gco2e_per_kwh", "vehicle_gco2_per_km", "annual_km", "annual_energy_saving_tce"]
ACTIVITY_COLUMNS = ["entity_id", "period", "activity", "quantity", "unit", "region", "facility_id", "ncv", "ncv_unit",
                    "carbon_content", "oxidation_rate", "supplier_factor", "instrument", "scope3_category"]

# (sector, Chinese name stem, English stem, kind)
SECTORS = [
    ("D4411", "火力发电", "Thermal Power", "coal_power"), ("D4412", "热电联产", "CHP", "coal_power"),
    ("D4415", "风力发电", "Wind Power", "wind"), ("D4416", "太阳能发电", "Solar Power", "solar"),
    ("D4413", "水力发电", "Hydropower", "hydro"), ("C3011", "水泥", "Cement", "cement"),
    ("C3110", "钢铁", "Steel", "steel"), ("C3216", "铝业", "Aluminium", "industry"),
    ("C2614", "化工", "Chemicals", "industry"), ("C1713", "纺织印染", "Textiles", "industry"),
    ("C2221", "造纸", "Paper", "industry"), ("C3670", "汽车零部件", "Auto Parts", "industry"),
    ("C3841", "锂电池", "Li-ion Batteries", "industry"), ("E4710", "建设工程", "Construction", "services"),
    ("F5212", "商贸", "Retail", "services"), ("G5431", "物流", "Logistics", "transport"),
    ("G5411", "公交", "Bus Transit", "transport"), ("K7010", "置业", "Real Estate", "real_estate"),
    ("N7721", "水务环保", "Water Treatment", "sewage"), ("N7723", "环境科技", "Waste Treatment", "waste"),
    ("I6513", "软件", "Software", "services"), ("A0111", "农业", "Agriculture", "services"),
]
PROVINCES = ["CN-ZJ", "CN-JS", "CN-GD", "CN-SD", "CN-HE", "CN-NM", "CN-SX", "CN-SC", "CN-HB", "CN-HA", "CN-FJ",
             "CN-AH", "CN-XJ", "CN-GS", "CN-YN", "CN-SH", "CN-BJ", "CN-LN", "CN-HN", "CN-JX"]
CITY = {"CN-ZJ": "浙江", "CN-JS": "江苏", "CN-GD": "广东", "CN-SD": "山东", "CN-HE": "河北", "CN-NM": "内蒙古",
        "CN-SX": "山西", "CN-SC": "四川", "CN-HB": "湖北", "CN-HA": "河南", "CN-FJ": "福建", "CN-AH": "安徽",
        "CN-XJ": "新疆", "CN-GS": "甘肃", "CN-YN": "云南", "CN-SH": "上海", "CN-BJ": "北京", "CN-LN": "辽宁",
        "CN-HN": "湖南", "CN-JX": "江西"}


def read_rows(name):
    with open(os.path.join(HERE, "cases", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def money(x):
    return f"{x:.0f}"


def write(name, columns, rows):
    write_rows(os.path.join(HERE, name), columns, rows)


borrowers = read_rows("borrowers.csv")
loans = read_rows("loans.csv")
activities = read_rows("activities.csv")
esg = read_rows("esg.csv")

# --- borrowers B009..B112, and sovereign issuers S001..S003 ------------------------------
kinds = {}
for i in range(9, 118):
    sector, zh, en, kind = SECTORS[(i * 7) % len(SECTORS)]
    prov = PROVINCES[(i * 11) % len(PROVINCES)]
    size = 10 ** rnd.uniform(7.7, 10.3)                         # revenue, CNY
    listed = rnd.random() < 0.2
    reported = rnd.random() < 0.45
    intensity = {"coal_power": 6000, "cement": 5000, "steel": 2500, "industry": 350, "transport": 300,
                 "services": 30, "real_estate": 40, "sewage": 200, "waste": 400, "wind": 8, "solar": 6,
                 "hydro": 5}[kind]
    s1 = size / 1e6 * intensity * rnd.uniform(0.6, 1.4) * 0.8
    s2 = size / 1e6 * intensity * rnd.uniform(0.6, 1.4) * 0.2
    equity = size * rnd.uniform(0.4, 1.5)
    b = {
        "borrower_id": f"B{i:03d}",
        "name": (f"{CITY[prov]}{zh}{['股份有限公司', '有限公司', '集团有限公司'][i % 3]}" if i % 4 else f"{en} Holdings {i} Ltd."),
        "sector": sector, "country": "CN", "region": prov, "listed": "true" if listed else ("false" if i % 5 else ""),
        "currency": "CNY", "revenue": money(size) if i % 17 else "",
        "evic": money(equity * rnd.uniform(1.5, 3.0)) if listed else "",
        "total_equity": money(equity) if i % 13 else "", "total_debt": money(equity * rnd.uniform(0.3, 2.0)) if i % 13 else "",
        "reported_scope1": f"{s1:.1f}" if reported else "", "reported_scope2": f"{s2:.1f}" if reported else "",
        "emissions_year": "2024" if reported else "", "emissions_verified": ("true" if rnd.random() < 0.4 else "false") if reported else "",
        "value_added": money(size * rnd.uniform(0.15, 0.35)) if kind not in ("services",) else "",
        "total_assets": money(equity * rnd.uniform(1.8, 3.5)),
    }
    if i in (21, 47, 88):      # borrowers without any data: revenue, balance sheet and emissions all missing
        for k in ("revenue", "evic", "total_equity", "total_debt", "reported_scope1", "reported_scope2",
                  "emissions_year", "emissions_verified", "value_added", "total_assets"):
            b[k] = ""
    if i % 29 == 0:            # a few borrowers report in USD or HKD
        b["currency"] = ["USD", "HKD"][i % 2]
        for k in ("revenue", "evic", "total_equity", "total_debt", "value_added", "total_assets"):
            if b[k]:
                b[k] = money(float(b[k]) / (7.1 if b["currency"] == "USD" else 0.91))
    kinds[b["borrower_id"]] = (kind, prov, size)
    borrowers.append(b)
for sid, name, country, cur in [("S001", "中华人民共和国财政部", "CN", "CNY"), ("S002", "Republic of Singapore", "SG", "SGD"),
                                ("S003", "香港特别行政区政府", "HK", "HKD")]:
    borrowers.append({"borrower_id": sid, "name": name, "sector": "S9221", "country": country, "region": "",
                      "listed": "false", "currency": cur})

# --- activities for 54 more enterprises (60 with the hand-written six) -------------------
ent = [b for b in borrowers[8:] if b["borrower_id"].startswith("B")][:54]
for b in ent:
    kind, prov, size = kinds[b["borrower_id"]]
    bid = b["borrower_id"]
    mwh = size / 1e4 * rnd.uniform(0.02, 0.2) if kind not in ("wind", "solar", "hydro") else size / 1e4 * 0.01
    if rnd.random() < 0.3:     # quarterly electricity
        for q in range(1, 5):
            activities.append({"entity_id": bid, "period": f"2024-Q{q}", "activity": "electricity.grid",
                               "quantity": f"{mwh / 4:.1f}", "unit": "MWh"})
    else:
        activities.append({"entity_id": bid, "period": "2024", "activity": "electricity.grid",
                           "quantity": f"{mwh * 1000:.0f}", "unit": "kWh"})
    if kind in ("coal_power", "cement", "steel"):
        coal = size / 1e4 * rnd.uniform(0.8, 2.0)
        row = {"entity_id": bid, "period": "2024", "activity": "stationary.bituminous_coal", "quantity": f"{coal:.0f}",
               "unit": "t", "facility_id": f"F{bid[1:]}-01"}
        if rnd.random() < 0.4:  # measured parameters (tier 2/3)
            row.update({"ncv": f"{rnd.uniform(19, 23):.2f}", "ncv_unit": "GJ/t", "carbon_content": f"{rnd.uniform(25, 27):.1f}",
                        "oxidation_rate": f"{rnd.uniform(0.92, 0.98):.2f}"})
        activities.append(row)
    if kind == "cement":
        activities.append({"entity_id": bid, "period": "2024", "activity": "process.clinker",
                           "quantity": f"{size / 400:.0f}", "unit": "t", "facility_id": f"F{bid[1:]}-01"})
    if kind in ("industry", "steel", "sewage", "waste", "real_estate"):
        activities.append({"entity_id": bid, "period": "2024", "activity": "stationary.natural_gas",
                           "quantity": f"{size / 1e6 * rnd.uniform(2, 20):.1f}", "unit": "10^4 Nm3"})
    if kind in ("transport", "industry"):
        activities.append({"entity_id": bid, "period": "2024", "activity": "mobile.diesel",
                           "quantity": f"{size / 1e6 * rnd.uniform(1, 30):.1f}", "unit": "t"})
    if rnd.random() < 0.2:
        activities.append({"entity_id": bid, "period": "2024", "activity": "heat.purchased",
                           "quantity": f"{size / 1e4 * 0.05:.0f}", "unit": "GJ"})
    if rnd.random() < 0.15:
        activities.append({"entity_id": bid, "period": "2024", "activity": "electricity.grid",
                           "quantity": f"{mwh * 0.2:.1f}", "unit": "MWh", "instrument": "green_power"})
    if rnd.random() < 0.25:
        activities.append({"entity_id": bid, "period": "2023", "activity": "electricity.grid",
                           "quantity": f"{mwh * rnd.uniform(1.0, 1.2) * 1000:.0f}", "unit": "kWh"})

# --- loans L0011..L0300 ------------------------------------------------------------------
corp = [b["borrower_id"] for b in borrowers if b["borrower_id"].startswith("B")]
GREEN = {"wind": ("power.wind", "{mw}MW 风电场建设", "4.2.1"), "solar": ("power.solar_pv", "{mw}MW 光伏电站建设", "4.2.2"),
         "hydro": ("power.hydro", "Run-of-river hydropower plant upgrade, {mw} MW", "4.2.4"),
         "sewage": ("wastewater.treatment", "城镇污水处理厂提标改造", "6.4.7"),
         "waste": ("waste.treatment", "生活垃圾焚烧发电项目", "6.4.8"),
         "transport": ("transport.bus", "新能源公交车采购, 共{n}辆", "6.2.6")}
PLAIN = ["流动资金贷款", "补充营运资金", "Working capital", "固定资产购置", "采购原材料", "Refinancing of existing facilities",
         "厂房扩建", "并购贷款"]
n = 11
while n <= 300:
    lid = f"L{n:04d}"
    u = rnd.random()
    row = {"loan_id": lid, "origination_date": f"{rnd.choice([2021, 2022, 2023, 2024, 2025, 2025, 2026])}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"}
    if row["origination_date"] > "2026-11-29":
        row["origination_date"] = "2026-06-30"
    if u < 0.50:
        bid = rnd.choice(corp)
        kind, prov, size = kinds.get(bid, ("services", "CN-ZJ", 1e9))
        cls = "business_loan" if u < 0.40 else "corporate_bond"
        row.update({"borrower_id": bid, "asset_class": cls, "currency": "CNY", "outstanding": money(size * rnd.uniform(0.01, 0.15))})
        if kind in GREEN and rnd.random() < 0.6:
            ptype, text, code = GREEN[kind]
            mw = rnd.randint(20, 400)
            row.update({"project_type": ptype, "use_of_proceeds": text.format(mw=mw, n=rnd.randint(20, 200)),
                        "project_region": prov})
            if ptype.startswith("power."):
                row.update({"capacity_mw": str(mw), "annual_generation_mwh": money(mw * 8760 * {"power.wind": 0.25,
                            "power.solar_pv": 0.14, "power.hydro": 0.42}[ptype])})
            if rnd.random() < 0.5:
                row["declared_green_code"] = "CN-GFC-2025:" + code
        elif kind == "coal_power" and rnd.random() < 0.5:
            row.update({"use_of_proceeds": rnd.choice(["燃煤机组超低排放改造", "2×350MW 燃煤热电联产机组建设"]), "project_type": "power.coal"})
        elif kind in ("industry", "steel", "cement") and rnd.random() < 0.3:
            row.update({"use_of_proceeds": rnd.choice(["余热余压利用改造", "电机系统节能改造, 变频改造", "Waste heat recovery power unit"]),
                        "annual_energy_saving_tce": f"{rnd.uniform(500, 20000):.0f}"})
        else:
            row["use_of_proceeds"] = rnd.choice(PLAIN)
    elif u < 0.58:
        bid = rnd.choice([b for b in corp if kinds.get(b, ("",))[0] in ("wind", "solar", "hydro", "sewage", "waste")] or corp)
        kind, prov, size = kinds.get(bid, ("wind", "CN-NM", 1e9))
        ptype, text, code = GREEN.get(kind, GREEN["wind"])
        mw = rnd.randint(50, 600)
        pv = mw * 4.5e6
        row.update({"borrower_id": bid, "asset_class": "project_finance", "currency": "CNY", "outstanding": money(pv * rnd.uniform(0.2, 0.7)),
                    "project_value": money(pv), "project_type": ptype, "project_region": prov,
                    "use_of_proceeds": text.format(mw=mw, n=rnd.randint(20, 200))})
        if ptype.startswith("power."):
            row.update({"capacity_mw": str(mw), "annual_generation_mwh": money(mw * 8760 * 0.2), "lifecycle_gco2e_per_kwh":
                        {"power.wind": "11", "power.solar_pv": "48", "power.hydro": "24"}[ptype]})
    elif u < 0.64:
        bid = rnd.choice([b["borrower_id"] for b in borrowers if b.get("listed") == "true"])
        row.update({"borrower_id": bid, "asset_class": "listed_equity", "currency": "CNY",
                    "outstanding": money(float(kinds.get(bid, ("", "", 5e8))[2]) * rnd.uniform(0.002, 0.02))})
    elif u < 0.70:
        bid = rnd.choice([b for b in corp if kinds.get(b, ("",))[0] == "real_estate"] or corp)
        prov = kinds.get(bid, ("", "CN-SH", 0))[1]
        area = rnd.uniform(5000, 60000)
        value = area * rnd.uniform(15000, 40000)
        row.update({"borrower_id": bid, "asset_class": "commercial_real_estate", "currency": "CNY",
                    "outstanding": money(value * rnd.uniform(0.3, 0.6)), "property_value": money(value),
                    "floor_area_m2": f"{area:.0f}", "project_region": prov,
                    "use_of_proceeds": rnd.choice(["写字楼经营性物业贷款", "商业综合体购置", "绿色建筑（二星级）办公楼建设"])})
        if rnd.random() < 0.7:
            row["energy_kwh"] = money(area * rnd.uniform(80, 200))
        if "绿色建筑" in row["use_of_proceeds"]:
            row.update({"project_type": "building.new", "epc_label": "二星级"})
    elif u < 0.86:
        value = rnd.uniform(1.5e6, 9e6)
        area = rnd.uniform(60, 180)
        row.update({"borrower_id": "", "asset_class": "mortgage", "currency": "CNY", "outstanding": money(value * rnd.uniform(0.2, 0.7)),
                    "property_value": money(value), "floor_area_m2": f"{area:.1f}", "project_region": rnd.choice(PROVINCES),
                    "use_of_proceeds": "个人住房贷款"})
        if rnd.random() < 0.5:
            row["energy_kwh"] = money(area * rnd.uniform(30, 70))
        if rnd.random() < 0.1:
            row.update({"use_of_proceeds": "购买绿色建筑住房", "project_type": "building.new", "epc_label": "一星级"})
    elif u < 0.97:
        value = rnd.uniform(8e4, 4e5)
        t = rnd.random()
        ptype, g, text = (("vehicle.bev", "0", "购买新能源汽车") if t < 0.45 else
                          ("vehicle.phev", str(rnd.randint(30, 70)), "个人汽车消费贷款") if t < 0.6 else
                          ("vehicle.ice", str(rnd.randint(120, 220)), "个人汽车消费贷款"))
        row.update({"borrower_id": "", "asset_class": "motor_vehicle_loan", "currency": "CNY", "outstanding": money(value * rnd.uniform(0.3, 0.8)),
                    "property_value": money(value) if rnd.random() < 0.8 else "", "project_type": ptype, "vehicle_gco2_per_km": g,
                    "annual_km": str(rnd.randint(8000, 25000)), "use_of_proceeds": text, "project_region": rnd.choice(PROVINCES)})
    else:
        sid, cur = rnd.choice([("S001", "CNY"), ("S002", "SGD"), ("S003", "HKD")])
        row.update({"borrower_id": sid, "asset_class": "sovereign_debt", "currency": cur,
                    "outstanding": money(rnd.uniform(5e7, 5e8)), "use_of_proceeds": "国债投资"})
    loans.append(row)
    n += 1

# --- ESG indicators for 80 borrowers ------------------------------------------------------
for b in borrowers[8:88]:
    bid = b["borrower_id"]
    if not bid.startswith("B"):
        continue
    esg.append({"entity_id": bid, "year": "2024", "indicator": "safety_incidents", "value": str(rnd.choice([0, 0, 0, 1, 1, 2, 3])),
                "unit": "count", "source": "2024 ESG report"})
    if rnd.random() < 0.7:
        esg.append({"entity_id": bid, "year": "2024", "indicator": "board_independence", "value": f"{rnd.uniform(0.2, 0.6):.2f}",
                    "unit": "ratio", "source": "2024 annual report"})
    if rnd.random() < 0.5:
        esg.append({"entity_id": bid, "year": "2024", "indicator": "environmental_penalties", "value": str(rnd.choice([0, 0, 1, 2])),
                    "unit": "count", "source": "MEE enforcement records"})
    if rnd.random() < 0.4:
        esg.append({"entity_id": bid, "year": "2024", "indicator": "labour_disputes", "value": str(rnd.choice([0, 0, 1, 4])),
                    "unit": "count", "source": "court records"})
    if rnd.random() < 0.5:
        esg.append({"entity_id": bid, "year": "2024", "indicator": "sustainability_report_published", "value": str(rnd.choice([0, 1])),
                    "unit": "boolean", "source": "company website"})
    if rnd.random() < 0.08:
        esg.append({"entity_id": bid, "year": "2024", "indicator": "controversy_severity", "value": str(rnd.randint(1, 4)),
                    "unit": "level", "source": "news screening"})

# --- the bank itself: its own operations (offices, branches, data centre, fleet) ----------
# Not a borrower: an entity whose carbon account fills the JR/T 0227 disclosure of the
# institution's own operations (`demo` runs with --institution-entity FI001).
borrowers.append({"borrower_id": "FI001", "name": "示例银行股份有限公司（虚构）", "sector": "J6621", "country": "CN",
                  "region": "CN-ZJ", "listed": "false", "currency": "CNY"})
activities += [
    {"entity_id": "FI001", "period": "2024", "activity": "electricity.grid", "quantity": "26500000", "unit": "kWh",
     "region": "CN-ZJ", "facility_id": "FI001-HQ"},
    {"entity_id": "FI001", "period": "2024", "activity": "stationary.natural_gas", "quantity": "18.5", "unit": "10^4 Nm3",
     "facility_id": "FI001-HQ"},
    {"entity_id": "FI001", "period": "2024", "activity": "mobile.gasoline", "quantity": "210", "unit": "t"},
    {"entity_id": "FI001", "period": "2024", "activity": "mobile.diesel", "quantity": "35", "unit": "t"},
]

write("borrowers.csv", BORROWER_COLUMNS, borrowers)
write("loans.csv", LOAN_COLUMNS, loans)
write("activities.csv", ACTIVITY_COLUMNS, activities)
write("esg.csv", ["entity_id", "year", "indicator", "value", "unit", "source"], esg)
print(f"borrowers {len(borrowers)}, loans {len(loans)}, activities {len(activities)} "
      f"({len({a['entity_id'] for a in activities})} enterprises), esg {len(esg)}")
