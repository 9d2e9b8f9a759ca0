"""Where a record's dates and issuer stand in its text, for highlighting (records keep no spans for them).

A date is looked for in the forms plans and news write it ("ngày 15 tháng 3 năm 2024",
"15/3/2024", "15-03-2024"); the issuer as named ("UBND tỉnh Hà Tĩnh"), spelled out
("Ủy ban nhân dân tỉnh Hà Tĩnh") or as an official text's header puts it on two
lines ("ỦY BAN NHÂN DÂN\\nTỈNH HÀ TĨNH"). Every occurrence is found.

>>> text = "ỦY BAN NHÂN DÂN\\nTỈNH HÀ TĨNH\\nHà Tĩnh, ngày 05 tháng 3 năm 2024. Ngày 5/3/2024, UBND tỉnh Hà Tĩnh …"
>>> [text[a:b] for a, b in date_spans(text, "2024-03-05")]
['ngày 05 tháng 3 năm 2024', '5/3/2024']
>>> [text[a:b] for a, b in issuer_spans(text, "UBND tỉnh Hà Tĩnh")]
['ỦY BAN NHÂN DÂN\\nTỈNH HÀ TĨNH', 'UBND tỉnh Hà Tĩnh']
>>> date_spans(text, "not a date"), issuer_spans(text, None)
([], [])
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

import regex

_ISO = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BODIES = {
    "ubnd": r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)",
    "hđnd": r"(?:hđnd|hội đồng nhân dân)",
}


@lru_cache(maxsize=4096)
def _date_pattern(iso: str) -> Optional[regex.Pattern]:
    m = _ISO.fullmatch(iso)
    if not m:
        return None
    y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
    words = rf"ngày\s+0?{d}\s+tháng\s+0?{mo}\s+năm\s+{y}"
    digits = rf"(?<!\d)0?{d}\s?[/.-]\s?0?{mo}\s?[/.-]\s?{y}(?!\d)"
    return regex.compile(f"{words}|{digits}", regex.IGNORECASE)


def date_spans(text: str, iso: Optional[str]) -> list[tuple[int, int]]:
    """Every place the date `iso` (YYYY-MM-DD) is written in `text`."""
    pattern = _date_pattern(iso) if iso else None
    return [m.span() for m in pattern.finditer(text)] if pattern else []


@lru_cache(maxsize=1024)
def _issuer_pattern(issuer: str) -> Optional[regex.Pattern]:
    words = unicodedata.normalize("NFC", issuer).split()
    if not words:
        return None
    head = _BODIES.get(words[0].lower(), regex.escape(words[0]))
    rest = [regex.escape(w) for w in words[1:]]
    return regex.compile(r"(?<!\p{L})" + r"\s+".join([head, *rest]) + r"(?!\p{L})", regex.IGNORECASE)


def issuer_spans(text: str, issuer: Optional[str]) -> list[tuple[int, int]]:
    """Every place the issuer is named in `text`."""
    pattern = _issuer_pattern(issuer) if issuer else None
    return [m.span() for m in pattern.finditer(text)] if pattern else []
