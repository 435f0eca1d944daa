"""The CSV writer of the example scripts (make-examples.py, make-previous-period.py): one layout,
so that regenerated files are byte for byte the same."""
import csv
import io


def write_rows(path, columns, rows):
    """Writes `rows` (dicts) under `columns` to `path`: UTF-8, LF line ends, a missing key as ""."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in columns})
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
