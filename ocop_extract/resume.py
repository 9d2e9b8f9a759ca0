"""Output that survives a kill: records go to ``FILE.part``, which becomes ``FILE`` only when the run ends.

Records are appended in the run's order (documents sorted by path), each
flushed to the operating system as it is written and fsynced every couple of
seconds, so after a kill ``FILE.part`` holds a prefix of the finished output,
perhaps with a torn last line. ``FILE`` itself is only ever replaced whole
(`os.replace`), so no reader sees it half-written.

Resuming keeps the longest prefix of ``FILE.part`` that is still right: line
*i* must be a whole JSON record for the *i*-th document, with the same path
and the same content hash (``source.sha256``, read afresh from the file).
Lines and documents are read side by side, so the documents may be a stream.
The first line that is torn, stale or out of place ends the prefix; the file
is cut there and the run goes on from that document. So the finished file is
byte for byte the output of an uninterrupted run, nothing lost and nothing
doubled, even when documents changed, appeared or vanished in between. When
there is no ``FILE.part`` but a finished ``FILE``, that is checked the same
way: if it is complete and current, there is nothing to do.

A resumed run must use the same options (``--explain``) and version as the
run it continues; the records do not say which were used.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import UsageError


@dataclass
class Prefix:
    """The part of an earlier output that a resumed run keeps."""

    done: int = 0      # documents whose records are kept
    offset: int = 0    # bytes those records take
    targets: int = 0
    errors: int = 0


def part_path(target: str | Path) -> Path:
    """Where the output is written until the run finishes: ``FILE.part``."""
    return Path(f"{target}.part")


def file_sha256(path: str | Path) -> str | None:
    """The content hash a record of `path` would carry; None when it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def verified_prefix(output: Path, documents: Iterable[str | Path]) -> tuple[Prefix, Iterator[str | Path]]:
    """The longest prefix of `output` whose lines are current records of `documents`, in order; and the rest.

    Line *i* is checked against the *i*-th document as both are read, so
    `documents` may be a stream. The rest starts with the first document
    whose line failed (or that had no line) and goes on with those not read.
    """
    prefix = Prefix()
    rest = iter(documents)
    with open(output, "rb") as fh:
        for raw in fh:
            path = next(rest, None)
            if path is None:
                break
            record = _current_record(raw, path)
            if record is None:
                return prefix, itertools.chain([path], rest)
            prefix.done += 1
            prefix.offset += len(raw)
            prefix.targets += len(record.get("targets") or ())
            prefix.errors += record.get("error") is not None
    return prefix, rest


def _current_record(raw: bytes, path: str | Path) -> dict | None:
    """The record on the line `raw` when it is whole and of `path` as the file is now; else None."""
    if not raw.endswith(b"\n"):
        return None
    try:
        record = json.loads(raw)
        source = record["source"]
        if source["path"] != str(path) or source.get("sha256") != file_sha256(path):
            return None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return record


def _remaining(documents: Iterator[str | Path]) -> Iterator[str | Path] | None:
    """`documents` as they were, or None when there are none left."""
    first = next(documents, None)
    return None if first is None else itertools.chain([first], documents)


class PartOutput:
    """JSON Lines written durably to ``FILE.part`` and moved to ``FILE`` by `finish`."""

    def __init__(self, target: str | Path, fsync_seconds: float = 2.0):
        self.target = Path(target)
        self.part = part_path(self.target)
        self.fsync_seconds = fsync_seconds
        self._fh: IO[bytes] | None = None
        self._synced = time.monotonic()

    def start(self, documents: Iterable[str | Path],
              resume: bool) -> tuple[Prefix, Iterator[str | Path], bool]:
        """Open for writing; return what is kept from before, the documents still to do, and whether
        `FILE` is already complete (then nothing is opened)."""
        self.part.parent.mkdir(parents=True, exist_ok=True)
        prefix, rest = Prefix(), iter(documents)
        if resume and not self.part.exists() and self.target.exists():
            prefix, rest = verified_prefix(self.target, rest)
            remaining = _remaining(rest)
            if remaining is None and prefix.offset == self.target.stat().st_size:
                return prefix, iter(()), True
            rest = remaining or iter(())
            _copy_head(self.target, self.part, prefix.offset)
        elif resume and self.part.exists():
            prefix, rest = verified_prefix(self.part, rest)
        self._fh = open(self.part, "ab")  # appending: nothing is cut before the lock is held
        _lock(self._fh, self.target)
        self._fh.truncate(prefix.offset)
        return prefix, rest, False

    def write(self, line: str) -> None:
        """Append one record; it reaches the operating system at once, the disk within seconds."""
        assert self._fh is not None
        self._fh.write(line.encode("utf-8") + b"\n")
        self._fh.flush()
        if time.monotonic() - self._synced > self.fsync_seconds:
            os.fsync(self._fh.fileno())
            self._synced = time.monotonic()

    def finish(self) -> None:
        """Make the output durable and move it into place as `FILE`."""
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        os.replace(self.part, self.target)
        self._fh.close()
        self._fh = None
        _fsync_dir(self.target.parent)

    def close(self) -> None:
        """Stop without finishing: ``FILE.part`` stays for ``--resume``."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _copy_head(source: Path, dest: Path, size: int) -> None:
    with open(source, "rb") as src, open(dest, "wb") as out:
        remaining = size
        while remaining:
            chunk = src.read(min(remaining, 1 << 20))
            if not chunk:
                break
            out.write(chunk)
            remaining -= len(chunk)


def _lock(fh: IO[bytes], target: Path) -> None:
    """One run per output file: a second one would interleave records."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.close()
        raise UsageError(f"another run is writing {target} (its .part file is locked)") from exc


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory if str(directory) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["PartOutput", "Prefix", "file_sha256", "part_path", "verified_prefix"]
