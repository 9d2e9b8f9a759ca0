"""Running periods: a span of months or of the year said without its year, which means the
document's own ("9 tháng qua", "Cũng trong 9 tháng", "6 tháng đầu năm", "trong năm", "Từ đầu năm",
"tháng 7 vừa qua"), read by `time_scope`; a year after one ("9 tháng đầu năm 2024") makes it a
year expression instead. The words are lexicon `months`.
"""

from __future__ import annotations

import re

from ..phrases import alternation
from .cues import cues
from .numbers import parse_words


def _running() -> "re.Pattern[str]":
    """A running period said without its year, which means the document's own: "9 tháng qua", "Cũng
    trong 9 tháng", "6 tháng đầu năm", "trong năm", "Từ đầu năm", "tháng 7 vừa qua" (a year after it makes it a
    year expression instead;
    lexicon `months`)."""
    lex = cues()["months"]
    counts, closing, other_year = (alternation(lex[key]) for key in ("counts", "closing", "year_after"))
    # (months of one year, not a term: "thời hạn công nhận là 36 tháng")
    return re.compile(rf"(?:1[0-2]|0?[1-9]|{counts})\s+tháng(?:\s+{closing})?"
                      rf"(?!\s*(?:đầu\s+)?năm\s+(?:\d|{other_year}))(?![ \t]*/|[ \t]+\d|\w)"
                      rf"|trong\s+năm(?!\s*(?:\d|{other_year}))(?!\w)"
                      rf"|từ\s+đầu\s+năm(?!\s*(?:\d|{other_year}))(?:\s+(?:đến|tới)\s+nay)?(?!\w)"
                      rf"|tháng\s+(?:1[0-2]|0?[1-9])\s+(?:vừa\s+qua|qua|trước)(?!\w)"
                      # a quarter said without its year: "trong quý", "quý I", "hết quý III"
                      rf"|trong\s+quý(?!\s*(?:iv|i{{1,3}}|[1-4])(?!\w))(?!\w)"
                      rf"|quý\s+(?:iv|i{{1,3}}|[1-4])(?!\w)(?!\s*(?:[/.-]\s*\d|năm\s+\d|\d))")


_RUNNING = _running()
# where a running period can end its first word: "tháng", "trong năm", "quý" (found by literal, which `re`
# searches fast; the period is then matched from the count before "tháng")
_RUNNING_ANCHOR = re.compile(r"tháng|trong\s+năm|từ\s+đầu\s+năm|trong\s+quý|quý")
_COUNT_BEFORE = re.compile(r"(?:\d{1,2}|" + alternation(cues()["months"]["counts"]) + r")\s+\Z")


def running_periods(low: str) -> list["re.Match[str]"]:
    """The running periods of the lower-cased text `low`, in text order (`_RUNNING`'s matches).

    >>> [m.group() for m in running_periods("trong 9 tháng qua, tỉnh …; trong năm, …; tháng 3 năm 2024; từ đầu năm; tháng 7 vừa qua")]
    ['9 tháng qua', 'trong năm', 'từ đầu năm', 'tháng 7 vừa qua']
    >>> [m.group() for m in running_periods("trong quý, tỉnh …; lũy kế đến hết quý i, …; quý i/2025; quý ii năm 2025")]
    ['trong quý', 'quý i']
    >>> [m.group() for m in running_periods("thời hạn công nhận là 36 tháng; sau 12 tháng")]
    ['12 tháng']
    """
    out: list[re.Match[str]] = []
    for a in _RUNNING_ANCHOR.finditer(low):
        start = a.start()
        if low.startswith("tháng", start):
            count = _COUNT_BEFORE.search(low, max(0, start - 12), start)
            if count is not None:
                start = count.start()  # "9 tháng qua"; else a month gone by, "tháng 7 vừa qua"
        if out and start < out[-1].end():
            continue
        m = _RUNNING.match(low, start)
        if m is not None:
            out.append(m)
    return out


# what makes a running period one still to come: "6 tháng cuối năm", "3 tháng tới" (lexicon `months.ahead`)
AHEAD_AFTER = re.compile(rf"\s*{alternation(cues()['months']['ahead'])}(?!\w)")

# the first months of a year: "6 tháng đầu năm", "sáu tháng đầu năm", a quarter "quý I" (lower-cased)
_FIRST_MONTHS = re.compile(r"(?:trong\s+)?(?P<n>\d{1,2}|ba|sáu|chín)\s+tháng\s+đầu\s+năm|quý\s+(?P<q>iv|i{1,3}|[1-4])")
# the months counted back from now: "6 tháng qua", "9 tháng vừa qua" (as many months as from the year's start,
# when the day they are counted back from lies that far into the year)
_MONTHS_PAST = re.compile(r"(?:trong\s+)?(?P<n>\d{1,2}|ba|sáu|chín)\s+tháng\s+(?:vừa\s+)?qua")
_QUARTER_MONTHS = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}  # a quarter's last month


def months_from_start(period: str) -> int | None:
    """How many months from the year's start the lower-cased `period` runs to, when it is the first
    months of a year or a quarter, or how many months it counts back ("9 tháng qua"); else None.

    >>> months_from_start("6 tháng đầu năm"), months_from_start("quý iii"), months_from_start("trong năm")
    (6, 9, None)
    >>> months_from_start("9 tháng qua")
    9
    """
    m = _FIRST_MONTHS.match(period) or _MONTHS_PAST.match(period)
    if m is None:
        return None
    quarter, count = m.groupdict().get("q"), m.group("n")
    return _QUARTER_MONTHS[quarter] if quarter else int(count) if count.isdigit() else int(parse_words(count))
