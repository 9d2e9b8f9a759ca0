"""Flat tables for spreadsheets and notebooks: documents, targets, references as CSV or Parquet.

Each file stands alone: targets and references carry the ``doc_id`` and
``source_path`` of their document (and targets the document's type, number,
issuer and province), so a spreadsheet needs no join. Columns are those of
the database tables (`tables.TABLES`), without the internal ``document_id``.
CSV is UTF-8 with a header row; JSON-valued cells (``warnings``, ``explain``)
hold JSON text. Parquet needs pyarrow (``pip install 'ocop_extract[parquet]'``)
and keeps the column types.

Files are written under temporary names and moved into place when the run
ends, so a reader never sees half a table.

>>> [c.name for c in FLAT_TABLES["references"]][:4]
['doc_id', 'source_path', 'ordinal', 'type']
"""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable

from ..errors import UsageError
from ..models import Record
from .rows import cell
from .tables import TABLES, Column


@dataclass(frozen=True)
class FlatColumn:
    """A column of a flat table: name, kind (as in `tables`), and how to read it off (record, item)."""

    name: str
    kind: str
    get: Callable[[Record, Any], Any]


def _doc(column: Column) -> FlatColumn:
    return FlatColumn(column.name, column.kind, lambda rec, item, c=column: cell(c, rec))


def _item(column: Column) -> FlatColumn:
    return FlatColumn(column.name, column.kind, lambda rec, item, c=column: cell(c, item))


_DOCS = {c.name: c for c in TABLES["documents"].value_columns}
_KEY = (_doc(_DOCS["doc_id"]), _doc(_DOCS["source_path"]))
_ORDINAL = FlatColumn("ordinal", "integer", lambda rec, item: item[0])
_CONTEXT = tuple(_doc(_DOCS[n]) for n in ("doc_type", "number", "issuer", "province"))


def _items_of(table: str) -> tuple[FlatColumn, ...]:
    skip = {"document_id", "ordinal"}
    return tuple(FlatColumn(c.name, c.kind, lambda rec, item, c=c: cell(c, item[1]))
                 for c in TABLES[table].value_columns if c.name not in skip)


FLAT_TABLES: dict[str, tuple[FlatColumn, ...]] = {
    "documents": (
        *(_doc(c) for c in TABLES["documents"].value_columns if c.name not in ("record_json", "record_sha256")),
        FlatColumn("error_type", "text", lambda rec, item: rec.error.type if rec.error else None),
        FlatColumn("error_message", "text", lambda rec, item: rec.error.message if rec.error else None),
    ),
    "targets": (*_KEY, *_CONTEXT, _ORDINAL, *_items_of("targets")),
    "references": (*_KEY, _ORDINAL, *_items_of("references")),
}
"""The flat tables and their columns, in file order."""


def flat_rows(record: Record, table: str) -> list[tuple[Any, ...]]:
    """One record's rows of a flat table.

    >>> rec = Record(doc_id="d01", source={"path": "d01.txt"}, references=[{"number": "07/2021/NQ-HĐND"}])
    >>> flat_rows(rec, "references")[0][:5]
    ('d01', 'd01.txt', 0, None, '07/2021/NQ-HĐND')
    """
    columns = FLAT_TABLES[table]
    items = [None] if table == "documents" else list(enumerate(getattr(record, table)))
    return [tuple(c.get(record, item) for c in columns) for item in items]


def parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


class FlatWriter:
    """Writes documents/targets/references into a folder as CSV and/or Parquet (`formats`).

    `add(record)` per record, then `close()` (or use it as a context manager:
    an exception discards the partial files and leaves any old ones in place).
    """

    def __init__(self, directory: str | Path, formats: tuple[str, ...] = ("csv",)):
        unknown = set(formats) - {"csv", "parquet"}
        if unknown:
            raise UsageError(f"unknown flat format(s): {', '.join(sorted(unknown))}")
        if "parquet" in formats and not parquet_available():
            raise UsageError("Parquet output needs pyarrow: pip install 'ocop_extract[parquet]'")
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.formats = formats
        self.rows_written = {t: 0 for t in FLAT_TABLES}
        self._tmp: dict[Path, str] = {}
        self._csv: dict[str, tuple[IO[str], Any]] = {}
        self._columns: dict[str, dict[str, list[Any]]] = {}
        if "csv" in formats:
            for table, columns in FLAT_TABLES.items():
                fh = self._open(self.directory / f"{table}.csv")
                writer = csv.writer(fh)
                writer.writerow([c.name for c in columns])
                self._csv[table] = (fh, writer)
        if "parquet" in formats:
            self._columns = {t: {c.name: [] for c in cols} for t, cols in FLAT_TABLES.items()}

    def _open(self, target: Path) -> IO[str]:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=self.directory)
        self._tmp[target] = tmp
        return os.fdopen(fd, "w", encoding="utf-8", newline="")

    def add(self, record: Record) -> None:
        """Append one record's rows to every table."""
        for table, columns in FLAT_TABLES.items():
            rows = flat_rows(record, table)
            self.rows_written[table] += len(rows)
            if table in self._csv:
                self._csv[table][1].writerows(rows)
            if self._columns:
                store = self._columns[table]
                for row in rows:
                    for column, value in zip(columns, row):
                        store[column.name].append(value)

    write = add  # the sink interface shared with DatabaseWriter

    def close(self) -> None:
        """Finish every file and move it into place."""
        for fh, _ in self._csv.values():
            fh.close()
        if self._columns:
            self._write_parquet()
        for target, tmp in self._tmp.items():
            os.replace(tmp, target)
        self._tmp.clear()

    def abort(self) -> None:
        """Discard what was written; files from an earlier run stay."""
        for fh, _ in self._csv.values():
            fh.close()
        for tmp in self._tmp.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
        self._tmp.clear()

    def _write_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"text": pa.string(), "json": pa.string(), "integer": pa.int64(), "real": pa.float64(),
                 "ref": pa.int64()}
        for table, columns in FLAT_TABLES.items():
            schema = pa.schema([(c.name, types[c.kind]) for c in columns])
            data = pa.table({c.name: self._columns[table][c.name] for c in columns}, schema=schema)
            target = self.directory / f"{table}.parquet"
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=self.directory)
            os.close(fd)
            self._tmp[target] = tmp
            pq.write_table(data, tmp)

    def line(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in self.rows_written.items())
        return f"ocop_extract: {self.directory} ({'+'.join(self.formats)}): {counts}"

    def __enter__(self) -> "FlatWriter":
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
