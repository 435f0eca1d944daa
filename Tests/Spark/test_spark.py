"""CI test of scripts/spark/greenledger_spark.py (issue 22): Spark in local mode on a generated
book of 100,202 loans and 200,194 activity rows (the example bank many times over, with a bad
row and a repeated id), 4 partitions, one made to fail once and be retried; the merged outputs of
finance, tag and account must equal the single runs' byte for byte.

    python3 Tests/Spark/test_spark.py BINARY WORK_DIR
"""
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "spark"))

from pyspark.sql import SparkSession  # noqa: E402

import greenledger_spark as gl  # noqa: E402

binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
data = os.path.join(work, "data")


def make_book(loan_copies, entity_copies):
    """The example bank's loans, borrowers and activities many times over, ids suffixed per copy
    (`L0001-7`, `B001-7`): a large book in the data contract, made from the repository's files
    alone, with two loan rows a run must reject (a negative amount, a repeated loan_id)."""
    import csv
    os.makedirs(data)
    for name, key, ref, copies in [("borrowers.csv", "borrower_id", None, entity_copies),
                                   ("loans.csv", "loan_id", "borrower_id", loan_copies),
                                   ("activities.csv", "entity_id", None, entity_copies)]:
        with open(os.path.join(ROOT, "Examples", name), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        k, r = header.index(key), header.index(ref) if ref else None
        with open(os.path.join(data, name), "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for c in range(copies):
                for row in rows:
                    row = list(row)
                    row[k] += "-%d" % c
                    if r is not None and row[r]:
                        row[r] += "-%d" % c
                    writer.writerow(row)
                if ref and c == 100:
                    bad = list(rows[0])
                    bad[k], bad[header.index("outstanding")] = "LBAD-1", "-5"
                    writer.writerow(bad)
                    again = list(rows[1])
                    again[k] += "-7"
                    writer.writerow(again)


make_book(334, 1006)  # 100,202 loan rows; 121,726 borrowers; 200,194 activity rows
extra = ["--fx", os.path.join(ROOT, "Examples", "fx.csv"), "--countries", os.path.join(ROOT, "Examples", "countries.csv"),
         "--as-of", "2026-11-29"]
loans, borrowers = os.path.join(data, "loans.csv"), os.path.join(data, "borrowers.csv")
activities = os.path.join(data, "activities.csv")
account_extra = ["--benchmarks", os.path.join(ROOT, "Examples", "benchmarks.csv"), "--as-of", "2026-11-29"]

t = time.time()
subprocess.run([binary, "finance", "--quiet", "--loans", loans, "--borrowers", borrowers,
                "--out", os.path.join(work, "single")] + extra, check=True, stdout=subprocess.DEVNULL)
single_seconds = time.time() - t
tag_extra = extra[:2] + extra[4:]  # tag takes --fx and --as-of, not --countries
subprocess.run([binary, "tag", "--quiet", "--loans", loans, "--borrowers", borrowers,
                "--out", os.path.join(work, "single-tags")] + tag_extra, check=True, stdout=subprocess.DEVNULL)
subprocess.run([binary, "account", "--quiet", "--activities", activities, "--entities", borrowers,
                "--out", os.path.join(work, "single-accounts")] + account_extra, check=True, stdout=subprocess.DEVNULL)

# A binary that fails shard 2 the first time it is run: Spark retries the task (local[2,2]:
# two threads, up to two attempts per task).
flaky = os.path.join(work, "flaky-greenledger")
marker = os.path.join(work, "failed-once")
with open(flaky, "w") as f:
    f.write('#!/bin/sh\ncase "$*" in *"--shard 2/"*) [ -f "%s" ] || { touch "%s"; echo "made to fail" >&2; exit 9; };; esac\n'
            'exec "%s" "$@"\n' % (marker, marker, binary))
os.chmod(flaky, 0o755)

spark = (SparkSession.builder.master("local[2,2]").appName("greenledger-ci")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
t = time.time()
frame = gl.read_with_lines(spark, loans)
shards = gl.finance(spark, frame, borrowers=borrowers, out=os.path.join(work, "spark"), partitions=4,
                    binary=flaky, extra=extra)
spark_seconds = time.time() - t
financed = spark.read.csv(os.path.join(work, "spark", "financed.csv"), header=True)
rows = financed.count()
# Borrowers as a DataFrame too (the driver writes them out once for the executors).
gl.tag(spark, frame, borrowers=gl.read_with_lines(spark, borrowers), out=os.path.join(work, "spark-tags"), partitions=4,
       binary=binary, extra=tag_extra)
tagged = spark.read.csv(os.path.join(work, "spark-tags", "tags.csv"), header=True).count()
gl.account(spark, gl.read_with_lines(spark, activities), entities=borrowers, out=os.path.join(work, "spark-accounts"),
           partitions=4, binary=binary, extra=account_extra)
accounts = spark.read.csv(os.path.join(work, "spark-accounts", "accounts.csv"), header=True).count()
spark.stop()

assert os.path.exists(marker), "shard 2 was never made to fail"
failures = []
for name in ["financed.csv", "summary.json", "rejects.csv", "borrower_attribution.csv", "partials.csv"]:
    a = open(os.path.join(work, "single", name), "rb").read()
    b = open(os.path.join(work, "spark", name), "rb").read()
    if a != b:
        failures.append(name)
for name in ["tags.csv", "green_summary.json", "summary.json", "rejects.csv", "partials.csv"]:
    if open(os.path.join(work, "single-tags", name), "rb").read() != open(os.path.join(work, "spark-tags", name), "rb").read():
        failures.append("tags: " + name)
for name in ["accounts.csv", "lines.csv", "facilities.csv", "summary.json", "rejects.csv"]:
    if open(os.path.join(work, "single-accounts", name), "rb").read() != open(os.path.join(work, "spark-accounts", name), "rb").read():
        failures.append("accounts: " + name)
assert not failures, "differ from the single run: %s" % ", ".join(failures)
assert accounts > 60000, accounts
assert tagged > 100000, tagged
rejected = sum(1 for _ in open(os.path.join(work, "single", "rejects.csv"))) - 1
assert rejected == 2 and rows == 100202 - rejected, (rejected, rows)
read = [size for _, _, size in shards]
print("spark local[2,2], 4 partitions (finance shard 2 failed once and was retried): financed.csv, summary.json, "
      "rejects.csv, borrower_attribution.csv, partials.csv; tag's tags.csv, green_summary.json; account's "
      "accounts.csv (%d), lines.csv, facilities.csv, "
      "byte-identical to the single runs; "
      "loans bytes read per shard %s (sum %d, file %d); single %.1f s, spark %.1f s"
      % (accounts, read, sum(read), os.path.getsize(loans), single_seconds, spark_seconds))
