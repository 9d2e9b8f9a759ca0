"""Deadlines: a day by which something is to be done ("trước ngày 31/01/2025", "chậm nhất 15/11"),
still ahead of the day the text is dated, makes the figure of its clause a task, whatever the
heading above says ("Hoàn thành chỉ tiêu trước ngày 15/11" under a six-month review).

>>> from ocop_extract.targets.context import DocYears
>>> july = DocYears(default=2024, plan_start=2024, this_year=2024, posted=(7, 10))
>>> t = "giải ngân 100% kế hoạch vốn năm 2024 trước ngày 31/01/2025"
>>> deadline_ahead(t, 0, len(t), july)
'trước ngày 31/01/2025'
>>> t = "hoàn thành trước ngày 30/6"
>>> deadline_ahead(t, 0, len(t), july) is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .context import DocYears

DEADLINE = regex.compile(r"(?<![\p{L}])(?:trước|chậm\s+nhất(?:\s+(?:là|vào))?|hạn\s+chót)\s+(?:ngày\s+)?"
                         r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>(?:19|20)\d{2}))?(?![\d/])", regex.I)


def deadline_ahead(text: str, start: int, end: int, years: "DocYears") -> str | None:
    """The first deadline in text[start:end] still ahead of the day the text is dated, or None.

    A news text's day is the one it was posted; an official text, which sets deadlines rather than
    reports them, takes any deadline of its own year or later as ahead.
    """
    if years.this_year is None:
        return None
    for m in DEADLINE.finditer(text, start, end):
        year = int(m["y"]) if m["y"] else years.this_year
        day = (year, int(m["m"]), int(m["d"]))
        now = (years.this_year, *years.posted) if years.posted else (years.this_year, 1, 1)
        if day > now:
            return m.group()
    return None
