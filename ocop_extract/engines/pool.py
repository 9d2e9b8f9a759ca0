"""The local engine: a `multiprocessing` pool of worker processes on this machine.

Workers get paths and read the files themselves, so only short strings go
out and JSON lines come back. Results come back in submission order through
`ordered_window`, with a few batches per worker in flight: enough to keep
every worker busy, few enough that memory does not grow with the corpus.

Start method: "fork" where the platform has it, after loading the pipeline
once in this process, so workers start warm and share its pages; the code
is spawn-safe (top-level functions, plain data), and `start_method="spawn"`
works too.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from typing import Any, Callable, Iterable, Iterator

from . import ordered_window

# Tasks in flight per worker: enough that a worker never waits while its last result travels.
_IN_FLIGHT_PER_WORKER = 3
# Tasks a forked worker runs before a fresh one takes its place (64 batches: 2,048 documents).
_TASKS_PER_WORKER = 64


class PoolEngine:
    """Runs tasks on `workers` local processes."""

    ships_bytes = False
    batch_size = 32  # documents per task: fewer tasks, less work for this process to hand out and collect

    def __init__(self, workers: int, start_method: str | None = None):
        if start_method is None:
            start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if start_method == "fork":
            warm_up()
            # what the workers inherit is left out of their garbage collections: fewer pages copied, less work
            gc.freeze()
        context = multiprocessing.get_context(start_method)
        self.workers = workers
        # a forked worker is cheap to replace: a fresh one every few thousand documents keeps
        # the workers' memory and speed what they were at the start, however long the run
        recycle = _TASKS_PER_WORKER if start_method == "fork" else None
        self._pool = context.Pool(workers, initializer=_worker_init, initargs=(os.getpid(),),
                                  maxtasksperchild=recycle)

    def map(self, function: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        return ordered_window(lambda task: self._pool.apply_async(function, task),
                              lambda pending: pending.get(),
                              tasks, self.workers * _IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


def warm_up() -> None:
    """Load the pipeline (and whatever its extractors load lazily) by running one small document."""
    from .work import Item, process_item

    process_item(Item("warm-up.txt", "Kế hoạch số 01/KH-UBND ngày 05/3/2024: 20 sản phẩm OCOP.\n".encode()))


def _worker_init(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and exit when the parent is gone.

    The parent handles an interrupt (it keeps ``FILE.part`` for --resume and
    stops the pool); a parent killed outright must not leave orphans behind.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="ocop-parent-watch", daemon=True).start()
