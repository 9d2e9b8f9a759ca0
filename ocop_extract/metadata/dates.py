"""Dates: a small Vietnamese date grammar ("ngày 08 tháng 4 năm 2022", "07/04/2023", "8-4-2022").

Day comes before month, always. A weekday ("Thứ năm", "Thứ 5", "Chủ nhật") is
recognised as a weekday and never read as a day of the month, the mistake a
generic parser makes on "Thứ năm 14/11/2024".

>>> parse_date("Quảng Nam, ngày 08 tháng 4 năm 2022")
'2022-04-08'
>>> parse_date("Thứ năm 14/11/2024 05:32")
'2024-11-14'
>>> [d.iso for d in find_dates("từ 01/8/2022 đến ngày 30-9-2022")]
['2022-08-01', '2022-09-30']
>>> find_dates("quý IV/2024, 19/60 sản phẩm, 31/02/2023")
[]
>>> find_dates("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27")[0].weekday
True
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..lexicon import load_lexicon

_WORDY = (
    r"(?:ngày\s+)?(?P<d1>\d{1,2})\s+tháng\s+(?P<m1>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y1>\d{4})"
)
_NUMERIC = (
    r"(?:ngày\s+)?(?P<d2>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4})"
)
DATE_RE = regex.compile(
    rf"(?<![\d/.\-])(?:{_WORDY}|{_NUMERIC})(?![\d]|[/.\-]\d)",
    regex.I,
)
# What every date holds from the day's last digit on: "tháng" and a digit, or a month between two
# like separators and a year. Text without it has no date, nor has any part of it.
_DATE_SHAPE = regex.compile(r"\d(?:\s+tháng\s+\d|\s*([/.\-])\s*\d\d?\s*\1\s*\d{4})", regex.I)
TIME_RE = regex.compile(r"(?<!\d)(?:[01]?\d|2[0-3])\s*(?::|h|giờ)\s*[0-5]\d(?::[0-5]\d)?(?!\d)", regex.I)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text (offsets into the string searched)."""

    start: int
    end: int
    iso: str
    weekday: bool = False  # a weekday name stands just before it (a clock or dateline)


@lru_cache(maxsize=1)
def _weekday_re() -> regex.Pattern:
    names = sorted(load_lexicon("metadata")["weekdays"], key=len, reverse=True)
    alt = "|".join(regex.escape(n) for n in names)
    return regex.compile(rf"(?:{alt})\s*[,.\-|]?\s*(?:ngày\s*)?$", regex.I)


def make_iso(day: int, month: int, year: int, lo: int = 1945, hi: int = 2100) -> Optional[str]:
    """ISO date when the parts form a real calendar date in range, else None.

    >>> make_iso(29, 2, 2024), make_iso(29, 2, 2023)
    ('2024-02-29', None)
    """
    if not lo <= year <= hi:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def year_of(iso: Optional[str]) -> Optional[int]:
    """The year of an ISO date (as `make_iso` writes it), or None.

    >>> year_of("2024-05-25"), year_of(None)
    (2024, None)
    """
    return _dt.date.fromisoformat(iso).year if iso else None


def may_hold_date(text: str) -> bool:
    """False when neither `text` nor any part of it holds a date (a quick test).

    >>> may_hold_date("19/60 sản phẩm, 1.245 lượt xem"), may_hold_date("ngày 8 tháng 4")
    (False, True)
    """
    return _DATE_SHAPE.search(text) is not None


def find_dates(text: str) -> list[DateMatch]:
    """All valid dates in `text`, left to right."""
    out: list[DateMatch] = []
    if not may_hold_date(text):
        return out
    for m in DATE_RE.finditer(text):
        if m.group("d1"):
            d, mo, y = m.group("d1"), m.group("m1"), m.group("y1")
        else:
            d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
        iso = make_iso(int(d), int(mo), int(y))
        if iso is None:
            continue
        before = text[max(0, m.start() - 16):m.start()]
        out.append(DateMatch(m.start(), m.end(), iso, bool(_weekday_re().search(before))))
    return out


def parse_date(text: str) -> Optional[str]:
    """ISO form of the first date in `text`, or None."""
    found = find_dates(text)
    return found[0].iso if found else None
