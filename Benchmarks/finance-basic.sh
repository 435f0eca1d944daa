#!/bin/sh
# finance-basic (shared/bench/README.md) run alternately by GreenLedger, the polars job and the
# DuckDB job, ROUNDS times, on the standard set; prints wall time and peak RSS of each run,
# then checks GreenLedger's output against polars' with the reference compare.py.
#
#   sh Benchmarks/finance-basic.sh [DATA] [ROUNDS]
#
# DATA defaults to /tmp/gl-data/std (python3 ../shared/bench/generate.py --out DATA);
# PYTHON is an interpreter with polars and duckdb installed (default python3). Build first:
# swift build -c release.
set -eu
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/gl-data/std}
ROUNDS=${2:-5}
PYTHON=${PYTHON:-python3}
BENCH=../shared/bench
OUT=${TMPDIR:-/tmp}/greenledger-finance-basic
mkdir -p "$OUT"
for i in $(seq 1 "$ROUNDS"); do
  rm -rf "$OUT/gl"
  /usr/bin/time -f "greenledger %e s %M KB" .build/release/greenledger finance --profile finance-basic \
    --loans "$DATA/loans.csv" --borrowers "$DATA/borrowers.csv" --fx "$BENCH/fx_rates.csv" \
    --sector-intensities "$BENCH/sector_intensity.csv" --quiet --out "$OUT/gl" > /dev/null
  /usr/bin/time -f "polars %e s %M KB" "$PYTHON" "$BENCH/anchors/polars_job.py" "$DATA" \
    --out "$OUT/polars.csv" --totals "$OUT/polars.json" > /dev/null
  /usr/bin/time -f "duckdb %e s %M KB" "$PYTHON" "$BENCH/anchors/duckdb_job.py" "$DATA" \
    --out "$OUT/duckdb.csv" --totals "$OUT/duckdb.json" > /dev/null
done 2>&1 | grep -E "^(greenledger|polars|duckdb) "
"$PYTHON" "$BENCH/anchors/compare.py" 1e-9 "$OUT/polars.json" "$OUT/polars.csv" \
  "$OUT/gl/finance-basic.json" "$OUT/gl/finance-basic.csv" | tail -1
