"""Time budgets: a document that runs past its budget becomes an error record "timeout"; the batch goes on.

A document's budget grows with its size (`seconds_for`: `Options.time_budget`
seconds per 100 KB, and never less than that). `deadline` enforces it with a
timer signal in the process doing the work (a pool worker, or this process):
the signal interrupts Python code and the matching of both `re` and `regex`
patterns, so no pattern runs past the document's budget. Where no timer signal
can be set (a thread other than the main one, as on a dask worker; a platform
without `setitimer`), documents run without a budget.

>>> seconds_for(1_000, 5.0), seconds_for(1_000_000, 5.0), seconds_for(1_000, 0)
(5.0, 50.0, None)
>>> import time
>>> try:
...     with deadline(0.05):
...         time.sleep(1)
... except TimeBudgetExceeded as exc:
...     print(exc.kind, exc)
timeout the document ran past its time budget of 0.05 s
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import OcopExtractError


class TimeBudgetExceeded(OcopExtractError):
    """The document took longer than its time budget."""

    kind = "timeout"


class _Expired(BaseException):
    """Raised by the timer signal: not an `Exception`, so no `except Exception` on the way swallows it."""


_state = threading.local()


def seconds_for(size: int, per_100kb: float) -> float | None:
    """The budget of a document of `size` bytes, or None when budgets are off (`per_100kb` ≤ 0)."""
    if per_100kb <= 0:
        return None
    return max(per_100kb, per_100kb * size / 100_000)


def _expire(signum, frame) -> None:
    if getattr(_state, "armed", False):
        raise _Expired()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `TimeBudgetExceeded` if the block runs longer than `seconds` (None: no limit)."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and not getattr(_state, "armed", False))  # an outer deadline already runs: it stays in charge
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    _state.armed = True
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            yield
        finally:
            _state.armed = False  # from here the signal, if it still comes, raises nothing
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise TimeBudgetExceeded(f"the document ran past its time budget of {seconds:g} s") from None
    finally:
        signal.signal(signal.SIGALRM, previous)
