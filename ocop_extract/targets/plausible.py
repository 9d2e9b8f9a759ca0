"""Plausibility and unit overrides: readings a finder drops or re-reads before proposing them.

Dropped: "là một sản phẩm đặc trưng" (one as an article), "hỗ trợ một lần"
(once), "đạt 80 điểm" (a score), a sum spelled out in words after its figure.
Re-read: a bare "điểm" takes the kind of the "điểm bán"/"điểm du lịch" named
before it (`bare_point`).

>>> from ocop_extract.targets.quantities import find_quantities
>>> t = "Đây là một sản phẩm đặc trưng"
>>> plausible(t, find_quantities(t)[0], "=", 0, [], []) is None
True
>>> t = "Xây dựng 5 điểm bán hàng OCOP; năm 2025 thêm 3 điểm"
>>> plausible(t, find_quantities(t)[1], "=", 0, [], []).unit
'sales_point'
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..lexicon import load_lexicon
from ..phrases import alternation
from ..sentences import in_parentheses
from .comparators import FROM_BEFORE
from .cues import cues
from .quantities import Quantity

_SPELLED_OUT = regex.compile(r"\s*\(\s*(?:bằng\s+chữ\s*:?\s*)?[\p{L}\s,]*", regex.I)
_LIST_JOIN = regex.compile(r"(?:[,;]|(?<![\p{L}])và)\s*\Z", regex.I | regex.REVERSE)
# "một" counted: after the words that open a breakdown ("trong đó có một sản phẩm 4 sao") or after
# "mỗi" and what it distributes over ("mỗi năm một hội chợ", "mỗi huyện có một điểm")
_ONE_COUNTED = regex.compile(r"(?:(?<![\p{L}])(?:trong\s+đó|bao\s+gồm|gồm)(?:\s+có)?\s*:?"
                             r"|(?<![\p{L}])mỗi\s+\p{L}+(?:\s+\p{L}+)?(?:\s+có)?)\s*\Z", regex.I | regex.REVERSE)


def _spaced(words) -> str:
    """An alternation of `words`, any run of blanks between their syllables."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


_UNITS = load_lexicon("units")
# what makes a count of places the units a merger joined: "ba địa phương cũ", "hai tỉnh trước hợp nhất"
_FORMER_UNITS = regex.compile(rf"\s+{alternation(_UNITS['former_units'], fold_case=True)}(?![\p{{L}}])", regex.I)
# … said in parentheses after a count in words ("hai tỉnh (cũ)"; "169/173 xã (trước sắp xếp)" counts communes)
_FORMER_UNITS_ASIDE = regex.compile(rf"\s*\(\s*{alternation(_UNITS['former_units'], fold_case=True)}\s*\)", regex.I)
# the places a text has just named, counted in words: "TP Nha Trang và huyện Cam Lâm là hai địa phương …"
_NAMED_COUNT = regex.compile(r"(?<![\p{L}])là\s+\Z", regex.I | regex.REVERSE)
# places counted in words as the ones merged ("Sau khi hợp nhất ba tỉnh …"), or as the subject of a
# figure in their clause ("ba tỉnh có tổng cộng 612 xã", "hai địa phương đã công nhận mới 412 sản phẩm"):
# they set the scope of another figure (CONTRACT.md §4, optional items), not one of their own
# a machine's or a plant's rating ("máy rang công suất 30 kg/mẻ"): what it can do, not a figure reached or set
_CAPACITY = regex.compile(r"(?<![\p{L}])công\s+suất\s+(?:(?:thiết\s+kế|tối\s+đa|khoảng|đạt)\s+)?\Z", regex.I | regex.REVERSE)
_MERGED = regex.compile(r"(?<![\p{L}])(?:hợp\s+nhất|sáp\s+nhập|sắp\s+xếp|gộp)(?:\s+(?:cả|các|từ))?\s+\Z",
                        regex.I | regex.REVERSE)
_FIGURE_OF_THEM = regex.compile(r"(?:[^,;.:()\n\d]|\([^()\d]{0,30}\)){0,60}?(?<![\p{L}\d])\d", regex.I)
# the places counted in words, then named: "ba địa phương: Quảng Ninh, Đồng Tháp và Sơn La"
_NAMES_THEM = regex.compile(r"\s*[:(]\s*\p{Lu}")
_AMONG = regex.compile(r"(?<![\p{L}])nhất\s+(?:trong|giữa)\s+(?:số\s+)?\Z", regex.I | regex.REVERSE)  # "cao nhất trong ba tỉnh"
# a number word before a capitalised word is part of a name ("Ba Làng", "Đồng Lộc" after "Ngã ba")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}\p{Ll}")
_RANGE_END = regex.compile(r"[^.;:]{0,50}?(?<![\p{L}])(?:đến|tới|lên)\s+\S", regex.I)
_THRESHOLD_UNITS = frozenset(_UNITS["thresholds"])
# a place noun, then what may stand before the comparator: "xã đạt dưới", "xã dưới"
_SORTED_PLACES = regex.compile(rf"(?<![\p{{L}}]){alternation(_UNITS['admin_unit'], fold_case=True)}"
                               r"\s+(?:(?:đạt|còn|có)\s+)?\p{L}+(?:\s+\p{L}+)?\s*\Z", regex.I | regex.REVERSE)
_SALES_CONTEXT = regex.compile(_spaced(_UNITS["sales_words"]), regex.I)
_OTHER_POINTS = frozenset(_UNITS["point_kinds"]["other"])
_POINT_KIND = regex.compile(
    rf"(?<![\p{{L}}])điểm\s+({_spaced(w for ws in _UNITS['point_kinds'].values() for w in ws)})(?![\p{{L}}])", regex.I)
_COUNTED_BEFORE = regex.compile(r"(?<![\d.,])\d[\d.,]*\s+\Z", regex.REVERSE)
# Patterns ending in \Z are read backwards from the quantity (REVERSE): one attempt, not one per character.
_ADDITIVE = regex.compile(rf"(?<![\p{{L}}])(?:{_spaced(cues()['one_counts_after'])})\s*\Z", regex.I | regex.REVERSE)


# the producers a clause may count in "đơn vị": "Chủ thể OCOP … hiện có 689 đơn vị", "số chủ thể tăng 19 đơn vị"
_ENTITY_SUBJECT = regex.compile(r"(?<![\p{L}])chủ\s+thể(?![\p{L}])", regex.I)


def spelled_out(text: str, q: Quantity, prev: Quantity | None) -> bool:
    """Whether `q`, in words, spells out in parentheses the figure `prev` just before it.

    >>> from ocop_extract.targets.quantities import find_quantities
    >>> t = "Tổng kinh phí 6.850 triệu đồng (Sáu tỷ, tám trăm năm mươi triệu đồng)"
    >>> a, b = find_quantities(t)
    >>> spelled_out(t, b, a)
    True
    """
    return bool(prev is not None and not prev.words and _SPELLED_OUT.fullmatch(text, prev.end, q.start))


def plausible(text: str, q: Quantity, comparator: str, floor: int, why: list[str],
              earlier_units: list[str]) -> Quantity | None:
    """The quantity as read (its unit re-read for a bare "điểm"), or None for a reading too often not one.

    `floor` is where its clause starts; `earlier_units` are the units of the
    candidates already kept in the same sentence.
    """
    if q.words and _NAME_AFTER.match(text, q.start + len(q.raw)):
        return None  # "Nước mắm Ba Làng", "Ngã ba Đồng Lộc": a number word in a name
    if q.words and q.raw.lower() == "một" and q.value_max is None:
        if FROM_BEFORE.search(text, max(floor, q.start - 8), q.start) and not _RANGE_END.match(text, q.end, q.end + 60):
            return None  # "Từ một tổ hợp tác nhỏ, …": where a story starts, not a count
        if q.unit == "times":
            return None  # "hỗ trợ một lần": once
        window = text[max(floor, q.start - 16):q.start]
        # (a ";" that ends the clause before counts: "…; một sản phẩm nâng hạng lên 4 sao")
        listed = _LIST_JOIN.search(text, max(0, floor - 2, q.start - 16), q.start) and q.unit in earlier_units
        counted = _ADDITIVE.search(window) or _ONE_COUNTED.search(text, max(floor, q.start - 24), q.start)
        if comparator == "=" and (in_parentheses(text, floor, q.start) or (not counted and not listed)):
            return None  # "là một sản phẩm đặc trưng", "một trong những …", "(nhãn lồng và một sản phẩm gạo)"
        why.append("'một' read as 1: after a comparator, a verb of choosing, a breakdown's opening, 'mỗi …' or in a list")
    if comparator != "=" and q.unit_text.lower() in _THRESHOLD_UNITS and _SORTED_PLACES.search(text, max(floor, q.start - 30), q.start):
        return None  # "số xã đạt dưới 10 tiêu chí": a class of communes, not a figure
    if q.unit == "admin_unit" and (_FORMER_UNITS.match(text, q.end, q.end + 40)
                                   or (q.words and _FORMER_UNITS_ASIDE.match(text, q.end, q.end + 40))):
        return None  # "của ba địa phương cũ", "hai tỉnh (cũ)": the units merged, not a figure
    if q.unit == "admin_unit" and q.words and (_NAMES_THEM.match(text, q.end)
                                                or _AMONG.search(text, max(floor, q.start - 24), q.start)):
        return None  # "tại ba địa phương: Quảng Ninh, …", "cao nhất trong ba địa phương": the places named
    if q.unit == "admin_unit" and q.words and _NAMED_COUNT.search(text, max(floor, q.start - 8), q.start):
        return None  # "A và B là hai địa phương có nhiều sản phẩm nhất": the places named, counted
    if q.unit == "admin_unit" and (_MERGED.search(text, max(floor, q.start - 24), q.start)
                                   or (q.words and _FIGURE_OF_THEM.match(text, q.end))):
        return None  # "hợp nhất ba tỉnh" ("3 tỉnh"), "ba tỉnh có tổng cộng 612 xã": the places a figure is said of
    if q.unit == "other" and _CAPACITY.search(text, max(floor, q.start - 30), q.start):
        return None  # "máy rang công suất 30 kg/mẻ": a machine's rating
    if q.unit_text.lower() == "điểm":
        return bare_point(text, q, why)
    if q.unit == "admin_unit" and q.unit_text.lower() == "đơn vị" \
            and _ENTITY_SUBJECT.search(text, max(floor, q.start - 80), q.start):
        why.append("'đơn vị' counts the producers its clause names ('số chủ thể tăng 19 đơn vị')")
        return replace(q, unit="entity")
    return q


# the scores a class takes: a range of points ("từ 50 điểm đến dưới 70 điểm"), the class after ("70 điểm (hạng 4 sao)")
_SCORE_RANGE = regex.compile(r"(?<![\p{L}])từ\s+\d+\s+điểm\s+(?:đến|tới)\s+(?:dưới\s+)?\Z", regex.I | regex.REVERSE)
_SCORE_RANGE_ON = regex.compile(r"\s+(?:đến|tới)\s+(?:dưới\s+)?\d+\s+điểm(?![\p{L}])", regex.I)
_CLASS_OF_SCORE = regex.compile(r"\s*(?:trở\s+lên\s*)?\(?\s*(?:hạng|tương\s+đương|được\s+xếp\s+hạng|xếp\s+hạng)\s+\d\s+sao", regex.I)


def is_score(text: str, q: Quantity) -> bool:
    """Whether `q`, a bare "điểm", is a score a class takes ("từ 50 điểm đến dưới 70 điểm (hạng 3 sao)").

    >>> from ocop_extract.targets.quantities import find_quantities
    >>> t = "có 15 sản phẩm đạt từ 50 điểm đến dưới 70 điểm (hạng 3 sao)"
    >>> [is_score(t, q) for q in find_quantities(t)]
    [False, True, True]
    """
    return q.unit_text.lower() == "điểm" and bool(
        _SCORE_RANGE.search(text, max(0, q.start - 40), q.start) or _CLASS_OF_SCORE.match(text, q.end)
        or _SCORE_RANGE_ON.match(text, q.end))


def bare_point(text: str, q: Quantity, why: list[str]) -> Quantity | None:
    """A bare "điểm": the kind of point named before it, a point of sale where the passage sells, else a score."""
    if is_score(text, q):
        return None  # "từ 50 điểm đến dưới 70 điểm (hạng 3 sao)": the scores of a class
    kinds = list(_POINT_KIND.finditer(text, max(0, q.start - 600), q.start))
    # (the kind a figure counted before, over one named as a place: "thêm 4 điểm giới thiệu … gắn với các điểm
    # du lịch, nâng tổng số lên 25 điểm")
    kinds = [k for k in kinds if _COUNTED_BEFORE.search(text, max(0, k.start() - 24), k.start())] or kinds
    if kinds:
        unit = "other" if kinds[-1].group(1).lower() in _OTHER_POINTS else "sales_point"
        why.append(f"bare 'điểm': as the 'điểm {kinds[-1].group(1)}' before it")
        return replace(q, unit=unit)
    if not _SALES_CONTEXT.search(text, max(0, q.start - 300), q.end + 80):
        return None  # "đạt 80 điểm" is a score, not a point of sale
    why.append("bare 'điểm' read as a point of sale: the passage speaks of sales")
    return q
