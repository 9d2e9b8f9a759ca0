"""Ranges: two numbers that are the ends of one range ("10-15", "từ 15 đến 20", "giữa 20 và 30 triệu
đồng", "từ 5.000 đồng đến 8.000 đồng"), read for `quantities`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .numbers import NumberMatch, parse_digits, parse_words

if TYPE_CHECKING:
    from .quantities import Quantity

_RANGE = regex.compile(r"\s*(?:-|đến|tới|~)\s*", regex.I)
# "giữa 20 và 30 triệu đồng": "và" joins a range only after "giữa" (read backwards from the number)
_BETWEEN = regex.compile(r"(?<![\p{L}])giữa\s+\Z", regex.I | regex.REVERSE)
_AND = regex.compile(r"\s+và\s+", regex.I)
# "từ 5.000 đồng đến 8.000 đồng", "5000 VNĐ - 8000 VNĐ": a range whose two ends both carry the unit
# (the join alone: "Bạc Liêu mới có gần 60 sản phẩm, Hậu Giang chưa tới 130 sản phẩm" is two figures)
_UNIT_RANGE_JOIN = regex.compile(r"(?:\s*/\s*\p{L}+)?\s*(?:-|–|đến|tới)\s*", regex.I)
# but a change is two figures: "tăng từ 10 sản phẩm (năm 2022) đến 15 sản phẩm"; an amount added is
# one range: "tăng thêm từ 5.000 đồng đến 8.000 đồng/xấp", and so is a cost ("phí vận chuyển từ …")
# and a rise of a rate per unit ("giá bán tăng từ 5.000 đồng đến 8.000 đồng/kg")
_PER_UNIT = regex.compile(r"\s*/\s*\p{L}")  # "… đồng/kg": a rate per unit
_CHANGE_BEFORE = regex.compile(r"(?<![\p{L}])(?:tăng|giảm|nâng|đưa|(?<!vận\s)chuyển|rút)(?!\s+thêm)(?:\s+\S+){0,3}?\s+từ\s+\Z",
                               regex.I | regex.REVERSE)


def ends_of_one_range(text: str, low: "Quantity", high: "Quantity") -> bool:
    """Whether two quantities of one unit are the ends of one range ("từ 5.000 đồng đến 8.000 đồng").

    >>> from ocop_extract.targets.quantities import find_quantities
    >>> [(q.value, q.value_max) for q in find_quantities("giá bán từ 5.000 đồng đến 8.000 đồng/kg")]
    [(5000.0, 8000.0)]
    >>> [(q.value, q.value_max) for q in find_quantities("doanh thu tăng giữa 20% và 30%")]
    [(20.0, 30.0)]
    >>> [(q.value, q.value_max) for q in find_quantities("lãi suất từ 5,5%/năm đến 6,5%/năm")]
    [(5.5, 6.5)]
    >>> [(q.value, q.value_max) for q in find_quantities("Bạc Liêu có gần 60 sản phẩm, Hậu Giang chưa tới 130 sản phẩm")]
    [(60.0, None), (130.0, None)]
    """
    joined = bool(_UNIT_RANGE_JOIN.fullmatch(text, low.end, high.start)) or (
        # "giữa 20% và 30%", "giữa 500 triệu đồng và 1 tỷ đồng"
        bool(_AND.fullmatch(text, low.end, high.start)) and bool(_BETWEEN.search(text, max(0, low.start - 8), low.start)))
    return (low.value_max is None and high.value_max is None and low.unit == high.unit
            and high.value > low.value and (not low.per_year or high.per_year) and joined
            and (_PER_UNIT.match(text, high.end) or not _CHANGE_BEFORE.search(text, max(0, low.start - 40), low.start)))


def range_of(text: str, num: NumberMatch, following: NumberMatch | None, pos: int,
              limit: int) -> tuple[float, float | None, int, NumberMatch | None]:
    """(value, value_max, where reading goes on, the second end whose scale the first borrows) of a range
    at `pos` after `num` ("10-15", "từ 15 đến 20", "02 - 03", "từ ba đến năm", "1,5 - 2 tỷ"), else of `num` alone."""
    value, value_max, scaled_second = num.value, None, None
    m = _RANGE.match(text, pos, limit)
    if m is None and _BETWEEN.search(text, max(0, num.start - 8), num.start):
        m = _AND.match(text, pos, limit)
    if m and following is not None and following.start == m.end() and following.digits == num.digits:
        second = following
        # "5 - 0 triệu": a second end whose own number is zero gives no scale to borrow
        if second.text != second.raw and num.text == num.raw and first_value(second):
            scaled_second = second
            value *= second.value / first_value(second)
        if second.value > value:
            value_max = second.value
            pos = second.end
        else:
            scaled_second = None
            value = num.value
    return value, value_max, pos, scaled_second


def first_value(num: NumberMatch) -> float:
    """The value of a numeral without its scale word ("1,5" of "1,5 tỷ")."""
    return parse_digits(num.raw) if num.digits else (parse_words(num.raw) or 1.0)
