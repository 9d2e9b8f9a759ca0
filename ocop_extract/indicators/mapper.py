"""Indicator of a target: which measure its figure is a value of (`lexicon/indicators.yaml`).

Read from the figure's clause: the words before the number back to the start of its
sentence, and the words after it to the next comma or sentence end. Among the
indicators of the figure's unit, the wording nearest the number wins (at equal
distance the longer, then the one listed first); with none, the unit's default.
Wordings after the figure count from its end. Then, in text order: a list item with
no wording reads the lead-in line it stands under ("Chỉ tiêu công nhận mới …:");
a figure measured against the plan ("đạt 117% kế hoạch") takes the indicator of the
figure before it in its paragraph; a part of a breakdown ("trong đó", "gồm", "riêng",
or a plain list) without wording of its own takes the indicator of the whole; a bare
share right after a count of recognitions ("công nhận được 14 sản phẩm, đạt 70%") takes
the count's; a figure still without wording reads its metric (a table column's header).
Lines wrapped inside a sentence (text taken from a PDF) are read as one line.
Without the source text (records whose file is gone) the target's own text and
metric stand for the words after the number.

>>> from ocop_extract.models import Target
>>> src = "Năm 2024, toàn tỉnh công nhận mới 20 sản phẩm OCOP, nâng tổng số sản phẩm OCOP lên 333 sản phẩm."
>>> def t(text):
...     start = src.index(text)
...     return Target(value=1, comparator="=", unit="product", unit_text="sản phẩm",
...                   span=(start, start + len(text)), text=text)
>>> indicator_of(t("20 sản phẩm"), src), indicator_of(t("333 sản phẩm"), src)
('ocop_products_new', 'ocop_products')
>>> money = "Tổng kinh phí 950 triệu đồng, trong đó ngân sách tỉnh 500 triệu đồng."
>>> def m(text):
...     start = money.index(text)
...     return Target(value=1, comparator="=", unit="VND", unit_text="triệu đồng",
...                   span=(start, start + len(text)), text=text)
>>> indicator_of(m("950 triệu đồng"), money), indicator_of(m("500 triệu đồng"), money)
('budget', 'budget_local')
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

import regex

from ..models import Record, Target
from ..normalize import normalize
from ..sentences import in_parentheses
from ..targets.captions import TITLE
from .taxonomy import Indicator, candidates, unit_defaults

_SENTENCE_END = regex.compile(r"[;!?\n]|\.(?=\s)|\A", regex.REVERSE)
# the comma of "huyện, thành phố" ("9/9 huyện, thành phố hoàn thành …") ends no clause
_CLAUSE_END = regex.compile(r"[;!?\n(]|(?<!huyện),|,(?!\s*(?:thành phố|thị xã)(?!\p{L}))|\.(?=\s|\Z)")
_BEFORE = 240   # characters looked at before the number, at most
_AFTER = 100    # and after it


@lru_cache(maxsize=1024)  # (a figure's zones are read again in its breakdown and after a lead: the same strings)
def _fold(text: str) -> str:
    return normalize(text).text.lower()


def zones(target: Target, source: Optional[str], floor: Optional[int] = None) -> tuple[str, str]:
    """The words before the number in its sentence, and the figure with the words after it (lower case).

    >>> from ocop_extract.models import Target
    >>> s = "Kết quả năm 2023. Phấn đấu có ít nhất 70% số sản phẩm đạt 3 sao, tăng 10%."
    >>> zones(Target(value=70, comparator=">=", unit="%", unit_text="%", span=(30, 41), text=s[30:41]), s)
    ('phấn đấu có ', 'ít nhất 70% số sản phẩm đạt 3 sao')

    `floor` (an offset into `source`) cuts the words before it off the first zone.
    """
    start, end = target.span
    if source is None or source[start:end] != target.text:
        # read by its metric alone (a table column's header, "Đã công nhận đợt 1"): the header's words stand
        # before the figure as much as after it
        return _fold(target.metric or ""), _fold(" ".join(p for p in (target.text, target.metric or "") if p))
    back = max(0, start - _BEFORE)
    source = unwrap(source)
    m = _SENTENCE_END.search(source, back, start)
    head = m.end() if m else back
    if floor is not None:
        head = min(max(head, floor), start)
    stop = _CLAUSE_END.search(source, end, min(len(source), end + _AFTER))
    tail = stop.start() if stop else min(len(source), end + _AFTER)
    return _fold(source[head:start].lstrip()), _fold(source[start:tail])


_WRAP = regex.compile(r"(?<=[\p{L}\d,%)])[ \t]*\n(?=[ \t]*\p{Ll})")


@lru_cache(maxsize=8)
def unwrap(source: str) -> str:
    r"""`source` with the line breaks inside a sentence (a PDF's wrapped lines) turned into spaces, same length.

    A break after a word or a comma and before a lower-case word wraps a line; one after
    a stop, a colon or before a capital, a dash or a number ends it.

    >>> unwrap("công nhận mới 45 sản\nphẩm 3 sao.\nHuyện A")
    'công nhận mới 45 sản phẩm 3 sao.\nHuyện A'
    """
    if "\n" not in source:
        return source
    return _WRAP.sub(lambda m: " " * len(m.group()), source)


class Choice(NamedTuple):
    """The indicator chosen for one figure, where its wording was (characters before the number, or None)
    and whether any wording decided (False: the unit's default)."""

    id: str
    before: Optional[int]
    worded: bool = True


def _nearest(indicator: Indicator, before: str, after: str, figure: int,
             unit: str) -> Optional[tuple[int, int, bool]]:
    """(distance to the figure, -length, found after it) of the indicator's nearest wording, else None.

    Wordings after the figure count from its end (`figure` characters into `after`),
    so "02 đợt đánh giá" is as near as "đánh giá 02 đợt"; one inside the figure's
    own text ("60 HTX") is at distance 0.
    """
    best: Optional[tuple[int, int, bool]] = None
    unit_cues = indicator.unit_cues.get(unit)
    for pattern in (indicator.cues, indicator.cues_before, unit_cues, indicator.unit_cues_before.get(unit)):
        for m in pattern.finditer(before, overlapped=True) if pattern is not None else ():
            cand = (len(before) - m.end(), m.start() - m.end(), False)
            best = cand if best is None or cand < best else best
    for pattern in (indicator.cues, indicator.cues_after, unit_cues):
        m = pattern.search(after) if pattern is not None else None
        if m:
            cand = (max(0, m.start() - figure), m.start() - m.end(), True)
            best = cand if best is None or cand < best else best
    across = indicator.unit_cues_across.get(unit)
    for m in across.finditer(before + after, overlapped=True) if across is not None else ():
        if m.start() <= len(before) < m.end():   # a wording the number stands inside is at distance 0
            cand = (0, m.start() - m.end(), False)
            best = cand if best is None or cand < best else best
    return best


def choose(target: Target, source: Optional[str] = None, floor: Optional[int] = None,
           lead: str = "") -> Choice:
    """The indicator of one target from its own clause, and where the deciding wording stood.

    `floor` cuts the clause's start (see `zones`); `lead` is read as if it stood before it.
    """
    before, after = zones(target, source, floor)
    if floor is not None:
        before = _BARE_HAVE.sub("", before)
    before = lead + before
    figure = len(target.text) if after.startswith(_fold(unwrap(target.text))) else 0
    return _closest(before, after, figure, target.unit)


@lru_cache(maxsize=256)
def _closest(before: str, after: str, figure: int, unit: str) -> Choice:
    """The indicator whose wording stands nearest the figure, of those its unit allows.

    Cached: a figure is read several times over (alone, within its breakdown, after a lead).
    """
    best: Optional[tuple[tuple[int, int, int], str, bool]] = None
    for indicator in candidates(unit):
        found = _nearest(indicator, before, after, figure, unit)
        if found is not None:
            key = (found[0], found[1], indicator.rank)
            if best is None or key < best[0]:
                best = (key, indicator.id, found[2])
    if best is None:
        return Choice(unit_defaults().get(unit, "other"), None, False)
    return Choice(best[1], None if best[2] else best[0][0])


def indicator_of(target: Target, source: Optional[str] = None) -> str:
    """The indicator id of one target read alone (`other` when none fits)."""
    return choose(target, source).id


def _head(target: Target, done: list[Target], source: Optional[str]) -> Optional[Target]:
    """The figure a breakdown at `target` may break down: the last one before it of its unit that is
    no aside in parentheses ("công nhận 46 sản phẩm, bằng 115% kế hoạch năm (kế hoạch giao 40 sản
    phẩm); trong đó 41 sản phẩm 3 sao": the 46), else the last one before it."""
    if not done:
        return None
    if source is not None:
        for prev in reversed(done[-4:]):
            # an aside in parentheses ("(kế hoạch 50 sản phẩm)") is never the head
            if prev.unit == target.unit and not in_parentheses(source, max(0, prev.span[0] - _ASIDE_REACH), prev.span[0]):
                return prev
    return done[-1]


def _governs(previous: Target, target: Target, choice: Choice, source: Optional[str]) -> bool:
    """Is `target` a part of a breakdown of `previous` (same unit, close, no wording of its own between)?

    After "trong đó", "gồm", "riêng" only the words that follow the marker count
    ("150 sản phẩm …, trong đó khoảng 25 sản phẩm đạt 4 sao" is a part of the 150).
    """
    if previous.unit != target.unit or source is None:
        return False
    gap = target.span[0] - previous.span[1]
    if gap < 0 or gap > _MARKED_GAP:
        return False
    marker = None
    for marker in _PARTS.finditer(source, previous.span[1], target.span[0]):
        pass
    period = None
    for period in _PERIOD.finditer(source, previous.span[1], target.span[0]):
        pass
    # a sentence may open on the breakdown of the one before ("… 62 sản phẩm …. Trong đó, 49 sản phẩm …")
    if period is not None and (marker is None or source[period.end():marker.start()].strip()):
        return False
    if marker is not None:
        return not choose(target, source, floor=marker.end()).worded
    if gap > _BREAKDOWN_GAP:
        return False
    if choice.before is None:
        # no wording before it: a plain part of a list ("275 sản phẩm hạng 3 sao, 58 sản phẩm …")
        return not choice.worded
    return choice.before >= gap


_ASIDE_REACH = 60  # characters before a figure where the parenthesis holding it is looked for
_BREAKDOWN_GAP = 60
_MARKED_GAP = 120
_PERIOD = regex.compile(r"\.(?=\s)|\n")
_PARTS = regex.compile(r"(?<!\p{L})(?:trong đó|bao gồm|gồm|riêng)(?!\p{L})", regex.IGNORECASE)
_BARE_HAVE = regex.compile(r"(?<!\p{L})(?:có|đạt|là)\s*\Z")
_OF_PLAN = regex.compile(r"\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu)(?!\p{L})", regex.IGNORECASE)
_LIST_ITEM = regex.compile(r"[ \t]*(?:[a-zđ]\)|[-+•–]|\d{1,2}[.)])\s")


def _plan_share(target: Target, previous: list[Target], source: str) -> Optional[str]:
    """A figure measured against the plan ("đạt 117% kế hoạch", "vượt 6 sản phẩm so với kế hoạch")
    after "công nhận mới 41 sản phẩm" in its paragraph: the indicator of the figure it compares."""
    if not _OF_PLAN.match(source, target.span[1]):
        return None
    line_start = source.rfind("\n", 0, target.span[0]) + 1
    for prev in reversed(previous):
        if prev.span[1] <= line_start:
            return None
        if prev.unit != "%" and target.unit in ("%", prev.unit) and prev.indicator not in (None, "other"):
            return prev.indicator
    return None


_REACHED = regex.compile(r"\s*[,(]?\s*(?:đạt|bằng)\s*\Z")


def _done_share(target: Target, previous: list[Target], choice: Choice, source: str) -> Optional[str]:
    """A bare share right after a count of recognitions ("công nhận được 14 sản phẩm, đạt 70%",
    "5 sản phẩm được công nhận (đạt 17,9%)") is how much of the plan it reaches: the count's indicator."""
    if target.unit != "%" or choice.id != "other" or not previous or previous[-1].indicator != "ocop_products_new":
        return None
    between = source[previous[-1].span[1]:target.span[0]]
    if len(between) > 30 or "." in between:
        return None
    text = between + target.text[:len(target.text) - len(target.text.lstrip(" (đạtbằng"))]
    return "ocop_products_new" if _REACHED.search(_fold(text)) else None


def _lead_in(target: Target, source: str) -> str:
    """The lead-in line a list item stands under ("Chỉ tiêu công nhận mới …:" above "a) Huyện X: 06 sản phẩm"), else ""."""
    start = source.rfind("\n", 0, target.span[0]) + 1
    if not _LIST_ITEM.match(source, start):
        return ""
    while start > 0:
        prev = source.rfind("\n", 0, start - 1) + 1
        line = source[prev:start].strip()
        if not line:
            return ""   # a blank line ends the list
        if line.endswith(":"):
            return _fold(line) + " "
        if not _LIST_ITEM.match(source, prev):
            return ""
        start = prev
    return ""


_CAPTION_REACH = 40  # the lines a table's cell looks up for its caption


def _caption_of(target: Target, source: str) -> str:
    """The caption of the table a cell stands in ("Bảng 1. Phân bổ chỉ tiêu sản phẩm OCOP công nhận mới
    theo xã"), read as a lead, else "" (read once for the cells of a row)."""
    return _caption_above(source, source.rfind("\n", 0, target.span[0]))


@lru_cache(maxsize=64)
def _caption_above(source: str, end: int) -> str:
    """The title line ("Bảng 1. …", "Biểu 02: …", "PHỤ LỤC …") nearest above the line ending at `end`, else the
    line right above the table's rows and header when it leads into them ("4. Danh mục sản phẩm phát triển mới
    theo xã, thị trấn (kế hoạch)", "Chỉ tiêu … phân theo xã:"), folded."""
    in_table = True
    for _ in range(_CAPTION_REACH):
        if end <= 0:
            return ""
        start = source.rfind("\n", 0, end) + 1
        line = source[start:end]
        if TITLE.match(source, start, end) and line.strip():
            return _fold(line) + " "
        if in_table and line.strip() and not _ROW_LIKE.search(line):
            in_table = False  # the first line above the table's rows: its lead, when it leads into them
            if len(line) <= _LEAD_LINE and (_LEADS_IN.search(line) or _SECTION_LINE.match(line)):
                return _fold(line) + " "
        end = start - 1
    return ""


_ROW_LIKE = regex.compile(r"\t|\||\S {2,}\S")  # a table's line: cells parted by tabs, bars or runs of blanks
_LEADS_IN = regex.compile(r":\s*\Z")
_SECTION_LINE = regex.compile(r"\s*(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s+\p{Lu}")
_LEAD_LINE = 160


def _from_metric(target: Target, fallback: Choice) -> Choice:
    """A figure with no wording in its clause read by its metric, the header of its table column
    ("Xã NTM nâng cao (xã)" above a cell "3"); `fallback` when that names nothing either."""
    choice = choose(target, None)
    # (the header is no wording of the figure's sentence: none stands before it there)
    return Choice(choice.id, None, True) if choice.worded else fallback


def map_indicators(record: Record, source: Optional[str] = None) -> Record:
    """The record with every target's `indicator` set (in place; returned for chaining).

    The parts of a breakdown take the indicator of the figure they break down when
    they have no wording of their own ("333 sản phẩm …, trong đó 275 sản phẩm hạng 3 sao").
    """
    done: list[Target] = []
    for target in record.targets:
        choice = choose(target, source)
        if not choice.worded and source is not None and (lead := _lead_in(target, source)):
            choice = choose(target, source, lead=lead)
        if not choice.worded and source is not None and target.metric:
            choice = _from_metric(target, choice)
        if not choice.worded and source is not None and target.rule == "table_cell" and (lead := _caption_of(target, source)):
            choice = choose(target, source, lead=lead)  # what the table's caption says its figures count
        previous = _head(target, done, source)
        share = _plan_share(target, done, source) if source is not None else None
        share = share or (_done_share(target, done, choice, source) if source is not None else None)
        if share:
            target.indicator = share
        elif previous is not None and previous.indicator and _governs(previous, target, choice, source):
            target.indicator = previous.indicator
        else:
            target.indicator = choice.id
        done.append(target)
    return record
