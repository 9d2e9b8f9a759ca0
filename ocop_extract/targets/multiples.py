"""Multiples said without the unit "lần": "gấp đôi" (2), "gấp rưỡi" (1.5), "gấp ba", "gấp 2,5"
("tăng gấp ba so với năm 2021"), read as quantities of the unit "times".
"""

from __future__ import annotations

import regex

from .quantities import Quantity

# a multiple said without "lần": "gấp đôi" (2), "gấp rưỡi" (1.5), "gấp ba", "gấp 3" ("tăng gấp ba so với
# năm 2021"); "gấp 3 lần", "gấp ba lần" are read as numbers of the unit "lần"
_MULTIPLE = regex.compile(r"(?<![\p{L}])gấp\s+(?P<word>đôi|rưỡi|ba|bốn|\d{1,2}(?:,\d)?)(?![\p{L}\d])(?!\s*lần)", regex.I)
_MULTIPLE_VALUE = {"đôi": 2.0, "rưỡi": 1.5, "ba": 3.0, "bốn": 4.0}


def _multiple(word: str) -> float:
    return _MULTIPLE_VALUE.get(word.lower()) or float(word.replace(",", "."))


def with_multiples(text: str, start: int, end: int, found: list[Quantity]) -> list[Quantity]:
    """`found` and the multiples said without "lần" in text[start:end], in text order.

    >>> from .quantities import find_quantities
    >>> [(q.value, q.unit, q.raw) for q in find_quantities("Số sản phẩm 4 sao tăng gần gấp đôi so với năm 2023.")]
    [(2.0, 'times', 'gấp đôi')]
    >>> [(q.value, q.raw) for q in find_quantities("tăng gấp ba so với năm 2021, gấp 2,5 so với năm 2019")]
    [(3.0, 'gấp ba'), (2.5, 'gấp 2,5')]
    """
    extra = [Quantity(m.start(), m.end(), _multiple(m.group("word")), None, "times", m.group(),
                      False, True, m.group(), False)
             for m in _MULTIPLE.finditer(text, start, end) if not any(q.start < m.end() and m.start() < q.end for q in found)]
    return sorted(found + extra, key=lambda q: q.start) if extra else found
