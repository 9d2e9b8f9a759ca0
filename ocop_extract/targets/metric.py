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


def metric_after(text: str, start: int, limit: int | None = None) -> str | None:
    """The phrase from `start` to the next boundary, at most MAX_WORDS words."""
    limit = len(text) if limit is None else limit
    m = _STOP.search(text, start, limit)
    phrase = text[start:m.start() if m else limit]
    words = phrase.split()[:MAX_WORDS]
    while words and words[-1].lower() in ("và", "của", "các", "có", "được", "là", "với", "cho"):
        words.pop()
    return " ".join(words) or None
