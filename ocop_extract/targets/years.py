"""Deadline years: the year by or in which a quantity is to be met.

Year expressions: "năm 2024", "đến cuối năm 2025", "giai đoạn 2021-2025" (its
last year), "quý IV/2024", "tháng 6/2024", "năm nay" (the document's own year).
"so với năm 2022" is a baseline, never a deadline.

>>> [(e.year, e.kind) for e in year_expressions("đến năm 2025, tăng 15% so với năm 2024; giai đoạn 2021 - 2025", 2024)]
[(2025, 'deadline'), (2024, 'baseline'), (2025, 'period')]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_EXPR = regex.compile(
    r"(?P<baseline>so\s+với\s+(?:cùng\s+kỳ\s+)?(?:năm\s+)?(?P<by>(?:19|20)\d{2}))"
    r"|(?P<period>(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|nhiệm\s+kỳ)?\s*(?P<p1>(?:19|20)\d{2})\s*-\s*(?P<p2>(?:19|20)\d{2}))"
    r"|(?P<quarter>(?:quý|tháng)\s+[IVX\d]+\s*/\s*(?P<qy>(?:19|20)\d{2}))"
    r"|(?P<year>năm\s+(?P<y>(?:19|20)\d{2}))(?!\d|\s*-\s*(?:19|20)\d{2})"
    r"|(?P<this>(?<![\p{L}])năm\s+nay(?![\p{L}]))"
    r"|(?P<next>(?<![\p{L}])năm\s+(?:tới|sau)(?![\p{L}]))"
    r"|(?P<last>(?<![\p{L}])năm\s+(?:ngoái|trước|qua)(?![\p{L}]))",
    regex.I,
)


@dataclass(frozen=True)
class YearExpr:
    start: int
    end: int
    year: int
    kind: str            # deadline, period, baseline
    first: int | None = None   # first year of a period


def year_expressions(text: str, ref_year: int | None, start: int = 0, end: int | None = None) -> list[YearExpr]:
    """Year expressions in text[start:end]; `ref_year` resolves "năm nay"."""
    out = []
    for m in _EXPR.finditer(text, start, len(text) if end is None else end):
        if m.group("baseline"):
            out.append(YearExpr(m.start(), m.end(), int(m.group("by")), "baseline"))
        elif m.group("period"):
            first, last = int(m.group("p1")), int(m.group("p2"))
            if last >= first:
                out.append(YearExpr(m.start(), m.end(), last, "period", first))
        elif m.group("quarter"):
            out.append(YearExpr(m.start(), m.end(), int(m.group("qy")), "deadline"))
        elif m.group("year"):
            out.append(YearExpr(m.start(), m.end(), int(m.group("y")), "deadline"))
        elif ref_year is not None:
            offset = 0 if m.group("this") else (1 if m.group("next") else -1)
            out.append(YearExpr(m.start(), m.end(), ref_year + offset, "deadline"))
    return out
