"""Scope: the place whose target it is.

The nearest place named as the subject before the quantity in its clause
("huyện Quản Bạ phấn đấu …", "thị xã Nghĩa Lộ 05 sản phẩm"); a place after
"tại", "ở", "của" is where something happens, not whose target it is. With
none, the district of a district plan, else the document's province.

>>> subject_place("Huyện Quản Bạ phấn đấu có thêm ít nhất ", "Hà Giang")
'Quản Bạ'
>>> subject_place("Xây dựng 01 trung tâm tại thành phố Kon Tum và ", "Kon Tum") is None
True
>>> subject_place("thành phố Hưng Yên có thêm ", "Hưng Yên")
'thành phố Hưng Yên'
"""

from __future__ import annotations

from functools import lru_cache

import regex

_NAME = r"\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,3}"
_PREFIXED = regex.compile(
    rf"(?P<prefix>(?<![\p{{L}}])(?i:huyện|thị\s+xã|thành\s+phố|TP\.?|TX\.?|xã|thị\s+trấn|phường|tỉnh))\s+(?P<name>{_NAME})")
# read backwards from the name (REVERSE): the clause before it can be long
_ADVERBIAL = regex.compile(r"(?:tại|ở|của|cho|về|thuộc|đến|trên\s+địa\s+bàn|với|trong|từ|và|các)\s*\Z", regex.I | regex.REVERSE)


def _clean(prefix: str, name: str, province: str | None) -> str:
    prefix = " ".join(prefix.lower().split())
    if prefix == "tỉnh":
        return name
    if prefix in ("thành phố", "tp", "tp.") and province and name == province:
        return f"thành phố {name}"
    return name


@lru_cache(maxsize=64)
def _names_regex(names: tuple[str, ...]) -> regex.Pattern | None:
    if not names:
        return None
    alts = "|".join(regex.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{alts})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def province_names() -> tuple[str, ...]:
    """Every written form of a province's name (a roundup's subjects: "Bắc Ninh năm 2024 công nhận …")."""
    from ..metadata.gazetteer import all_province_names

    return tuple(all_province_names())


def subject_place(before: str, province: str | None, extra_names: tuple[str, ...] = ()) -> str | None:
    """The place named as subject in `before` (text of the clause up to the quantity)."""
    best: tuple[int, str] | None = None
    for m in _PREFIXED.finditer(before):
        if _ADVERBIAL.search(before, 0, m.start()):
            continue
        best = (m.start(), _clean(m.group("prefix"), m.group("name"), province))
    names = _names_regex(extra_names)
    for m in names.finditer(before) if names else ():
        if _ADVERBIAL.search(before, 0, m.start()) or _PREFIXED.match(before, max(0, m.start() - 12)):
            continue
        if best is None or m.start() > best[0]:
            best = (m.start(), m.group())
    return best[1] if best else None
