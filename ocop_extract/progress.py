"""A progress bar on stderr (documents, rate, errors) when stderr is a terminal; silence otherwise.

The total may be a function that counts, called only when the bar is drawn:

>>> def count() -> int:
...     raise AssertionError("no bar, so no count")
>>> bar = Progress(total=count, enabled=False)
>>> bar.update(2, errors=1)
>>> bar.close()
"""

from __future__ import annotations

import sys
from typing import IO, Any, Callable


class Progress:
    """Counts documents as they are written; draws with tqdm only when asked or on a terminal."""

    def __init__(self, total: int | Callable[[], int], initial: int = 0, enabled: bool | None = None,
                 stream: IO[str] | None = None):
        stream = stream or sys.stderr
        if enabled is None:
            enabled = _isatty(stream)
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            if callable(total):
                total = total()
            self._bar = tqdm(total=total, initial=initial, unit="doc", file=stream,
                             dynamic_ncols=True, smoothing=0.1, desc="ocop_extract")
            self._bar.set_postfix(errors=0, refresh=False)
        self._errors = 0

    def update(self, documents: int, errors: int = 0) -> None:
        """`documents` more are written, `errors` of them error records."""
        if self._bar is None:
            return
        if errors:
            self._errors += errors
            self._bar.set_postfix(errors=self._errors, refresh=False)
        self._bar.update(documents)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
