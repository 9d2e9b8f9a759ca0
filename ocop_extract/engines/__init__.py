"""Engines: where the per-document work runs. One interface, three places.

An engine maps `work.process_batch` over batches of documents and gives the
results back in submission order, keeping only a bounded window of batches in
flight, so memory stays flat however large the corpus:

- `SerialEngine`: in this process (one worker);
- `PoolEngine`: a local `multiprocessing` pool (``--workers N``);
- `DaskEngine`: a dask.distributed cluster (``--engine dask --scheduler ADDRESS``).

Every engine runs the same pure function on the same batches, so all three
write the same bytes.

>>> engine = SerialEngine()
>>> list(engine.map(pow, [(2, 3), (3, 2)]))
[8, 9]
"""

from __future__ import annotations

import gc
import os
from collections import deque
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import UsageError


class Engine(Protocol):
    """What the batch runner needs of an engine."""

    # True when the engine's workers cannot be assumed to see this machine's
    # files, so the runner sends each document's bytes rather than its path.
    ships_bytes: bool
    # Documents per task and tasks in flight; chosen by each engine.
    batch_size: int

    def map(self, function: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        """`function(*task)` for every task, results in task order."""

    def close(self) -> None:
        """Release workers and connections."""


def ordered_window(submit: Callable[[tuple], Any], result: Callable[[Any], Any],
                   tasks: Iterable[tuple], window: int) -> Iterator[Any]:
    """Submit tasks keeping at most `window` in flight; yield their results in order.

    >>> list(ordered_window(lambda t: t[0] * 2, lambda r: r, [(1,), (2,), (3,)], 2))
    [2, 4, 6]
    """
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class SerialEngine:
    """Runs every task in this process, one after another."""

    ships_bytes = False
    batch_size = 16

    def map(self, function: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        from .pool import warm_up

        warm_up()  # what loads once is not charged to the first document's time budget
        for i, task in enumerate(tasks):
            yield function(*task)
            if i == 0:
                # what the first batch loaded (patterns, gazetteer) lives as long as the run:
                # leave it out of the garbage collector's scans
                gc.freeze()

    def close(self) -> None:
        pass


def default_workers() -> int:
    """The machine's cores available to this process."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_engine(name: str = "local", workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine a command line asks for; `UsageError` when the request cannot work."""
    if name == "local":
        if scheduler:
            raise UsageError("--scheduler goes with --engine dask")
        workers = default_workers() if workers is None else workers
        if workers < 1:
            raise UsageError("--workers must be at least 1")
        if workers == 1:
            return SerialEngine()
        from .pool import PoolEngine

        return PoolEngine(workers)
    if name == "dask":
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
        from .cluster import DaskEngine

        return DaskEngine(scheduler)
    raise UsageError(f"unknown engine: {name}")


__all__ = ["Engine", "SerialEngine", "default_workers", "make_engine", "ordered_window"]
