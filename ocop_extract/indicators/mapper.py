"""Indicator of a target: which measure its figure is a value of (`lexicon/indicators.yaml`).

Read from the figure's clause: the words before the number back to the start of its
sentence, and the words after it to the next comma or sentence end. Among the
indicators of the figure's unit, the wording nearest the number wins (at equal
distance the longer, then the one listed first); with none, the unit's default.
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

from typing import NamedTuple, Optional

import regex

from ..models import Record, Target
from ..normalize import normalize
from .taxonomy import Indicator, candidates, unit_defaults

_SENTENCE_END = regex.compile(r"[;!?\n]|\.(?=\s)|\A", regex.REVERSE)
_CLAUSE_END = regex.compile(r"[,;!?\n(]|\.(?=\s|\Z)")
_BEFORE = 240   # characters looked at before the number, at most
_AFTER = 100    # and after it


def _fold(text: str) -> str:
    return normalize(text).text.lower()


def zones(target: Target, source: Optional[str]) -> tuple[str, str]:
    """The words before the number in its sentence, and the figure with the words after it (lower case).

    >>> from ocop_extract.models import Target
    >>> s = "Kết quả năm 2023. Phấn đấu có ít nhất 70% số sản phẩm đạt 3 sao, tăng 10%."
    >>> zones(Target(value=70, comparator=">=", unit="%", unit_text="%", span=(30, 41), text=s[30:41]), s)
    ('phấn đấu có ', 'ít nhất 70% số sản phẩm đạt 3 sao')
    """
    start, end = target.span
    if source is None or source[start:end] != target.text:
        return "", _fold(" ".join(p for p in (target.text, target.metric or "") if p))
    floor = max(0, start - _BEFORE)
    m = _SENTENCE_END.search(source, floor, start)
    head = m.end() if m else floor
    stop = _CLAUSE_END.search(source, end, min(len(source), end + _AFTER))
    tail = stop.start() if stop else min(len(source), end + _AFTER)
    return _fold(source[head:start].lstrip()), _fold(source[start:tail])


class Choice(NamedTuple):
    """The indicator chosen for one figure and where its wording was: characters before the number, or None."""

    id: str
    before: Optional[int]


def _nearest(indicator: Indicator, before: str, after: str) -> Optional[tuple[int, int, bool]]:
    """(distance to the number, -length, found after it) of the indicator's nearest wording, else None."""
    best: Optional[tuple[int, int, bool]] = None
    for pattern in (indicator.cues, indicator.cues_before):
        for m in pattern.finditer(before, overlapped=True) if pattern is not None else ():
            cand = (len(before) - m.end(), m.start() - m.end(), False)
            best = cand if best is None or cand < best else best
    for pattern in (indicator.cues, indicator.cues_after):
        m = pattern.search(after) if pattern is not None else None
        if m:
            cand = (m.start(), m.start() - m.end(), True)
            best = cand if best is None or cand < best else best
    return best


def choose(target: Target, source: Optional[str] = None) -> Choice:
    """The indicator of one target from its own clause, and where the deciding wording stood."""
    before, after = zones(target, source)
    best: Optional[tuple[tuple[int, int, int], str, bool]] = None
    for indicator in candidates(target.unit):
        found = _nearest(indicator, before, after)
        if found is not None:
            key = (found[0], found[1], indicator.rank)
            if best is None or key < best[0]:
                best = (key, indicator.id, found[2])
    if best is None:
        return Choice(unit_defaults().get(target.unit, "other"), None)
    return Choice(best[1], None if best[2] else best[0][0])


def indicator_of(target: Target, source: Optional[str] = None) -> str:
    """The indicator id of one target read alone (`other` when none fits)."""
    return choose(target, source).id


def _governs(previous: Target, target: Target, choice: Choice, source: Optional[str]) -> bool:
    """Is `target` a part of a breakdown of `previous` (same unit, close, no wording of its own between)?"""
    if previous.unit != target.unit or source is None:
        return False
    gap = target.span[0] - previous.span[1]
    if not 0 <= gap <= _BREAKDOWN_GAP or _PERIOD.search(source, previous.span[1], target.span[0]):
        return False
    if choice.before is None:
        # no wording before it: a plain part of a list ("275 sản phẩm hạng 3 sao, 58 sản phẩm …")
        return choice.id == unit_defaults().get(target.unit, "other")
    return choice.before >= gap


_BREAKDOWN_GAP = 60
_PERIOD = regex.compile(r"\.(?=\s)|\n")


def map_indicators(record: Record, source: Optional[str] = None) -> Record:
    """The record with every target's `indicator` set (in place; returned for chaining).

    The parts of a breakdown take the indicator of the figure they break down when
    they have no wording of their own ("333 sản phẩm …, trong đó 275 sản phẩm hạng 3 sao").
    """
    previous: Optional[Target] = None
    for target in record.targets:
        choice = choose(target, source)
        if previous is not None and previous.indicator and _governs(previous, target, choice, source):
            target.indicator = previous.indicator
        else:
            target.indicator = choice.id
        previous = target
    return record
