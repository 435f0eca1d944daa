"""GreenLedger on Apache Spark: financed emissions and green tags of a loan book, and carbon
accounts of its enterprises' activity data, held in Spark DataFrames.

Spark partitions the rows; each partition is handed to the `greenledger` binary on its
executor as a file of exactly its rows, each carrying its line in the original loans.csv or
activities.csv (`source_line`, the last column), run as one shard (`finance`, `tag` or
`account --shard I/N`); the driver merges
the shards' outputs with `greenledger merge`. GreenLedger takes such a file whole as its shard
and names the original line in financed.csv and rejects.csv, so the merged outputs equal a
single run's byte for byte, whatever the partitioning, and each shard reads only its own rows.

    from pyspark.sql import SparkSession
    import greenledger_spark as gl
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    loans = gl.read_with_lines(spark, "loans.csv")         # or a table with a source_line column
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


def read_with_lines(spark: SparkSession, path: str, slices: int = 8) -> DataFrame:
    """A CSV file (loans.csv, activities.csv) as a DataFrame of strings with each row's line in
    the file (`source_line`).

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


# Per command: the input's option and file name, the key rows are partitioned by, the reference
# table's option.
COMMANDS = {
    "finance": ("--loans", "loans.csv", "loan_id", "--borrowers"),
    "tag": ("--loans", "loans.csv", "loan_id", "--borrowers"),
    "account": ("--activities", "activities.csv", "entity_id", "--entities"),
}


def _run_shard(command, binary, reference, columns, work, count, extra):
    """The executor's side: write the partition's rows, run its shard, yield its directory."""
    option, file_name, _, reference_option = COMMANDS[command]

    def run(index, rows):
        shard = index + 1
        inputs = os.path.join(work, "input-%d" % shard)
        out = os.path.join(work, "shard-%d" % shard)
        for d in (inputs, out):
            shutil.rmtree(d, ignore_errors=True)  # a retried task starts afresh
        os.makedirs(inputs)
        rows_file = os.path.join(inputs, file_name)  # the original name, as rejects.csv names it
        with open(rows_file, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if row[c] is None else row[c] for c in columns])
        done = subprocess.run([binary, command, "--quiet", option, rows_file, reference_option, reference,
                               "--shard", "%d/%d" % (shard, count), "--out", out] + list(extra),
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError("shard %d/%d failed (%d): %s" % (shard, count, done.returncode, done.stderr.strip()))
        yield (shard, out, os.path.getsize(rows_file))
    return run


def finance(spark: SparkSession, loans: DataFrame, borrowers: str, out: str, partitions: int,
            binary: str = "greenledger", extra=(), work: str = None):
    """Financed emissions of `loans` (with `source_line`) in `partitions` shards, merged into `out`
    (financed.csv, borrower_attribution.csv, summary.json, rejects.csv, partials.csv).

    `borrowers` (a path, or a DataFrame the driver writes out once) and the files named in
    `extra` (`--fx`, `--countries`, `--factors`, …) must be readable on every executor (shared
    storage). Returns the shards' (index, directory, bytes of
    loans read), in index order.
    """
    return _shards(spark, "finance", loans, borrowers, out, partitions, binary, extra, work)


def tag(spark: SparkSession, loans: DataFrame, borrowers: str, out: str, partitions: int,
        binary: str = "greenledger", extra=(), work: str = None):
    """Green tags of `loans` (with `source_line`) in `partitions` shards, merged into `out`
    (tags.csv, green_summary.json, summary.json, rejects.csv, partials.csv); as ``finance``."""
    return _shards(spark, "tag", loans, borrowers, out, partitions, binary, extra, work)


def account(spark: SparkSession, activities: DataFrame, entities: str, out: str, partitions: int,
            binary: str = "greenledger", extra=(), work: str = None):
    """Carbon accounts of `activities` (with `source_line`) in `partitions` shards, partitioned by
    `entity_id` so that every entity's rows meet in one shard, merged into `out` (accounts.csv,
    lines.csv, facilities.csv, summary.json, rejects.csv); as ``finance``."""
    return _shards(spark, "account", activities, entities, out, partitions, binary, extra, work)


def _reference_file(reference, work, name):
    """The reference table (borrowers, entities) as a file every executor reads: `reference`
    itself when it is a path, else the DataFrame written once by the driver to `work/name`
    (without a `source_line` column)."""
    if isinstance(reference, str):
        return reference
    path = os.path.join(work, name)
    columns = [c for c in reference.columns if c != SOURCE_LINE]
    if SOURCE_LINE in reference.columns:
        reference = reference.orderBy(F.col(SOURCE_LINE).cast("long"))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in reference.select(*columns).toLocalIterator():
            writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return path


def _shards(spark, command, rows, reference, out, partitions, binary, extra, work):
    """Rows partitioned by the command's key (a repeated loan_id stays in one shard, where it is
    rejected as in a single run; an entity's activities meet), sorted by `source_line` within
    each partition, one shard each, merged."""
    if SOURCE_LINE not in rows.columns:
        raise ValueError("rows need a %s column (read_with_lines adds it)" % SOURCE_LINE)
    key = COMMANDS[command][2]
    columns = [c for c in rows.columns if c != SOURCE_LINE] + [SOURCE_LINE]
    work = work or out + ".shards"
    os.makedirs(work, exist_ok=True)
    reference = _reference_file(reference, work, "borrowers.csv")
    parts = (rows.select(*columns).repartition(partitions, key)
             .sortWithinPartitions(F.col(SOURCE_LINE).cast("long")))
    shards = sorted(parts.rdd.mapPartitionsWithIndex(
        _run_shard(command, binary, reference, columns, work, partitions, extra)).collect())
    if len(shards) != partitions:
        raise RuntimeError("expected %d shards, got %d" % (partitions, len(shards)))
    shutil.rmtree(out, ignore_errors=True)
    merged = subprocess.run([binary, "merge"] + [d for _, d, _ in shards] + ["--out", out],
                            capture_output=True, text=True)
    if merged.returncode != 0:
        raise RuntimeError("merge failed (%d): %s" % (merged.returncode, merged.stderr.strip()))
    return shards
