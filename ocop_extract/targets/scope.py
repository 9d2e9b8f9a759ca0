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
    for start, name in _name_hits(before, extra_names):
        if _ADVERBIAL.search(before, 0, start) or _PREFIXED.match(before, max(0, start - 12)):
            continue
        if best is None or start > best[0]:
            best = (start, name)
    return best[1] if best else None


_FEW_NAMES = 40  # a document's own places are found by string search; compiling them per document costs more


def _name_hits(text: str, names: tuple[str, ...]) -> list[tuple[int, str]]:
    """(start, name) of each of `names` in `text` between non-letters, left to right, the longest
    at a place, none overlapping (as a regex alternation of them, longest first, finds them).

    >>> _name_hits("Đông Hưng và Hưng Hà, Đông Hưng Hà", ("Hưng Hà", "Đông Hưng", "Đông Hưng Hà"))
    [(0, 'Đông Hưng'), (13, 'Hưng Hà'), (22, 'Đông Hưng Hà')]
    """
    if len(names) > _FEW_NAMES:
        pattern = _names_regex(names)
        return [(m.start(), m.group()) for m in pattern.finditer(text)] if pattern else []
    hits = []
    for name in set(names):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                hits.append((at, -len(name), name))
            at = text.find(name, at + 1)
    out, reach = [], 0
    for at, minus_length, name in sorted(hits):
        if at >= reach:
            out.append((at, name))
            reach = at - minus_length
    return out
