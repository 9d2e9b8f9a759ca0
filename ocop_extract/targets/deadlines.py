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
>>> t = "Cụ thể: đến cuối năm 2024, xã Phương Bình được công nhận đạt chuẩn"
>>> year_end_ahead(t, 0, len(t), july).group(), year_end_ahead(t, 0, len(t), DocYears(2024, 2024, 2024, posted=(12, 20)))
('đến cuối năm 2024', None)
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
    now = (years.this_year, *years.posted) if years.posted else (years.this_year, 1, 1)
    for m in DEADLINE.finditer(text, start, end):
        if (int(m["y"]) if m["y"] else years.this_year, int(m["m"]), int(m["d"])) > now:
            return m.group()
    return None


# the end of a year: "đến cuối năm 2023", "đến hết năm nay", "trước cuối năm 2024"
YEAR_END = regex.compile(r"(?<![\p{L}])(?:đến|tới|trước)\s+(?:hết|cuối)\s+năm\s+(?:(?P<y>(?:19|20)\d{2})|nay)(?![\d\p{L}])", regex.I)
_QUARTER_LEFT = 9  # a text posted by the end of this month still has the year's end ahead of it


def year_end_ahead(text: str, start: int, end: int, years: "DocYears") -> regex.Match | None:
    """The last end of the text's own year said in text[start:end] while most of a quarter of that year was still
    to come when a news text was posted ("đến cuối năm 2023, xã … được công nhận" in July 2023), or None."""
    if years.posted is None or years.this_year is None or years.posted[0] > _QUARTER_LEFT:
        return None
    found = [m for m in YEAR_END.finditer(text, start, end) if not m["y"] or int(m["y"]) == years.this_year]
    return found[-1] if found else None
