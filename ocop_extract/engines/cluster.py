"""The cluster engine: the same batches, mapped over a dask.distributed cluster.

    python -m ocop_extract corpus/ -o out.jsonl --engine dask --scheduler tcp://HOST:8786

This process reads the documents and ships their bytes with each task, so
the cluster's workers need `ocop_extract` installed but not this machine's
files. Results are gathered in submission order with a bounded window of
tasks in flight (two per worker thread), so the output is the one a local
run writes and neither side holds the whole corpus.

Needs the optional extra: ``pip install 'ocop_extract[cluster]'``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from ..errors import UsageError
from . import ordered_window

_IN_FLIGHT_PER_THREAD = 2


class DaskEngine:
    """Runs tasks on a dask.distributed cluster reached at `scheduler` (an address or a `Client`)."""

    ships_bytes = True
    batch_size = 32

    def __init__(self, scheduler: Any, timeout: float = 30.0):
        try:
            from distributed import Client
        except ImportError as exc:
            raise UsageError("the dask engine needs dask.distributed: pip install 'ocop_extract[cluster]'") from exc
        if isinstance(scheduler, Client):
            self.client, self._own = scheduler, False
        else:
            try:
                self.client = Client(scheduler, timeout=timeout, set_as_default=False)
            except OSError as exc:
                raise UsageError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from exc
            self._own = True

    def window(self) -> int:
        """Tasks in flight: a couple per worker thread of the cluster as it is now."""
        threads = sum(self.client.nthreads().values()) or 1
        return threads * _IN_FLIGHT_PER_THREAD

    def map(self, function: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        return ordered_window(lambda task: self.client.submit(function, *task, pure=False),
                              _result_and_release, tasks, self.window())

    def close(self) -> None:
        if self._own:
            self.client.close()


def _result_and_release(future: Any) -> Any:
    result = future.result()
    future.release()
    return result
