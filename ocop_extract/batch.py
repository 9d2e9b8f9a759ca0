"""Batch runs: find the documents under the given paths, process them in order, write JSON Lines.

Output order is the sorted order of the paths found, so two runs over the
same corpus write the same bytes. With an output file, records go to a
temporary file beside it that replaces the target only when the run ends,
so a reader never sees a half-written file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import OcopExtractError, UsageError
from .models import Record
from .options import DEFAULT_OPTIONS, Options
from .reader import read_file


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named, and every non-hidden file below every folder named, sorted.

    Raises `UsageError` for a path that does not exist.
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in path.rglob("*"):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in rel):
                    found.add(child)
        elif path.exists():
            found.add(path)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return sorted(found, key=lambda p: str(p))


def process_path(path: Path, options: Options = DEFAULT_OPTIONS) -> Record:
    """Read and process one file; unreadable files give an error record."""
    from .pipeline import error_record, process_bytes

    try:
        raw = read_file(path)
    except OcopExtractError as exc:
        return error_record(path.stem, str(path), exc)
    return process_bytes(raw.doc_id, raw.data, raw.path, options)


def record_line(record: Record) -> str:
    """One record as a JSON line (no trailing newline), keys in contract order."""
    return json.dumps(record.model_dump(mode="json", exclude_none=False), ensure_ascii=False)


@dataclass
class Summary:
    """What a run did, for the one-line report on stderr."""

    documents: int = 0
    targets: int = 0
    errors: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"ocop_extract: {self.documents} documents, {self.targets} targets, "
                f"{self.errors} errors, {self.seconds:.2f} s")


def run_batch(paths: Iterable[str | Path], out: IO[str], options: Options = DEFAULT_OPTIONS) -> Summary:
    """Process every document under `paths` and write one JSON line each to `out`."""
    started = time.perf_counter()
    summary = Summary()
    for record in iter_records(find_documents(paths), options):
        out.write(record_line(record) + "\n")
        summary.documents += 1
        summary.targets += len(record.targets)
        summary.errors += record.error is not None
    summary.seconds = time.perf_counter() - started
    return summary


def iter_records(files: list[Path], options: Options = DEFAULT_OPTIONS) -> Iterator[Record]:
    for path in files:
        yield process_path(path, options)


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


def run_to(paths: list[str], output: str | None, options: Options = DEFAULT_OPTIONS) -> Summary:
    """Run a batch to a file (atomically) or to stdout."""
    if output:
        with AtomicOutput(output) as fh:
            return run_batch(paths, fh, options)
    return run_batch(paths, sys.stdout, options)
