"""Metric: the noun phrase a quantity counts, cut at a sensible boundary.

>>> metric_after("70% số sản phẩm đăng ký tham gia Chương trình OCOP đạt hạng 3 sao trở lên; Trong đó", 3)
'số sản phẩm đăng ký tham gia Chương trình OCOP đạt hạng 3 sao trở lên'
>>> metric_after("10 tổ chức kinh tế (Doanh nghiệp vừa và nhỏ) tham gia OCOP.", 3)
'tổ chức kinh tế'
"""

from __future__ import annotations

import regex

_STOP = regex.compile(r"[;.:()\[\]\n\"“”]|,\s|\s-\s|\s(?:trong đó|nhằm|để|so với|theo|gồm)\s", regex.I)
MAX_WORDS = 18


_PURPOSE = regex.compile(r"\s*(?:được\s+)?(?:dùng\s+để|dùng\s+cho|dùng|dành\s+cho|để|cho|sử\s+dụng\s+vào|sử\s+dụng\s+cho)\s+", regex.I)
_FUND_WORDS = regex.compile(
    r"(?:tổng\s+)?(?:kinh\s+phí|ngân\s+sách|vốn|nguồn\s+vốn|nguồn)[^,;:.()]*?(?=\s*(?:dự\s+kiến|khoảng|là|bố\s+trí|:|\Z))",
    regex.I)


def money_metric(text: str, before_start: int, number_start: int, unit_end: int, limit: int) -> str | None:
    """What a sum of money is for: the purpose after it, else the fund named before it.

    >>> t = "ngân sách trung ương 6.500 triệu đồng; 440 triệu đồng dùng để hỗ trợ tư vấn phát triển sản phẩm."
    >>> money_metric(t, 0, 21, 38, 38), money_metric(t, 39, 40, 54, len(t))
    ('ngân sách trung ương', 'hỗ trợ tư vấn phát triển sản phẩm')
    """
    m = _PURPOSE.match(text, unit_end, limit)
    if m:
        return metric_after(text, m.end(), limit)
    f = None
    for f in _FUND_WORDS.finditer(text, before_start, number_start):
        pass
    return " ".join(f.group().split()) if f else None


def metric_after(text: str, start: int, limit: int | None = None) -> str | None:
    """The phrase from `start` to the next boundary, at most MAX_WORDS words."""
    limit = len(text) if limit is None else limit
    m = _STOP.search(text, start, limit)
    phrase = text[start:m.start() if m else limit]
    words = phrase.split()[:MAX_WORDS]
    while words and words[-1].lower() in ("và", "của", "các", "có", "được", "là", "với", "cho"):
        words.pop()
    return " ".join(words) or None
