"""GreenLedger on Apache Spark: financed emissions and green tags of a loan book held in a Spark
DataFrame.

Spark partitions the loans; each partition is handed to the `greenledger` binary on its
executor as a file of exactly its rows, each carrying its line in the original loans.csv
(`source_line`, the last column), run as one shard (`finance` or `tag --shard I/N`); the driver merges
the shards' outputs with `greenledger merge`. GreenLedger takes such a file whole as its shard
and names the original line in financed.csv and rejects.csv, so the merged outputs equal a
single run's byte for byte, whatever the partitioning, and each shard reads only its own rows.

    from pyspark.sql import SparkSession
    import greenledger_spark as gl
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    loans = gl.read_loans(spark, "loans.csv")              # or a table with a source_line column
    out = gl.finance(spark, loans, borrowers="borrowers.csv", out="runs/2026", partitions=4,
                     binary="/opt/greenledger/bin/greenledger", extra=["--fx", "fx.csv"])
    financed = spark.read.csv(out + "/financed.csv", header=True)

A task that fails is retried by Spark (its shard directory is written afresh, so nothing is
counted twice); `greenledger merge` refuses a set of shards with one missing or repeated.
"""
import csv
import os
import shutil
import subprocess

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

SOURCE_LINE = "source_line"


def read_loans(spark: SparkSession, path: str, slices: int = 8) -> DataFrame:
    """loans.csv as a DataFrame of strings with each row's line in the file (`source_line`).

    The file is read once, on the driver, with Python's csv module: a record's line is the
    physical line it starts on (quoted fields may hold line breaks), the header being line 1.
    """
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        start = reader.line_num + 1
        for record in reader:
            rows.append(record + [str(start)])
            start = reader.line_num + 1
    schema = StructType([StructField(c, StringType(), True) for c in header + [SOURCE_LINE]])
    return spark.createDataFrame(rows, schema).repartition(slices)


def _run_shard(command, binary, borrowers, columns, work, count, extra):
    """The executor's side: write the partition's rows, run its shard, yield its directory."""
    def run(index, rows):
        shard = index + 1
        inputs = os.path.join(work, "input-%d" % shard)
        out = os.path.join(work, "shard-%d" % shard)
        for d in (inputs, out):
            shutil.rmtree(d, ignore_errors=True)  # a retried task starts afresh
        os.makedirs(inputs)
        loans = os.path.join(inputs, "loans.csv")  # the original name, as rejects.csv names it
        with open(loans, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if row[c] is None else row[c] for c in columns])
        done = subprocess.run([binary, command, "--quiet", "--loans", loans, "--borrowers", borrowers,
                               "--shard", "%d/%d" % (shard, count), "--out", out] + list(extra),
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError("shard %d/%d failed (%d): %s" % (shard, count, done.returncode, done.stderr.strip()))
        yield (shard, out, os.path.getsize(loans))
    return run


def finance(spark: SparkSession, loans: DataFrame, borrowers: str, out: str, partitions: int,
            binary: str = "greenledger", extra=(), work: str = None):
    """Financed emissions of `loans` (with `source_line`) in `partitions` shards, merged into `out`
    (financed.csv, borrower_attribution.csv, summary.json, rejects.csv, partials.csv).

    `borrowers` and the files named in `extra` (`--fx`, `--countries`, `--factors`, …) must be
    readable on every executor (shared storage). Returns the shards' (index, directory, bytes of
    loans read), in index order.
    """
    return _shards(spark, "finance", loans, borrowers, out, partitions, binary, extra, work)


def tag(spark: SparkSession, loans: DataFrame, borrowers: str, out: str, partitions: int,
        binary: str = "greenledger", extra=(), work: str = None):
    """Green tags of `loans` (with `source_line`) in `partitions` shards, merged into `out`
    (tags.csv, green_summary.json, summary.json, rejects.csv, partials.csv); as ``finance``."""
    return _shards(spark, "tag", loans, borrowers, out, partitions, binary, extra, work)


def _shards(spark, command, loans, borrowers, out, partitions, binary, extra, work):
    """Loans partitioned by `loan_id` (a repeated id stays in one shard, where it is rejected as
    in a single run), sorted by `source_line` within each partition, one shard each, merged."""
    if SOURCE_LINE not in loans.columns:
        raise ValueError("loans need a %s column (read_loans adds it)" % SOURCE_LINE)
    columns = [c for c in loans.columns if c != SOURCE_LINE] + [SOURCE_LINE]
    work = work or out + ".shards"
    os.makedirs(work, exist_ok=True)
    parts = (loans.select(*columns).repartition(partitions, "loan_id")
             .sortWithinPartitions(F.col(SOURCE_LINE).cast("long")))
    shards = sorted(parts.rdd.mapPartitionsWithIndex(
        _run_shard(command, binary, borrowers, columns, work, partitions, extra)).collect())
    if len(shards) != partitions:
        raise RuntimeError("expected %d shards, got %d" % (partitions, len(shards)))
    shutil.rmtree(out, ignore_errors=True)
    merged = subprocess.run([binary, "merge"] + [d for _, d, _ in shards] + ["--out", out],
                            capture_output=True, text=True)
    if merged.returncode != 0:
        raise RuntimeError("merge failed (%d): %s" % (merged.returncode, merged.stderr.strip()))
    return shards
