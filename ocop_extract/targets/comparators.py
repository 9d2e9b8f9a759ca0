"""Comparators: ít nhất → ">=", trên → ">", tối đa → "<=", dưới → "<", khoảng → "~", ranges.

`comparator_for(text, q, floor)` reads the words right before the number
(fillers such as "có", "đạt" may stand between) and "trở lên" right after the unit.

>>> from ocop_extract.targets.quantities import find_quantities
>>> t = "phấn đấu có ít nhất 70% sản phẩm; trên dưới 85%; tối thiểu có 54 sản phẩm; từ 20% trở lên"
>>> [comparator_for(t, q, 0)[0] for q in find_quantities(t)]
['>=', '~', '>=', '>=']
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..phrases import alternation
from .cues import cues
from .quantities import Quantity


@lru_cache(maxsize=1)
def _before_regex() -> tuple[regex.Pattern, dict[str, str]]:
    lex = cues()["comparators"]
    to_comp = {}
    for comp, words in lex["before"].items():
        for w in words:
            to_comp[" ".join(w.lower().split())] = comp
    alts = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(to_comp, key=len, reverse=True))
    fill = "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in sorted(lex["fillers"], key=len, reverse=True))
    # read backwards from the number (REVERSE): the cue ends where the number starts
    pattern = regex.compile(
        rf"(?<![\p{{L}}\d])(?P<cue>{alts})\s+(?:(?:{fill})\s+){{0,2}}(?:từ\s+)?\Z", regex.I | regex.REVERSE)
    return pattern, to_comp


@lru_cache(maxsize=1)
def _after_regex() -> tuple[regex.Pattern, dict[str, str]]:
    to_comp = {w: comp for comp, words in cues()["comparators"]["after"].items() for w in words}
    alts = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(to_comp, key=len, reverse=True))
    # up to two plain words may stand between ("20% chủ thể trở lên"), but no star class
    return regex.compile(rf"(?:\s+(?!sao\b)\p{{L}}+){{0,2}}?\s*(?P<cue>{alts})(?![\p{{L}}])", regex.I), to_comp


_NAME_BEFORE = regex.compile(r"\p{L}\s\Z", regex.REVERSE)
# "trên" after these is "above" in the text, not "more than": "trong tổng số nêu trên có 79 sản phẩm"
_ABOVE_BEFORE = regex.compile(rf"(?<![\p{{L}}]){alternation(cues()['comparators']['above_after'], fold_case=True)}\s+\Z",
                              regex.I | regex.REVERSE)
_STORY_START = regex.compile(r"[^.;:,]{0,40}?(?<![\p{L}])ban\s+đầu(?![\p{L}])", regex.I)
# where a rise (or a fall) goes after its starting point: "từ 461 sản phẩm (năm 2025, …) lên ít nhất 650 sản phẩm",
# "giảm từ 19,5% cuối năm 2021 xuống còn 15,8%"
_BASELINE_AFTER = regex.compile(r"(?:[^;.()]|\([^()]{0,200}\)){0,40}?(?<![\p{L}])(?<!trở\s)(?:lên|xuống|đến|tới)\s+"
                                r"(?:(?!ngày|tháng|năm|quý)[^\s\d;.,()]+\s+){0,3}\d", regex.I)
# "từ" right before a figure: a rise's or a range's start, or a story's
FROM_BEFORE = regex.compile(r"(?<![\p{L}])từ\s+\Z", regex.I | regex.REVERSE)


# … and a rise's start said roughly: "từ khoảng 25% hiện nay lên 70%"
_RISE_FROM = regex.compile(r"(?<![\p{L}])từ\s+(?:(?:khoảng|gần|hơn|trên|chưa\s+đến)\s+)?\Z", regex.I | regex.REVERSE)


def _rises_after(text: str, end: int) -> bool:
    """Whether a rise goes on after the figure ending at `end`: "… lên ít nhất 650 sản phẩm"."""
    return bool(_BASELINE_AFTER.match(text, end, min(len(text), end + 260)))


def rise_start(text: str, start: int, end: int) -> bool:
    """Whether the figure at text[start:end] is where a rise starts ("từ 461 sản phẩm lên ít nhất 650"):
    what is, not a floor.

    >>> t = "nâng tổng số sản phẩm từ 461 sản phẩm (năm 2025) lên ít nhất 650 sản phẩm"
    >>> rise_start(t, t.find("461"), t.find("461") + 3), rise_start(t, t.find("650"), t.find("650") + 3)
    (True, False)
    >>> t = "nâng tỷ lệ chế biến sâu từ khoảng 25% hiện nay lên 70%"
    >>> rise_start(t, t.find("25"), t.find("25") + 3)
    True
    """
    return bool(_RISE_FROM.search(text, max(0, start - 16), start)) and _rises_after(text, end)


# a ceiling said with words between its negation and "quá": "không để tồn đọng quá 200 sản phẩm"
_NEGATED_EXCESS = regex.compile(r"(?<![\p{L}])không\s+(?:để\s+|được\s+)?(?:[^\s\d,.;:()]+\s+){1,3}quá\s+\Z",
                                regex.I | regex.REVERSE)
# a floor or a ceiling that, followed by "với", ranks instead ("nhiều nhất với 26 sản phẩm", "ít nhất với 2")
_SUPERLATIVES = frozenset(("nhiều nhất", "ít nhất"))
_WITH = regex.compile(r"\s+với\s", regex.I)


def comparator_for(text: str, q: Quantity, floor: int) -> tuple[str, int]:
    """The comparator of quantity `q` and where its cue starts (q.start if none).

    `floor` is the start of the clause: cues are not looked for before it.
    """
    window_start = max(floor, q.start - 48)
    window = text[window_start:q.start]
    m = _before_regex()[0].search(window)
    if q.value_max is not None:
        start = window_start + m.start() if m and m.group("cue").lower() in ("từ", "khoảng") else q.start
        return "range", start
    if m and m.group("cue")[0].isupper() and not m.group("cue").isupper() \
            and _NAME_BEFORE.search(text, floor, window_start + m.start()):
        m = None  # "huyện Đại Từ 7 sản phẩm", "thôn Làng Trên 15 hộ": a capital after a word ends a name
        # (a headline in capitals, "THU HÚT HƠN 4.500 LƯỢT KHÁCH", names nothing by its case)
    if m and m.group("cue").lower() == "trên" and _ABOVE_BEFORE.search(text, floor, window_start + m.start()):
        m = None
    a = _after_regex()[0].match(text, q.end, min(len(text), q.end + 48))
    if m:
        cue = " ".join(m.group("cue").lower().split())
        comp = _before_regex()[1][cue]
        if cue in _SUPERLATIVES and _WITH.search(window, m.end("cue")):
            return "=", q.start  # "nhóm thực phẩm chiếm nhiều nhất với 26 sản phẩm": the largest, 26
        if cue == "từ" and _rises_after(text, q.end):
            return "=", q.start  # "từ 10 sản phẩm lên 15 sản phẩm": a starting point
        if cue == "từ" and _STORY_START.match(text, q.end, min(len(text), q.end + 60)):
            return "=", q.start  # "Từ 12 hộ thành viên ban đầu, …": where a story starts
        if cue == "từ" and a:  # "từ 60% trở xuống": the word after says which way
            return _after_regex()[1][" ".join(a.group("cue").lower().split())], window_start + m.start()
        return comp, window_start + m.start()
    if a:
        return _after_regex()[1][" ".join(a.group("cue").lower().split())], q.start
    n = _NEGATED_EXCESS.search(text, max(floor, q.start - 60), q.start)
    if n:
        return "<=", n.start()
    return "=", q.start
