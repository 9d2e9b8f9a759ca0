"""Time scopes: the year a time phrase gives to the figures it governs.

A time phrase ("Năm 2023, …", "Trong 9 tháng đầu năm 2023, …", "Tính đến hết
năm 2022, …", "Đến cuối năm 2020, …", "Năm qua, …") opens a scope that runs to
the end of its paragraph, through the breakdown that follows ("Trong đó",
"gồm", a parenthesised or semicolon list), and over the list lines under a
lead-in that ends in ":"; the next time phrase closes it. A figure reported as
reached takes the year of the nearest open scope before it, else of a time
phrase after it in its clause ("… công nhận 48 sản phẩm trong năm 2023"),
else none (CONTRACT.md §4, "Year of an actual").

"Đến nay", "hiện nay", "hiện có" open a scope of the present, which gives no year. Neither a year
compared with ("so với năm 2022") nor a cited document's ("Kế hoạch số 12/KH-UBND … năm 2022") opens one.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.targets.years import year_expressions
>>> doc = Doc.from_text("x", "Năm 2023, huyện công nhận 48 sản phẩm. Trong đó 40 sản phẩm 3 sao. "
...                          "Đến nay toàn huyện có 120 sản phẩm.\\nCó 7 điểm bán.")
>>> scopes = TimeScopes(doc, year_expressions(doc.text, 2024))
>>> [scopes.year_of(doc.text.find(n), doc.text.find(n) + len(n)) for n in ("48", "40", "120", "7")]
[2023, 2023, None, None]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, NamedTuple

import regex

from ..casefold import lowered
from ..document import Doc
from ..layout import line_kinds
from ..paragraphs import paragraph_starts
from ..sentences import in_parentheses
from .clause_years import dates_a_figure, mid_sentence_end, opens_next_clause
from .paragraph_links import opens_on_previous
from .time_words import AFTER_ITS_NOUN, AS_OF, DAY_MONTH, NOW
from .running import AHEAD_AFTER, months_from_start, running_periods
from .years import YearExpr, year_of_day

# the year of a cited document: "Kế hoạch số 205/KH-UBND ngày … năm 2022", "Quyết định 919/QĐ-TTg năm 2022"
_CITED, _CITED_REACH = regex.compile(r"\d+\s*/\s*[\p{Lu}Đ][\p{Lu}Đ\d\-]*[^,;:]{0,120}\Z", regex.REVERSE), 160
# a list item under a lead-in: "- 25 sản phẩm 3 sao", "+ …", "• …", "a) …", "1. …"
# a period that names a plan is no time adverbial: "mục tiêu mà Chương trình OCOP giai đoạn 2021-2025 đặt ra"
_NAMED_PLAN = regex.compile(r"(?<![\p{L}])(?:chương\s+trình|đề\s+án|kế\s+hoạch|dự\s+án|nghị\s+quyết|chiến\s+lược|quyết\s+định"
                            r"|mục\s+tiêu|chỉ\s+tiêu)[^,.;:()\n]{0,80}\Z", regex.I | regex.REVERSE)  # (… or a goal's)
_LIST_ITEM = regex.compile(r"\s*(?:[-–+•*]|[a-zđ]\)|\d{1,2}[.)])\s")
_KINDS = ("deadline", "period", "past")
# a year a state began: "từ năm 2022", "kể từ năm 2020" (a period "từ năm 2021 đến năm 2025" is read as one)
SINCE = regex.compile(r"(?<![\p{L}])(?:kể\s+)?từ\s+\Z", regex.I | regex.REVERSE)
# … or a clause "từ khi … 4 sao năm 2022" (not the span it opens: "Lũy kế từ khi … đến hết năm 2024")
_SINCE_WHEN = regex.compile(r"(?<![\p{L}])(?:kể\s+)?từ\s+khi(?:(?!\s(?:đến|tới)\s)[^.;])*\Z", regex.I | regex.REVERSE)
_RATED_SINCE = regex.compile(r"(?<![\p{L}])công\s+nhận\s+(?:kể\s+)?từ\s+\Z", regex.I | regex.REVERSE)  # "công nhận từ năm 2020": rated then
# a year said of a product's rating: "được công nhận OCOP 4 sao năm 2022", "đạt 3 sao năm 2021", unless it
# frames a count: "trong 38 sản phẩm được công nhận năm 2023 có …" is the year's round
_RATED_BEFORE = regex.compile(r"(?:(?<![\p{L}])công\s+nhận|\d\s*sao)[^,;:.()\d]{0,30}\Z", regex.I | regex.REVERSE)
# a year said in a clause of cause: "do vụ nhãn năm 2024 bị ảnh hưởng", "nhờ được mùa năm 2023"
_CAUSE_BEFORE = regex.compile(r"(?<![\p{L}])(?:do|vì|bởi|nhờ)\s[^,;.()\d]{0,40}\Z", regex.I | regex.REVERSE)
_COUNT_RATED = regex.compile(r"(?<![\p{L}])trong\s+(?:số\s+)?\d[\d.,]*\s+sản\s+phẩm[^,;.()\d]{0,16}công\s+nhận[^,;.()\d]{0,30}\Z",
                             regex.I | regex.REVERSE)
_PRESENT_REACH = 24  # characters from "hiện (có)", "đến nay" to a figure it speaks of in its clause
_CLAUSE_BREAK = regex.compile(r"[.;,:]")
# a year that dates another measure's noun after a comma: "…, doanh thu năm 2023 đạt 6,8 tỷ đồng"
_MEASURE_NOUN_BEFORE = regex.compile(r"[,;]\s[^,;]{0,30}?(?<![\p{L}])(?:doanh\s+thu|doanh\s+số|giá\s+trị|sản\s+lượng"
                                     r"|thu\s+nhập|lợi\s+nhuận|kim\s+ngạch)\s+(?:(?:của\s+)?[^\s\d,;]+\s+){0,2}\Z", regex.I | regex.REVERSE)
_CLAUSE_END = regex.compile(r"[;.,]\s|[;.]\Z|\s(?:nhưng|song|còn|trong khi)\s")  # where a rating year's clause ends
_CAPTION = 160  # a longer line over a table is prose, not its caption
_ASIDE_REACH = 160  # characters from a phrase in an aside to the parenthesis closing it
_LOOK_BACK = 64  # phrases looked back over for the scope that holds a figure (keeps long texts linear)
_TOP_HEADING = regex.compile(r"\s*(?:[IVX]+|PHẦN\s+(?:[IVX]+|THỨ\s+\S+))[.:]?\s+\S")


def _is_top_heading(text: str) -> bool:
    """A section heading of the first rank: "II. MỤC TIÊU", "PHẦN I: …", a short line in capitals."""
    stripped = text.strip()
    return bool(stripped) and len(stripped) < 120 and (
        bool(_TOP_HEADING.match(stripped)) or (stripped.isupper() and len(stripped.split()) >= 2))
# a year compared with, up to four words after "so với" or "gấp …": "so với cùng kỳ năm 2023", "gấp 3 lần cùng kỳ năm 2023"
_COMPARED = regex.compile(r"(?:so\s+với|gấp\s+(?:[^\s.;:()]+\s+)?[^\s;:()]*[^\s.;:,()](?:\s+lần)?(?:\s+so\s+với)?)"
                          r"(?:\s+(?!kế\s|chỉ\s|mục\s)[^\s\d,.;:()]+){0,4}?\s+\Z", regex.I | regex.REVERSE)


class TimePhrase(NamedTuple):
    start: int
    end: int
    year: int | None  # None: the present
    reach: int  # end of the scope it opens, in text offsets
    trailing: bool = False  # a year that also governs a figure before it in its clause ("… trong năm 2023")
    elapsed: bool = False  # a period gone by ("9 tháng đầu năm", "6 tháng qua") or the present ("đến nay")
    ahead: bool = False  # a running period still to come ("6 tháng cuối năm", "3 tháng tới")
    day: bool = False  # a day said without its year ("Ngày 13/11, …"): it dates results, it reports nothing
    closes: int = 0  # a year dating its own clause mid-sentence: where the scopes before it stay closed


def _present_as_of(phrases: list[TimePhrase], as_of: list[TimePhrase], low: str) -> list[TimePhrase]:
    """`phrases`, with "hiện" and "lũy kế" taking the year of the date their paragraph counts to: after
    "Lũy kế đến ngày 31/12/2023, …", "Toàn tỉnh hiện có 11 điểm bán" speaks of that day, and after
    "tính đến ngày 31/7/2022 …", "lũy kế toàn tỉnh có 88 sản phẩm" ("đến nay" stays the present)."""
    dated = [p for p in as_of if p.year is not None]
    if not dated:
        return phrases
    out = []
    for p in phrases:
        if p.year is None and low.startswith(("hiện", "lũy kế"), p.start):
            date = next((d for d in reversed(dated) if d.end <= p.start <= d.reach), None)
            if date is not None:
                p = p._replace(year=date.year)
        out.append(p)
    return out


_SAID_YEAR = re.compile(r"(?:19|20)\d{2}")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _cumulative_in_year(phrases: list[TimePhrase], low: str) -> list[TimePhrase]:
    """`phrases`, with "lũy kế" said without a date taking the year said before it in its sentence:
    "năm 2024 Hội đồng công nhận 38 sản phẩm, lũy kế có 292 sản phẩm" counts the 292 at 2024. After a
    period without its year ("sau 6 tháng triển khai, … lũy kế …") or in a sentence of its own it stays
    the present. "Cùng thời điểm" takes the year of the last day counted to before it ("tính đến ngày 30/6/2025").

    >>> low = "năm 2024 hội đồng công nhận 38 sản phẩm, lũy kế có 292 sản phẩm. lũy kế có 300."
    >>> ps = [TimePhrase(0, 8, 2024, 90), TimePhrase(41, 47, None, 90, elapsed=True), TimePhrase(66, 72, None, 90, elapsed=True)]
    >>> [p.year for p in _cumulative_in_year(ps, low)]
    [2024, 2024, None]
    """
    out: list[TimePhrase] = []
    for p in phrases:
        if p.year is None and low.startswith(("cùng", "tại"), p.start):
            p = p._replace(year=next((q.year for q in reversed(out) if q.year and low.startswith(("đến", "tới"), q.start)), None))
        if p.year is None and low.startswith("lũy kế", p.start) and out:
            last = out[-1]
            if last.year is not None and _SAID_YEAR.search(low, last.start, last.end) \
                    and not _SENTENCE_END.search(low, last.end, p.start):
                p = p._replace(year=last.year)
        out.append(p)
    return out


class TimeScopes:
    """The time scopes of one document, built once from its year expressions."""

    def __init__(self, doc: Doc, years: Iterable[YearExpr], this_year: int | None = None, official: bool = False,
                 closing_year: int | None = None, posted: tuple[int, int] | None = None, period_closed: int | None = None):
        self._doc = doc
        self._period_closed = period_closed  # the last year of a period the text reviews as a whole
        self._this_year = this_year
        self._closing_year = closing_year  # a year in whose last quarter a news text was posted
        self._posted = posted  # the month and day a news text was posted
        self._official, self._reaches = official, {}
        low = lowered(doc) or doc.text.lower()
        self._low = low = low if len(low) == len(doc.text) else ""  # (a lower case that is longer: no phrase read)
        phrases = [self._phrase(e) for e in years if e.kind in _KINDS]
        phrases += [self._opened(m.start(), m.end(), None, True) for m in NOW.finditer(low)
                    if (low[m.start()] == "," or not low[m.start() - 1:m.start()].isalpha())
                    and not AFTER_ITS_NOUN.match(low, m.end())]
        # a dated "as of" also governs a figure before it in its clause ("có 178 sản phẩm tính đến ngày 30/9/2024")
        as_of = [self._opened(m.start(), m.end(), int(y) if (y := m["year"] or m["spelled"] or m["dated"] or m["moment"]) else None)
                 ._replace(trailing=y is not None)
                 for m in AS_OF.finditer(low) if not low[m.start() - 1:m.start()].isalpha()]
        phrases += as_of
        if posted is not None and this_year is not None:
            phrases += self._days(low, this_year, posted)
        kept = _cumulative_in_year(_present_as_of(sorted(p for p in phrases if p is not None), as_of, low), low)
        if this_year is not None:
            kept = self._with_running(kept, low, this_year)
        # an "as of" date holding a year is also a year expression: keep the wider phrase
        self._phrases = [p for i, p in enumerate(kept) if not (i and kept[i - 1].start <= p.start < kept[i - 1].end)]
        self._starts = [p.start for p in self._phrases]

    def _days(self, low: str, this_year: int, posted: tuple[int, int]) -> list[TimePhrase]:
        """The days a news text names without a year ("Ngày 13/11, Hội đồng …", "Từ ngày 5 đến 7/11"):
        of the year it was posted in, or of the year before for a month well after its posting ("ngày
        20/12" in January). A day dates what was reached; it tells nothing of what was done ("Ngày 20/12,
        UBND tỉnh ban hành Kế hoạch …" goes on with the plan's goals)."""
        out = []
        for m in DAY_MONTH.finditer(low):
            month, day = int(m["m"]), int(m["d"])
            if not (1 <= month <= 12 and 1 <= day <= 31) or low[m.start() - 1:m.start()].isalpha():
                continue
            out.append(self._opened(m.start(), m.end(), year_of_day(month, this_year, posted[0]))._replace(day=True))
        return out

    def _with_running(self, phrases: list[TimePhrase], low: str, this_year: int) -> list[TimePhrase]:
        """`phrases` and the running periods said without a year: each takes the year of the last
        dated phrase before it that is not in the future and whose scope holds it ("Năm 2022, …" /
        "Trong năm, …" → 2022), else the document's own year."""
        running = [m for m in running_periods(low) if not low[m.start() - 1:m.start()].isalnum()]
        if not running:
            return phrases
        dated_all = [p for p in phrases if p.year is not None and p.year <= this_year  # (not an aside's)
                     and not in_parentheses(self._doc.text, self._doc.line_at(p.start).start, p.start)]
        starts, out = [p.start for p in dated_all], list(phrases)
        for m in running:
            dated = dated_all[:bisect_right(starts, m.start())][::-1]
            # the year of a dated phrase whose scope holds it ("Năm 2022, …" / "Trong năm, …"); out of any,
            # the first months of the year a news text was posted in once they have gone by ("Năm 2023, …"
            # // "Trong 6 tháng đầu năm, huyện đón …" in July 2024), else the last dated phrase's year
            year = next((p.year for p in dated if p.reach >= m.start()), None)
            if year is None:
                year = this_year if self._gone_by_when_posted(m.group()) else next((p.year for p in dated), this_year)
            # months gone by report ("6 tháng đầu năm", "9 tháng qua"); "trong năm", which a plan says too,
            # and months still to come ("6 tháng cuối năm") do not
            ahead = bool(AHEAD_AFTER.match(low, m.end()))
            gone_by = year < this_year or (not m.group().startswith("trong") and not ahead)
            # it also governs a figure before it in its clause: "… tăng gần gấp đôi sau 9 tháng"
            out.append(self._opened(m.start(), m.end(), year, gone_by)._replace(ahead=ahead, trailing=True))
        return sorted(out)

    def _gone_by_when_posted(self, period: str) -> bool:
        """Whether `period` (lower-cased) is the first months of a year ("6 tháng đầu năm") or a quarter
        ("quý I"), all gone by in the month a news text was posted."""
        months = months_from_start(period)
        return months is not None and self._posted is not None and months <= self._posted[0]

    def _opened(self, start: int, end: int, year: int | None, elapsed: bool = False) -> TimePhrase:
        return TimePhrase(start, end, year, self._aside_end(start) or self._reach(self._doc.line_at(start).index),
                          elapsed=elapsed)

    def _aside_end(self, start: int) -> int | None:
        """Where the parenthesis holding a phrase at `start` closes, or None: a time phrase in an aside
        ("(kể cả 22 sản phẩm công nhận giai đoạn 2019-2020)") governs nothing after it."""
        line = self._doc.line_at(start)
        text = self._doc.text
        if not in_parentheses(text, line.start, start):
            return None
        close = text.find(")", start, min(len(text), start + _ASIDE_REACH))  # (on a line a PDF's layout broke it onto)
        if close < 0:
            return None
        end = self._doc.line_at(close).end
        if not text[close + 1:end].strip(" .;:"):
            return None  # a parenthesis that ends its line dates what the line heads ("Bảng 1. … (đến ngày 30/6/2024)")
        return close

    def _phrase(self, expr: YearExpr) -> TimePhrase | None:
        text = self._doc.text
        line = self._doc.line_at(expr.start)
        head = max(line.start, expr.start - _CITED_REACH)  # (what either looks back over, at most)
        if _CITED.search(text, head, expr.start) or _COMPARED.search(text, head, expr.start):
            return None
        year: int | None = expr.year
        if expr.kind == "period" and _NAMED_PLAN.search(text, max(line.start, expr.start - 96), expr.start):
            return None
        if expr.kind == "period" and self._this_year is not None and year >= self._this_year \
                and year not in (self._closing_year, self._period_closed):
            year = None  # "Sau 4 năm triển khai giai đoạn 2021-2025, …": a period still running (not in its last quarter)
        reach = self._aside_end(expr.start) or self._reach(line.index)
        closes, reach = (reach, clipped) if (clipped := mid_sentence_end(self._doc, self._low, expr.start)) and clipped < reach else (0, reach)
        begun = self._this_year is None or year is None or year <= self._this_year  # "Từ năm 2025" in 2024: ahead
        if expr.kind == "deadline" and begun and (SINCE.search(text, max(line.start, expr.start - 16), expr.start)
                                                  or _SINCE_WHEN.search(text, max(line.start, expr.start - 80), expr.start)) \
                and not _RATED_SINCE.search(text, max(line.start, expr.start - 24), expr.start):
            # "mở cửa đón khách từ năm 2022. Giá vé … từ 80.000 đồng", "từ khi … đạt 4 sao năm 2022, mỗi
            # tháng …": since then, to the present
            return TimePhrase(expr.start, expr.end, None, reach, elapsed=True)
        if expr.kind == "deadline" and (_CAUSE_BEFORE.search(text, max(line.start, expr.start - 48), expr.start)
                                        or dates_a_figure(text[max(line.start, expr.start - 48):expr.start]) or (
                _RATED_BEFORE.search(text, max(line.start, expr.start - 48), expr.start)
                and not _COUNT_RATED.search(text, max(line.start, expr.start - 64), expr.start))):
            # "được công nhận OCOP 4 sao năm 2022; giá bán lẻ …": when a product was rated, said of it alone, as
            # is a cause's year ("tăng khoảng 10% do vụ nhãn năm 2024 bị ảnh hưởng bởi bão")
            # (to its clause's end, over the lines a PDF's layout broke it into)
            stop = _CLAUSE_END.search(text, expr.end, reach)
            reach = stop.start() if stop else reach
        return TimePhrase(expr.start, expr.end, year, reach, expr.kind == "deadline", closes=closes)

    def _reach(self, index: int) -> int:
        """The end of a scope opened on line `index` (read once a line): its paragraph, and a list under a lead-in."""
        return self._reaches[index] if index in self._reaches else self._reaches.setdefault(index, self._reach_from(index))

    def _reach_from(self, index: int) -> int:
        """`_reach`; in an official text a section heading ("I. KẾT QUẢ …") opens a scope to the next of its rank."""
        lines, kinds = self._doc.lines, line_kinds(self._doc)
        index = self._paragraph_end(index)
        end = lines[index].end
        if self._official and _is_top_heading(lines[index].text):
            for line in lines[index + 1:]:
                if _is_top_heading(line.text):
                    break
                end = line.end
            return end
        if not lines[index].text.rstrip().endswith(":"):
            if len(lines[index].text) < _CAPTION and index + 1 < len(lines) and kinds[index + 1] == "table":
                # a table's caption ("Bảng 1. … (lũy kế đến ngày 30/6/2024)") dates the table under it
                for line, kind in zip(lines[index + 1:], kinds[index + 1:]):
                    if kind != "table":
                        break
                    end = line.end
            return end
        for line, kind in zip(lines[index + 1:], kinds[index + 1:]):
            if kind == "content" and not line.text.strip():
                continue  # a blank line between the lead-in and its table or list
            if kind != "table" and (kind != "content" or not _LIST_ITEM.match(line.text)):
                break  # the list under the lead-in, or its table ("Kết quả theo địa phương như sau:")
            end = line.end
        return end

    def _paragraph_end(self, index: int) -> int:
        """The last line of the paragraph holding line `index`, and of the paragraphs after it that
        open on its figures ("Trong tổng số sản phẩm nêu trên, …")."""
        lines, kinds, starts = self._doc.lines, line_kinds(self._doc), paragraph_starts(self._doc)
        low = self._low
        while True:
            while index + 1 < len(lines) and starts[index + 1] != index + 1:
                index += 1  # the lines a PDF's layout broke off the paragraph
            after = index + 1
            while after < len(lines) and lines[after].start == lines[after].end:
                after += 1  # blank lines between paragraphs
            if (after >= len(lines) or kinds[after] != "content" or not low
                    or not opens_on_previous(low, lines[after].start, lines[after].end)):
                return index
            index = after

    def day_gone_by(self, start: int, end: int) -> str | None:
        """A day said without its year in text[start:end] that had gone by when the news text was
        posted ("Từ ngày 5 đến 7/11" in a text of 16/11), or None."""
        if self._posted is None or not self._low:
            return None
        for m in DAY_MONTH.finditer(self._low, start, end):
            if not self._low[m.start() - 1:m.start()].isalpha() and (int(m["m"]), int(m["d"])) <= self._posted:
                return self._doc.text[m.start():m.end()]
        return None

    def opening_year(self) -> int | None:
        """The year of the first time phrase of the text, when it gives one ("Năm 2024, Chương trình
        OCOP của tỉnh tiếp tục đạt nhiều kết quả …", a day "Tại hội nghị … sáng 21/11": what the text
        reviews or plans first)."""
        return next((p.year for p in self._phrases if p.year is not None), None)

    def _ahead(self, phrase: TimePhrase) -> bool:
        """Whether a phrase looks ahead of the document's year ("mục tiêu đặt ra cho năm 2025"):
        what was reached is not dated by it."""
        return phrase.year is not None and self._this_year is not None and phrase.year > self._this_year

    def reporting(self, start: int, end: int, late: bool = False, clause_end: int | None = None) -> TimePhrase | None:
        """The time phrase governing a figure at text[start:end] when it speaks of what is done:
        the present ("đến nay"), a period gone by ("9 tháng đầu năm", "Cũng trong năm" after "Năm
        2022"), or a year before the document's own; else None. `late`: also the year a news text
        posted in its last quarter reviews ("Năm 2023, tỉnh có thêm 27 sản phẩm" in December 2023),
        not a period of it still to come ("6 tháng cuối năm"). `clause_end`: where the figure's clause
        ends, for a year said after it ("… có thêm 27 sản phẩm trong năm 2023").

        >>> from ocop_extract.targets.years import year_expressions
        >>> doc = Doc.from_text("x", "Năm 2022, tỉnh hỗ trợ 35 chủ thể. Năm 2024, hỗ trợ 40 chủ thể.")
        >>> scopes = TimeScopes(doc, year_expressions(doc.text, 2024), 2024)
        >>> [bool(scopes.reporting(doc.text.find(n), doc.text.find(n) + 2)) for n in ("35", "40")]
        [True, False]
        """
        phrase = self.governing(start, end, clause_end)
        if phrase is None or phrase.day or (phrase.end > start and not (phrase.trailing and phrase.start >= end)):
            return None
        if phrase.elapsed or (phrase.year is not None and self._this_year is not None and phrase.year < self._this_year):
            return phrase
        if late and not phrase.ahead and phrase.year is not None and phrase.year == self._closing_year:
            return phrase
        return None

    def year_of(self, start: int, end: int, clause_end: int | None = None) -> int | None:
        """The year governing a figure at text[start:end], or None.

        `clause_end`: where the figure's clause ends, for a time phrase after it.
        """
        phrase = self.governing(start, end, clause_end)
        return phrase.year if phrase else None

    def governing(self, start: int, end: int, clause_end: int | None = None) -> TimePhrase | None:
        """The time phrase that governs a figure at text[start:end] (see `year_of`), or None.

        A phrase of the present ("đến nay") is returned with `year` None: the figure has no
        year even where a heading above names one.
        """
        i = bisect_right(self._starts, start) - 1
        nearest = None  # the last phrase before it whose scope holds it (a section's, a paragraph's …)
        for k in range(i, max(-1, i - _LOOK_BACK), -1):
            phrase = self._phrases[k]
            if phrase.end <= start and phrase.reach >= end and not self._ahead(phrase):
                nearest = phrase
                break
            if phrase.end <= start and phrase.closes >= end:
                break  # "…, năm nay dự kiến đạt 22 tỷ đồng. Hai sản phẩm …": the year before it is closed, its own ended
        if nearest is not None and nearest.year is not None:
            return nearest
        if nearest is not None and start - nearest.end <= _PRESENT_REACH and not _CLAUSE_BREAK.search(self._doc.text, nearest.end, start):
            return nearest  # "cơ sở hiện có 45 thợ …, doanh thu năm 2023 đạt …": what is now, not the later year's
        if clause_end is not None:  # "… công nhận 13 sản phẩm trong năm nay": a year said after it
            j = i + 1
            while j < len(self._phrases) and self._phrases[j].start < clause_end:
                if self._phrases[j].start >= end and self._phrases[j].trailing \
                        and not _MEASURE_NOUN_BEFORE.search(self._doc.text, max(end, self._phrases[j].start - 48),
                                                            self._phrases[j].start) \
                        and not opens_next_clause(self._doc, self._low, end, self._phrases[j].start):
                    return self._phrases[j]  # (not another measure's: "… 4 sản phẩm, doanh thu năm 2023 khoảng …")
                j += 1
        return nearest  # the present ("đến nay"), or None: no time phrase governs it
