"""Containment: a failure while reading one item costs that item, never the document.

The places that read a document item by item (each quantity, each target, each
table, each metadata field) run the reading of one item inside `guard` (or call
it through `contained`). When it raises, the item is left out and the record's
`warnings` get a note naming the rule and the characters it was reading; the
rest of the document is read as usual. The pipeline opens the collector
(`collecting`) for each document; outside one, a failure propagates, so a
direct caller (a unit test, a script) still sees the bug.

>>> def reader(text):
...     return 1 / len(text.strip())
>>> with collecting() as notes:
...     got = contained("share", "dự chi  ", 6, 8, reader, "  ")
>>> got, notes
(None, ["share: ZeroDivisionError (division by zero) on characters 6-8 '  ': left out"])
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, Optional, TypeVar

T = TypeVar("T")

_NOTES: ContextVar[Optional[list[str]]] = ContextVar("ocop_extract_contain_notes", default=None)
_QUOTE = 80  # characters of the item quoted in a note


@contextmanager
def collecting() -> Iterator[list[str]]:
    """Collect the notes of the items left out while the block runs (one document)."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


class guard:  # noqa: N801 - used as a statement: `with guard("target", text, start, end):`
    """Run a block that reads one item; if it raises inside `collecting`, note it and go on."""

    __slots__ = ("rule", "text", "start", "end")

    def __init__(self, rule: str, text: str, start: int = 0, end: int | None = None):
        self.rule, self.text, self.start, self.end = rule, text, start, end

    def __enter__(self) -> "guard":
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False
        notes = _NOTES.get()
        if notes is None:
            return False  # no document is being collected: let the caller see the failure
        notes.append(note(self.rule, exc, self.text, self.start, self.end))
        return True


def contained(rule: str, text: str, start: int, end: int | None,
              function: Callable[..., T], *args) -> T | None:
    """`function(*args)`, or None (with a note) when it raises while reading text[start:end]."""
    with guard(rule, text, start, end):
        return function(*args)
    return None


def note(rule: str, exc: BaseException, text: str, start: int = 0, end: int | None = None) -> str:
    """The warning for an item left out: the rule, the failure and the characters.

    >>> note("quantity", ValueError("bad"), "Hỗ trợ 5 - 0 triệu đồng", 7, 23)
    "quantity: ValueError (bad) on characters 7-23 '5 - 0 triệu đồng': left out"
    """
    end = len(text) if end is None else end
    quote = text[start:min(end, start + _QUOTE)] + ("…" if end - start > _QUOTE else "")
    message = str(exc)[:_QUOTE]
    said = f"{type(exc).__name__} ({message})" if message else type(exc).__name__
    return f"{rule}: {said} on characters {start}-{end} {quote!r}: left out"
