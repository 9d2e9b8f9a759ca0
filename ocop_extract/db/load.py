"""The `--db`, `--csv` and `--parquet` options of a run: open the sinks, run the batch, report.

    python -m ocop_extract corpus/ --db sqlite:///ocop.db
    python -m ocop_extract corpus/ --db postgresql://etl@db.example/ocop --csv out/flat
"""

from __future__ import annotations

import time
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol

from ..batch import AtomicOutput, Summary, run_batch
from ..models import Record
from ..options import DEFAULT_BATCH, DEFAULT_OPTIONS, BatchOptions, Options
from .export import FlatWriter
from .writer import DatabaseWriter, WriteReport


class RecordSink(Protocol):
    """Anything that takes records one at a time: `DatabaseWriter`, `FlatWriter`."""

    def write(self, record: Record) -> object: ...


class _Fanout:
    """The text stream `batch.run_batch` writes to: each JSON line becomes a record for every sink."""

    def __init__(self, sinks: list[RecordSink], out) -> None:
        self.sinks, self.out = sinks, out

    def write(self, text: str) -> None:
        if self.out is not None:
            self.out.write(text)
        record = Record.model_validate_json(text)
        for sink in self.sinks:
            sink.write(record)


def run_into(paths: Iterable[str | Path], sinks: Iterable[RecordSink], output: str | None = None,
             options: Options = DEFAULT_OPTIONS, batch: BatchOptions = DEFAULT_BATCH) -> Summary:
    """Run a batch and hand every record to each sink's `write(record)`, in the batch's order.

    The documents go through the same engine as a plain run (`--workers`), and
    the sinks see the records in path order. With `output`, the JSON Lines are
    written there too, from the same run (atomically); without it nothing goes
    to stdout. Closing the sinks is the caller's business.
    """
    started = time.perf_counter()
    with AtomicOutput(output) if output else nullcontext() as out:
        summary = run_batch(paths, _Fanout(list(sinks), out), options, batch)
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class LoadResult:
    """What a run with sinks did: the batch summary, the database report, and lines for stderr."""

    summary: Summary
    database: WriteReport | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every document was read and written."""
        return not self.summary.errors and not (self.database and self.database.failed)


def run_load(paths: list[str], db_url: str | None = None, csv_dir: str | None = None,
             parquet_dir: str | None = None, output: str | None = None,
             options: Options = DEFAULT_OPTIONS, batch: BatchOptions = DEFAULT_BATCH) -> LoadResult:
    """Process the documents under `paths` into a database and/or flat files (and JSON Lines with `output`)."""
    flat: dict[Path, tuple[str, ...]] = {}
    for directory, fmt in ((csv_dir, "csv"), (parquet_dir, "parquet")):
        if directory:
            flat[Path(directory)] = flat.get(Path(directory), ()) + (fmt,)
    with ExitStack() as stack:
        writers = []
        database = None
        if db_url:
            database = stack.enter_context(DatabaseWriter(db_url))
            writers.append(database)
        flat_writers = [stack.enter_context(FlatWriter(d, fmts)) for d, fmts in flat.items()]
        writers += flat_writers
        summary = run_into(paths, writers, output, options, batch)
    result = LoadResult(summary, database.report if database else None)
    if database:
        result.lines.append(database.line())
        result.lines += [f"ocop_extract: {doc_id}: not written: {reason}" for doc_id, reason in database.report.failed]
        result.lines.append(f"ocop_extract: {database.db.url}: indicators table rebuilt, {database.indicator_rows} rows")
    result.lines += [w.line() for w in flat_writers]
    return result
