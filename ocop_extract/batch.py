"""Batch runs: find the documents under the given paths, process them in order, write JSON Lines.

Output order is the sorted order of the paths found, so two runs over the
same corpus write the same bytes, whatever the engine and however many
workers. Documents stream through an engine (`ocop_extract.engines`) in
small batches with a bounded number in flight; nothing holds the whole
corpus. With an output file, records go to ``FILE.part`` as they are made
and it becomes ``FILE`` only when the run ends (`ocop_extract.resume`), so a
reader never sees a half-written file and ``--resume`` can pick up a killed run.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Sequence

from .engines import Engine, default_workers, make_engine
from .engines.work import DocFunction, Done, Item, load_item, process_batch, record_line
from .errors import OcopExtractError, UsageError
from .models import Record
from .options import DEFAULT_BATCH, DEFAULT_OPTIONS, BatchOptions, Options
from .progress import Progress
from .reader import read_file


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named, and every non-hidden file below every folder named, sorted.

    Raises `UsageError` for a path that does not exist.
    """
    return [Path(p) for p in document_paths(paths)]


def document_paths(paths: Iterable[str | Path]) -> list[str]:
    """`find_documents` as strings: what a batch holds for each document (a few dozen bytes, not a Path)."""
    found: set[str] = set()
    for raw in paths:
        root = str(Path(raw))
        if os.path.isdir(root):
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                if root == ".":  # spelled as pathlib does: "a/b.txt", not "./a/b.txt"
                    folder = folder[2:]
                found.update(path for path in (os.path.join(folder, f) for f in files if not f.startswith("."))
                             if os.path.isfile(path))
        elif os.path.exists(root):
            found.add(root)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return sorted(found)


def process_path(path: Path, options: Options = DEFAULT_OPTIONS) -> Record:
    """Read and process one file; unreadable files give an error record."""
    from .pipeline import error_record, process_bytes

    try:
        raw = read_file(path)
    except OcopExtractError as exc:
        return error_record(path.stem, str(path), exc)
    return process_bytes(raw.doc_id, raw.data, raw.path, options)


@dataclass
class Summary:
    """What a run did, for the one-line report on stderr."""

    documents: int = 0
    targets: int = 0
    errors: int = 0
    seconds: float = 0.0
    resumed: int = 0  # documents whose records an earlier, interrupted run had written

    def line(self) -> str:
        resumed = f" ({self.resumed} resumed)" if self.resumed else ""
        return (f"ocop_extract: {self.documents} documents{resumed}, {self.targets} targets, "
                f"{self.errors} errors, {self.seconds:.2f} s")

    def add(self, done: Done) -> None:
        self.documents += 1
        self.targets += done.targets
        self.errors += done.error


def stream_lines(documents: Sequence[str | Path], engine: Engine, options: Options = DEFAULT_OPTIONS,
                 function: DocFunction | None = None, batch_size: int | None = None) -> Iterator[Done]:
    """Each document's processed line, in the order of `documents`, from whichever engine."""
    size = batch_size or engine.batch_size
    tasks = ((_items(documents[i:i + size], engine.ships_bytes), options, function)
             for i in range(0, len(documents), size))
    for batch in engine.map(process_batch, tasks):
        yield from batch


def _items(paths: Sequence[str | Path], ships_bytes: bool) -> list[Item]:
    return [load_item(str(p)) if ships_bytes else Item(str(p)) for p in paths]


def _open_engine(batch: BatchOptions, todo: int) -> Engine:
    """The engine for `todo` documents; a local pool never gets more workers than batches."""
    if batch.engine == "local" and not batch.scheduler:
        workers = default_workers() if batch.workers is None else batch.workers
        if workers < 1:
            raise UsageError("--workers must be at least 1")
        per_task = batch.batch_size or 8
        return make_engine("local", max(1, min(workers, math.ceil(todo / per_task))))
    return make_engine(batch.engine, batch.workers, batch.scheduler)


def _write(documents: Sequence[str], write: Callable[[str], None], summary: Summary,
           options: Options, batch: BatchOptions, function: DocFunction | None) -> None:
    """Process `documents` and hand each line to `write`, counting and drawing progress."""
    bar = Progress(total=summary.documents + len(documents), initial=summary.documents,
                   enabled=batch.progress)
    engine = _open_engine(batch, len(documents)) if documents else None
    try:
        for done in (stream_lines(documents, engine, options, function, batch.batch_size) if engine else ()):
            write(done.line)
            summary.add(done)
            bar.update(1, done.error)
    finally:
        bar.close()
        if engine is not None:
            engine.close()


def run_batch(paths: Iterable[str | Path], out: IO[str], options: Options = DEFAULT_OPTIONS,
              batch: BatchOptions = DEFAULT_BATCH, function: DocFunction | None = None) -> Summary:
    """Process every document under `paths` and write one JSON line each to `out`.

    `function` is the per-document function (default `pipeline.process_bytes`).
    """
    started = time.perf_counter()
    summary = Summary()
    _write(document_paths(paths), lambda line: out.write(line + "\n"), summary, options, batch, function)
    summary.seconds = time.perf_counter() - started
    return summary


def run_file(paths: Iterable[str | Path], output: str | Path, options: Options = DEFAULT_OPTIONS,
             batch: BatchOptions = DEFAULT_BATCH, function: DocFunction | None = None) -> Summary:
    """Process every document under `paths` into the file `output`, durably; resumable with `batch.resume`."""
    from .resume import PartOutput

    started = time.perf_counter()
    documents = document_paths(paths)
    out = PartOutput(output)
    prefix, complete = out.start(documents, batch.resume)
    summary = Summary(documents=prefix.done, targets=prefix.targets, errors=prefix.errors,
                      resumed=prefix.done)
    if not complete:
        try:
            _write(documents[prefix.done:], out.write, summary, options, batch, function)
            out.finish()
        finally:
            out.close()
    summary.seconds = time.perf_counter() - started
    return summary


def run_to(paths: list[str], output: str | None, options: Options = DEFAULT_OPTIONS,
           batch: BatchOptions = DEFAULT_BATCH) -> Summary:
    """Run a batch to a file (durably, resumably) or to stdout."""
    if output:
        return run_file(paths, output, options, batch)
    if batch.resume:
        raise UsageError("--resume needs an output file (-o FILE)")
    return run_batch(paths, sys.stdout, options, batch)




class AtomicOutput:
    """A text file written under a temporary name and moved into place on success."""

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self._fh: IO[str] | None = None
        self._tmp = ""

    def __enter__(self) -> IO[str]:
        directory = self.target.parent if str(self.target.parent) else Path(".")
        directory.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=directory)
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._fh

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        if exc_type is None:
            os.replace(self._tmp, self.target)
        else:
            os.unlink(self._tmp)


__all__ = ["AtomicOutput", "Summary", "document_paths", "find_documents", "process_path",
           "record_line", "run_batch", "run_file", "run_to", "stream_lines"]
