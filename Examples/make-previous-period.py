#!/usr/bin/env python3
"""Writes Examples/previous/: the example bank one year earlier (reporting date 2025-11-29),
derived from Examples/'s current files (deterministic: same inputs, same bytes).

`greenledger demo` runs this period first and compares the current one with it, so the
report's trend and the PCAF change attribution (loans entering and leaving the book, exposure,
enterprise value and borrowers' emissions) are filled. All of it is fictional:
- loans originated after 2025-11-29 are not yet on the book (they enter in the current period);
  20 loans of the previous book have been repaid since (they leave); every other loan had a
  larger outstanding a year earlier (amortisation);
- borrowers' EVIC, equity, debt and revenue a year earlier differ by a few per cent, and their
  reported emissions are of 2023, somewhat higher than 2024's;
- activities of 2023 are the 2024 rows with 2023 periods and somewhat larger quantities (rows the
  current file already has for 2023 are kept as they are); ESG indicators and sector benchmarks
  are those of 2024 restated as 2023's.
Run after make-examples.py: python3 Examples/make-previous-period.py
"""
import csv
import os
import random

from example_csv import write_rows
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "previous")
PREVIOUS_DAY = "2025-11-29"
rnd = random.Random(20251129)


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def write(name, columns, rows):
    write_rows(os.path.join(OUT, name), columns, rows)


def scaled(text, low, high):
    """`text` (a number) times a factor drawn from [low, high], printed with as many decimals."""
    if not text:
        return text
    places = len(text.split(".")[1]) if "." in text else 0
    return f"{float(text) * rnd.uniform(low, high):.{places}f}"


os.makedirs(OUT, exist_ok=True)

loan_columns, loans = read("loans.csv")
previous_loans = []
for loan in loans:
    if loan["origination_date"] > PREVIOUS_DAY:
        continue                                  # enters the book in the current period
    row = dict(loan)
    row["outstanding"] = scaled(loan["outstanding"], 1.03, 1.25)
    previous_loans.append(row)
corporate = [l for l in loans if l["asset_class"] in ("business_loan", "corporate_bond") and l["origination_date"] < "2024-01-01"]
for i, loan in enumerate(rnd.sample(corporate, 20), start=1):
    row = {c: loan[c] for c in loan_columns}
    row.update({"loan_id": f"L9{i:03d}", "use_of_proceeds": rnd.choice(["流动资金贷款", "Working capital", "补充营运资金"]),
                "declared_green_code": "", "project_type": "", "capacity_mw": "", "annual_generation_mwh": "",
                "annual_energy_saving_tce": "", "outstanding": scaled(loan["outstanding"], 0.5, 1.0)})
    previous_loans.append(row)                    # repaid since: leaves the book
write("loans.csv", loan_columns, previous_loans)

borrower_columns, borrowers = read("borrowers.csv")
for b in borrowers:
    for k in ("revenue", "total_equity", "total_debt", "value_added", "total_assets"):
        b[k] = scaled(b.get(k, ""), 0.92, 1.04)
    b["evic"] = scaled(b.get("evic", ""), 0.85, 1.15)
    for k in ("reported_scope1", "reported_scope2", "reported_scope3"):
        b[k] = scaled(b.get(k, ""), 1.0, 1.2)
    if b.get("emissions_year") == "2024":
        b["emissions_year"] = "2023"
write("borrowers.csv", borrower_columns, borrowers)

activity_columns, activities = read("activities.csv")
key = lambda a: (a["entity_id"], a["activity"], a["unit"], a.get("instrument", ""), a.get("facility_id", ""))
reported_2023 = {key(a) for a in activities if a["period"].startswith("2023")}
previous_activities = [a for a in activities if a["period"].startswith("2023")]
for a in activities:
    if a["period"].startswith("2024") and key(a) not in reported_2023:
        row = dict(a)
        row["period"] = "2023" + a["period"][4:]
        row["quantity"] = scaled(a["quantity"], 1.0, 1.15)
        previous_activities.append(row)
write("activities.csv", activity_columns, previous_activities)

esg_columns, esg = read("esg.csv")
for e in esg:
    e["year"] = "2023" if e["year"] == "2024" else e["year"]
    e["source"] = e["source"].replace("2024", "2023")
write("esg.csv", esg_columns, esg)

benchmark_columns, benchmarks = read("benchmarks.csv")
for b in benchmarks:
    b["period"] = "2023" if b["period"] == "2024" else b["period"]
write("benchmarks.csv", benchmark_columns, benchmarks)
for name in ("fx.csv", "countries.csv"):
    shutil.copyfile(os.path.join(HERE, name), os.path.join(OUT, name))
print(f"previous period ({PREVIOUS_DAY}): loans {len(previous_loans)}, borrowers {len(borrowers)}, "
      f"activities {len(previous_activities)}, esg {len(esg)}")
