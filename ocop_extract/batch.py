"""Batch runs: find the documents under the given paths, process them in order, write JSON Lines.

Output order is the sorted order of the paths found, so two runs over the
same corpus write the same bytes, whatever the engine and however many
workers. The paths are found in that order as they are needed
(`iter_document_paths`), and documents stream through an engine
(`ocop_extract.engines`) in small batches with a bounded number in flight;
nothing holds the whole corpus, nor its list of paths. With an output file,
records go to ``FILE.part`` as they are made and it becomes ``FILE`` only
when the run ends (`ocop_extract.resume`), so a reader never sees a
half-written file and ``--resume`` can pick up a killed run.
"""

from __future__ import annotations

import heapq
import itertools
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
    return [Path(p) for p in iter_document_paths(paths)]


def document_paths(paths: Iterable[str | Path]) -> list[str]:
    """`find_documents` as strings, in a list; a batch run streams them instead (`iter_document_paths`)."""
    return list(iter_document_paths(paths))


def iter_document_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """The paths of `find_documents`, one at a time, in the same order, each once.

    Every root is checked at once: `UsageError` for one that does not exist
    comes before any path. The walk then holds one folder's listing per level
    it is in, never the whole list. Hidden files and folders are skipped (not
    the roots themselves); links to files are followed, links to folders are
    not. Paths are spelled from their root as given, less a leading ``./``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as top:
    ...     for name in ("b.txt", "a/x.txt", "a-b.txt", "a/.y.txt", ".git/z.txt"):
    ...         Path(top, name).parent.mkdir(exist_ok=True)
    ...         _ = Path(top, name).write_text("Kế hoạch")
    ...     [os.path.relpath(p, top) for p in iter_document_paths([top, Path(top, "b.txt"), top])]
    ['a-b.txt', 'a/x.txt', 'b.txt']
    """
    roots = [_existing_root(raw) for raw in paths]
    return _once_each(heapq.merge(*(_paths_under(root) for root in roots)))


def count_documents(paths: Iterable[str | Path]) -> int:
    """How many documents `iter_document_paths` yields, counted without keeping them."""
    return sum(1 for _ in iter_document_paths(paths))


def _existing_root(raw: str | Path) -> str:
    root = str(Path(raw))
    if not os.path.exists(root):
        raise UsageError(f"no such file or folder: {raw}")
    return root


def _paths_under(root: str) -> Iterator[str]:
    """`root` itself when it is a file, else the files below it in sorted order."""
    if not os.path.isdir(root):
        return iter([root])
    return _walk_sorted("" if root == "." else os.path.join(root, ""))  # "a/b.txt", not "./a/b.txt"


def _walk_sorted(top: str) -> Iterator[str]:
    """The files below the folder spelled `top` (ending in "/", or "" for "."), depth first, in sorted order.

    A folder's entries are visited in the order of their keys, ``name/`` for
    a folder and ``name`` for a file (`_listing`). Every path below folder
    ``d`` is ``d/…``, and no name holds a "/", so all of them sort just where
    the key ``d/`` does among its siblings: the full paths come out in the
    order `sorted` would give them.
    """
    stack = [(top, iter(_listing(top)))]
    while stack:
        prefix, keys = stack[-1]
        key = next(keys, None)
        if key is None:
            stack.pop()
        elif key.endswith("/"):
            stack.append((prefix + key, iter(_listing(prefix + key))))
        else:
            yield prefix + key


def _listing(folder: str) -> list[str]:
    """The sorted keys of what a batch visits in `folder`; none when it cannot be read (as `os.walk`)."""
    try:
        with os.scandir(folder or ".") as entries:
            keys = [key for key in map(_entry_key, entries) if key is not None]
    except OSError:
        return []
    keys.sort()
    return keys


def _entry_key(entry: os.DirEntry) -> str | None:
    """``name/`` for a folder to walk, ``name`` for a file, None for what is skipped."""
    if entry.name.startswith("."):
        return None
    try:
        folder = entry.is_dir()
    except OSError:
        folder = False
    if folder:
        return None if entry.is_symlink() else entry.name + "/"
    return entry.name if entry.is_file() else None


def _once_each(paths: Iterable[str]) -> Iterator[str]:
    """A sorted stream without its repeats.

    >>> list(_once_each(["a", "a", "b", "c", "c"]))
    ['a', 'b', 'c']
    """
    previous = None
    for path in paths:
        if path != previous:
            yield path
        previous = path


def process_path(path: Path, options: Options = DEFAULT_OPTIONS) -> Record:
    """Read and process one file; unreadable files give an error record."""
    from .pipeline import error_record, process_bytes, save_text

    try:
        raw = read_file(path)
    except OcopExtractError as exc:
        return error_record(path.stem, str(path), exc)
    record = process_bytes(raw.doc_id, raw.data, raw.path, options)
    if options.indicators:
        from .engines.work import annotate_bytes

        record = annotate_bytes(record, raw.data, options)
    save_text(record, raw.data, options)
    return record


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


def stream_lines(documents: Iterable[str | Path], engine: Engine, options: Options = DEFAULT_OPTIONS,
                 function: DocFunction | None = None, batch_size: int | None = None) -> Iterator[Done]:
    """Each document's processed line, in the order of `documents`, from whichever engine.

    `documents` is read a batch at a time, as the engine asks for work.
    """
    size = batch_size or engine.batch_size
    tasks = ((_items(chunk, engine.ships_bytes), options, function) for chunk in _chunks(documents, size))
    for batch in engine.map(process_batch, tasks):
        yield from batch


def _chunks(items: Iterable[str | Path], size: int) -> Iterator[list[str | Path]]:
    """`items` in lists of `size`, read as they are asked for.

    >>> list(_chunks(iter("abcde"), 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    rest = iter(items)
    while chunk := list(itertools.islice(rest, size)):
        yield chunk


def _items(paths: Sequence[str | Path], ships_bytes: bool) -> list[Item]:
    return [load_item(str(p)) if ships_bytes else Item(str(p)) for p in paths]


def _peek(items: Iterator[str], count: int) -> tuple[list[str], Iterator[str]]:
    """The first `count` of `items` (fewer if there are fewer), and all of `items` again.

    >>> head, items = _peek(iter("abc"), 2)
    >>> head, list(items)
    (['a', 'b'], ['a', 'b', 'c'])
    """
    head = list(itertools.islice(items, count))
    return head, itertools.chain(head, items)


def _pool_batch_size() -> int:
    from .engines.pool import PoolEngine

    return PoolEngine.batch_size


def _open_engine(batch: BatchOptions, documents: Iterator[str]) -> tuple[Engine | None, Iterator[str]]:
    """The engine for `documents` (None when there are none), and the documents to give it.

    A local pool never gets more workers than batches: the first ``workers ×
    batch size`` paths are read ahead to tell, then handed on with the rest.
    """
    local = batch.engine == "local" and not batch.scheduler
    workers = (default_workers() if batch.workers is None else batch.workers) if local else 1
    per_task = batch.batch_size or _pool_batch_size()
    head, documents = _peek(documents, max(workers, 1) * per_task)
    if not head:
        return None, documents
    if not local:
        return make_engine(batch.engine, batch.workers, batch.scheduler), documents
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    return make_engine("local", min(workers, math.ceil(len(head) / per_task))), documents


def _write(documents: Iterator[str], count: Callable[[], int], write: Callable[[str], None], summary: Summary,
           options: Options, batch: BatchOptions, function: DocFunction | None) -> None:
    """Process `documents` and hand each line to `write`, counting and drawing progress.

    `count` gives the run's whole number of documents (resumed ones too); it
    is called only when the progress bar is drawn.
    """
    bar = Progress(total=count, initial=summary.documents, enabled=batch.progress)
    engine, documents = _open_engine(batch, documents)
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
    roots = list(paths)  # walked again if the progress bar needs a count
    summary = Summary()
    _write(iter_document_paths(roots), lambda: count_documents(roots), lambda line: out.write(line + "\n"),
           summary, options, batch, function)
    summary.seconds = time.perf_counter() - started
    return summary


def run_file(paths: Iterable[str | Path], output: str | Path, options: Options = DEFAULT_OPTIONS,
             batch: BatchOptions = DEFAULT_BATCH, function: DocFunction | None = None) -> Summary:
    """Process every document under `paths` into the file `output`, durably; resumable with `batch.resume`."""
    from .resume import PartOutput

    started = time.perf_counter()
    roots = list(paths)  # walked again if the progress bar needs a count
    out = PartOutput(output)

    def documents() -> Iterator[str]:
        return _skipping(iter_document_paths(roots), out.part)

    prefix, rest, complete = out.start(documents(), batch.resume)
    summary = Summary(documents=prefix.done, targets=prefix.targets, errors=prefix.errors,
                      resumed=prefix.done)
    if not complete:
        try:
            _write(rest, lambda: sum(1 for _ in documents()), out.write, summary, options, batch, function)
            out.finish()
        finally:
            out.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _skipping(paths: Iterator[str], own: Path) -> Iterator[str]:
    """`paths` less the file `own`: a run's ``FILE.part``, which the walk finds when it is in a folder being read.

    Paths are read as the run goes, so the walk may reach the folder after the
    run has made its ``.part`` file; it is never one of the documents.
    """
    for path in paths:
        if os.path.basename(path) == own.name and _same_file(path, own):
            continue
        yield path


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


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


__all__ = ["AtomicOutput", "Summary", "count_documents", "document_paths", "find_documents",
           "iter_document_paths", "process_path", "record_line", "run_batch", "run_file", "run_to",
           "stream_lines"]
