"""How the numbers of a list share one unit: the figures listed before the one that names it ("9, 7 và 6
sản phẩm", "Lâm Hà 12, Đức Trọng 8 sản phẩm"), a rise's start ("tăng từ 17 lên 24 sản phẩm"), and the parts
of a parenthesis each named by a kind ("(cà phê 14 sản phẩm, mắc ca 7, sầu riêng 6)").

>>> t = "tăng từ 17 lên 24 sản phẩm"
>>> rises_to(t, t.find("17"), t.find("17") + 2, t.find("24"))
True
>>> t = "(cà phê 14 sản phẩm, mắc ca 7, sầu riêng 6)"
>>> kind_listed(t, t.find("14"), t.find("phẩm") + 4, t.find("7"), t.find("7") + 1)
True
>>> t = "(sản phẩm 3 sao 20 triệu đồng/sản phẩm, sản phẩm 4 sao 40 triệu đồng/sản phẩm)"
>>> kind_listed(t, t.find("20"), t.find("/sản") + 9, t.find("4 sao"), t.find("4 sao") + 1)
False
"""

from __future__ import annotations

import regex

# what joins the numbers of a list sharing the last one's unit: "9, 7 và 6 sản phẩm", and the places
# the list names before each ("Lâm Hà 12, Đức Trọng 8 sản phẩm", "huyện Tiên Lữ 5 và thị xã Mỹ Hào 4 sản phẩm")
_PLACE_LABEL = r"(?:(?:huyện|thị\s+xã|thành\s+phố|TP\.?|xã|phường)\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}\s+"
_LISTED = regex.compile(rf"(?:,\s*|\s+và\s+|,\s+và\s+)(?:{_PLACE_LABEL})?")
# … and a rise or fall from one figure to the next, counted in the second's unit: "tăng từ 17 lên 24 sản phẩm"
_RISE = regex.compile(r"\s+(?:lên|xuống)(?:\s+(?:thành|còn|mức))?\s+", regex.I)
_FROM = regex.compile(r"(?<![\p{L}])từ\s+\Z", regex.I | regex.REVERSE)
# … and, inside a parenthesis, the parts each named by a kind in lower case: "(cà phê 14 sản phẩm, mắc ca 7,
# sầu riêng 6)"
_KIND_LISTED = regex.compile(r"[,;]\s*(?:\p{Ll}+\s+){1,3}")
_PART_END = regex.compile(r"\s*(?:[,;)]|và\s)")
_ASIDE_REACH = 40


def listed_after(text: str, end: int, start: int) -> bool:
    """Whether text[end:start] joins two numbers of one list ("9, 7", "Lâm Hà 12, Đức Trọng 8")."""
    return _LISTED.fullmatch(text, end, start) is not None


def rises_to(text: str, start: int, end: int, following: int, floor: int = 0) -> bool:
    """Whether the number at text[start:end] starts a rise ("từ 17 lên") to the number at `following`."""
    return _RISE.fullmatch(text, end, following) is not None and \
        _FROM.search(text, max(floor, start - 8), start) is not None


def kind_listed(text: str, counted_start: int, counted_end: int, start: int, end: int) -> bool:
    """Whether the number at text[start:end] goes on a list of parts in the parenthesis that holds the
    figure at text[counted_start:counted_end] (a part ends on the list's next comma or its close:
    "sản phẩm 4 sao" is no part)."""
    if not _KIND_LISTED.fullmatch(text, counted_end, start) or not _PART_END.match(text, end):
        return False
    opened = text.rfind("(", max(0, counted_start - _ASIDE_REACH), counted_start)
    return opened >= 0 and ")" not in text[opened:start]
