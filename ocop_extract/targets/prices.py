"""Prices: a sum of money said as what something sells at ("có giá từ 90.000 đến 160.000 đồng/lít",
"giá bán 250.000 đồng/chai"), which news tells of as it is now.

>>> t = "Giá nước mắm của cơ sở từ 90.000 đến 160.000 đồng/lít tùy độ đạm"
>>> said_as_price(t, 0, t.index("từ"), t.index(" tùy"))
True
>>> t = "Tổng kinh phí thực hiện là 850 triệu đồng"
>>> said_as_price(t, 0, t.index("850"), len(t))
False
"""

from __future__ import annotations

import regex

from ..phrases import alternation
from .cues import cues

# a price's words before the figure, a few words between: "có giá không dưới", "giá vé trải nghiệm tại làng nghề
# chỉ không quá" (not "giá trị", a value)
PRICE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(cues()['status']['price_words'], fold_case=True)})(?!\s+trị)"
                             r"(?:\s+[^\s\d,.;:()]+){0,10}?\s*\Z", regex.I | regex.REVERSE)
# … or a sum per unit sold after it: "đồng/lít", "đồng/kg", "đồng/hộp" (not per person, year or product supported)
_PER_UNIT_SOLD = regex.compile(r"\s*/\s*(?:kg|lít|chai|hộp|gói|túi|lọ|hũ|bánh|con|quả|trái|cây|tấn|gram|g|ml|cái|chiếc|bộ|sản\s+phẩm\s+bán)(?![\p{L}])",
                               regex.I)


def price_said_before(text: str, floor: int, at: int) -> bool:
    """Whether a price's words stand right before `at`, a few words between, not before `floor` ("có giá không
    dưới", "giá vé trải nghiệm tại làng nghề chỉ không quá")."""
    return PRICE_BEFORE.search(text, max(floor, at - 60), at) is not None


def said_as_price(text: str, floor: int, start: int, end: int) -> bool:
    """Whether the sum at text[start:end] (its comparator included) is a price: its words before it in its
    clause (from `floor`), or a unit sold after it."""
    return price_said_before(text, floor, start) or _PER_UNIT_SOLD.match(text, end) is not None
