"""Benchmark: finance on the standard set (1,000,000 loans) as a single run and through Spark in
local mode with 2 and 4 partitions (scripts/spark/greenledger_spark.py): wall time and loans
bytes each shard read. Outputs are checked byte-identical to the single run.

    python3 Benchmarks/spark.py BINARY DATA_DIR WORK_DIR      # DATA_DIR from ../shared/bench/generate.py
"""
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "spark"))
from pyspark.sql import SparkSession  # noqa: E402

import greenledger_spark as gl  # noqa: E402

binary, data, work = (os.path.abspath(a) for a in sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
loans, borrowers = os.path.join(data, "loans.csv"), os.path.join(data, "borrowers.csv")
fx = os.path.join(ROOT, "..", "shared", "bench", "fx_rates.csv")
extra = (["--fx", fx] if os.path.exists(fx) else []) + ["--as-of", "2026-11-29"]

t = time.time()
subprocess.run([binary, "finance", "--quiet", "--loans", loans, "--borrowers", borrowers,
                "--out", os.path.join(work, "single")] + extra, check=True, stdout=subprocess.DEVNULL)
print("single run: %.1f s, read loans %d bytes" % (time.time() - t, os.path.getsize(loans)))

spark = (SparkSession.builder.master("local[4]").appName("greenledger-bench")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
         .config("spark.driver.memory", "8g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
t = time.time()
frame = gl.read_with_lines(spark, loans).cache()
frame.count()
print("read_with_lines (driver, once): %.1f s" % (time.time() - t))
for n in (2, 4):
    t = time.time()
    shards = gl.finance(spark, frame, borrowers=borrowers, out=os.path.join(work, "spark-%d" % n), partitions=n,
                        binary=binary, extra=extra)
    seconds = time.time() - t
    same = all(open(os.path.join(work, "single", f), "rb").read() == open(os.path.join(work, "spark-%d" % n, f), "rb").read()
               for f in ["financed.csv", "summary.json", "rejects.csv", "borrower_attribution.csv", "partials.csv"])
    read = [size for _, _, size in shards]
    print("spark %d partitions: %.1f s (shards and merge), loans bytes per shard %s, sum %d = %.2f× the file; "
          "byte-identical: %s" % (n, seconds, read, sum(read), sum(read) / os.path.getsize(loans), same))
spark.stop()
