"""Writing the indicator table: CSV (stdout or a file) or Parquet, and the `indicators` command.

    python -m ocop_extract indicators corpus/ -o indicators.csv
    python -m ocop_extract indicators out/records.jsonl -o indicators.parquet

Columns are the fields of `IndicatorRow` with `span` as `span_start`, `span_end`;
list cells (`values`, `documents`, `spans`) hold JSON text in CSV and lists in
Parquet. Parquet needs pyarrow (``pip install 'ocop_extract[parquet]'``), the
library the flat export already uses; without it the command says so and stops.
A file is written under a temporary name and moved into place when complete.

>>> rows = [IndicatorRow(indicator="budget", indicator_label="b", status="target", value=9.5e8,
...                      comparator="=", unit="VND", doc_id="d", source_path="d.txt", span=(3, 17),
...                      text="950 triệu đồng", documents=["d"])]
>>> print(csv_text(rows).splitlines()[1])
,,,,,budget,b,,target,,950000000,,=,VND,0,[],d,d.txt,,,,3,17,950 triệu đồng,"[""d""]",[],1
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable, Optional

from ..errors import UsageError
from .table import IndicatorRow, build_rows


def columns() -> list[str]:
    """Column names, in order."""
    out = []
    for name in IndicatorRow.model_fields:
        out += ["span_start", "span_end"] if name == "span" else [name]
    return out


def flat(row: IndicatorRow, lists_as_json: bool = True) -> list[Any]:
    """One row's cells in `columns()` order."""
    cells: list[Any] = []
    for name in IndicatorRow.model_fields:
        value = getattr(row, name)
        if name == "span":
            cells += list(value)
        elif isinstance(value, list):
            cells.append(json.dumps(value, ensure_ascii=False) if lists_as_json else value)
        elif isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            cells.append(int(value))
        else:
            cells.append(value)
    return cells


def csv_text(rows: Iterable[IndicatorRow]) -> str:
    """The table as CSV text with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns())
    for row in rows:
        writer.writerow(flat(row))
    return buf.getvalue()


def _parquet(rows: list[IndicatorRow], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("Parquet output needs pyarrow: pip install 'ocop_extract[parquet]'") from None
    data = list(zip(*(flat(r, lists_as_json=False) for r in rows))) or [[] for _ in columns()]
    floats = {"value", "value_max"}
    arrays = {}
    for name, cells in zip(columns(), data):
        kind = pa.float64() if name in floats else None
        arrays[name] = pa.array([None if c is None else float(c) for c in cells] if kind else list(cells),
                                type=kind if kind else (pa.list_(pa.string()) if name in ("values", "documents",
                                                                                           "spans") else None))
    pq.write_table(pa.table(arrays), path)


def write_table(rows: list[IndicatorRow], output: Optional[str]) -> None:
    """Write `rows` to `output` (.csv or .parquet; stdout as CSV when None), atomically."""
    if output is None:
        sys.stdout.write(csv_text(rows))
        return
    path = Path(output)
    if path.suffix.lower() not in (".csv", ".parquet"):
        raise UsageError(f"{output}: the indicator table is written as .csv or .parquet")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        if path.suffix.lower() == ".parquet":
            _parquet(rows, Path(tmp))
        else:
            Path(tmp).write_text(csv_text(rows), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run_indicators(paths: list[str], output: Optional[str], include_other: bool = False) -> int:
    """The `indicators` command: read, tabulate, write; warnings and a summary on stderr. Exit status."""
    from .inputs import iter_inputs

    records, problems = [], 0
    for item in iter_inputs(paths):
        if item.warning:
            problems += 1
            print(f"ocop_extract: {item.warning}", file=sys.stderr)
        else:
            records.append(item.record)
    if output and Path(output).suffix.lower() == ".parquet":
        _parquet_check()
    rows = build_rows(records, include_other)
    write_table(rows, output)
    conflicts = sum(r.conflict for r in rows)
    errors = sum(1 for r in records if r.error)
    print(f"ocop_extract: {len(records)} documents, {len(rows)} indicator rows, {conflicts} with conflicting "
          f"values{f', {errors} unreadable documents' if errors else ''}", file=sys.stderr)
    return 1 if problems or errors else 0


def _parquet_check() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise UsageError("Parquet output needs pyarrow: pip install 'ocop_extract[parquet]'") from None
