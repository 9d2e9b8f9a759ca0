"""Số hiệu: find and split document numbers ("2134/KH-UBND", "07/2021/NQ-HĐND", "05-NQ/HU").

A state document number is ``sequence[/year]/TYPE-BODY`` (a plan, decision …)
or ``sequence/BODY-UNIT`` with no type code (a Công văn); a party document is
``sequence-TYPE/BODY``. Type codes are data (`lexicon/metadata.yaml`).

>>> parse_number("07/2021/NQ-HĐND")
NumberParts(sequence='07', year=2021, type_code='NQ', body_code='HĐND')
>>> parse_number("485/UBND-KTN").type_code is None
True
>>> type_name(parse_number("485/UBND-KTN")), type_name(parse_number("05-NQ/HU"))
('Công văn', 'Nghị quyết')
>>> clean_number("Số: 2134 /KH - UBND")
'2134/KH-UBND'
>>> parse_number("19/60") is None
True
>>> parse_number("1681/NQ-UBTVQH15")
NumberParts(sequence='1681', year=None, type_code='NQ', body_code='UBTVQH15')
>>> parse_number("202/2025/QH15")
NumberParts(sequence='202', year=2025, type_code=None, body_code='QH15')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

import regex

from ..lexicon import load_lexicon
from ..models import NumberParts

_CODE = r"\p{Lu}[\p{L}&Đđ]{0,11}(?:\d{1,2}(?![\d/]))?"
# A code such as KH, QĐ, TTg, NN&PTNT, VPĐP, UBTVQH15 (the National Assembly's term). Upper case first;
# at most 2 lower-case letters in all.
_S = r"[ ]?"
NUMBER_RE = regex.compile(
    r"(?<![\p{L}\d/.\-])"
    r"(?:"
    # state form: 2134/KH-UBND, 07/2021/NQ-HĐND, 485/UBND-KTN, 919/QĐ-TTg
    rf"(?P<seq>\d{{1,5}}[a-z]?){_S}/{_S}(?:(?P<year>(?:19|20)\d\d){_S}/{_S})?"
    rf"(?P<c1>{_CODE})(?:{_S}-{_S}(?P<c2>{_CODE}(?:-{_CODE})?))?"
    r"|"
    # party form: 05-NQ/HU, 12-CT/TW
    rf"(?P<pseq>\d{{1,5}}){_S}-{_S}(?P<ptype>{_CODE}){_S}/{_S}(?P<pbody>{_CODE}(?:-{_CODE})?)"
    r")"
    r"(?![\p{L}\d]|-\p{L})",
    regex.V1,
)
_SPACES = regex.compile(r"\s+")
_ASSEMBLY = regex.compile(r"(?:UBTV)?QH\d{1,2}")  # the National Assembly (its Standing Committee) and its term
_SO_LABEL = regex.compile(r"^\s*(?:số\s*(?:hiệu)?\s*:?)\s*", regex.I)


@dataclass(frozen=True)
class NumberMatch:
    """One số hiệu found in text: offsets (normalised text), cleaned form and parts."""

    start: int
    end: int
    number: str
    parts: NumberParts


@lru_cache(maxsize=1)
def _type_codes() -> dict[str, str]:
    return dict(load_lexicon("metadata")["type_codes"])


def _plausible_code(code: str) -> bool:
    return sum(c.islower() and c not in "đ" for c in code) <= 2 and not code.isdigit()


def _parts(m: regex.Match) -> Optional[NumberParts]:
    codes = _type_codes()
    if m.group("pseq"):
        ptype, pbody = m.group("ptype"), m.group("pbody")
        if ptype not in codes or not _plausible_code(pbody):
            return None
        return NumberParts(sequence=m.group("pseq"), type_code=ptype, body_code=pbody)
    c1, c2 = m.group("c1"), m.group("c2")
    if not _plausible_code(c1) or (c2 and not _plausible_code(c2)):
        return None
    year = int(m.group("year")) if m.group("year") else None
    if c1 in codes:
        if not c2:
            return None  # "12/KH" alone: too weak to be a number
        return NumberParts(sequence=m.group("seq"), year=year, type_code=c1, body_code=c2)
    if not c2 and year and _ASSEMBLY.fullmatch(c1):
        # the National Assembly's laws and resolutions, numbered with its term: "202/2025/QH15"
        return NumberParts(sequence=m.group("seq"), year=year, type_code=None, body_code=c1)
    # no type code: a Công văn "485/UBND-KTN"; a lone code ("19/HU") needs the sub-unit
    if not c2 or len(c1) < 2:
        return None
    return NumberParts(sequence=m.group("seq"), year=year, type_code=None, body_code=f"{c1}-{c2}")


def find_numbers(text: str) -> Iterator[NumberMatch]:
    """Every well-formed số hiệu in `text`, left to right."""
    if "/" not in text:
        return  # both forms hold a "/"
    for m in NUMBER_RE.finditer(text):
        parts = _parts(m)
        if parts is not None:
            yield NumberMatch(m.start(), m.end(), _SPACES.sub("", m.group()), parts)


def parse_number(text: str) -> Optional[NumberParts]:
    """Parts of the single số hiệu that is the whole of `text` (spaces allowed), else None."""
    text = clean_number(text)
    for m in find_numbers(text):
        if m.start == 0 and m.end == len(text):
            return m.parts
    return None


def clean_number(text: str) -> str:
    """Normalise spacing of a số hiệu as written; drops a leading "Số:"."""
    text = _SO_LABEL.sub("", text.strip())
    return _SPACES.sub("", text).rstrip(".,;:")


def type_name(parts: Optional[NumberParts]) -> Optional[str]:
    """Document type the parts name: the type code's name, or Công văn when there is none."""
    if parts is None:
        return None
    if parts.type_code is None:
        # a law or a resolution of the National Assembly ("202/2025/QH15"): the noun before it says which
        return None if _ASSEMBLY.fullmatch(parts.body_code or "") else "Công văn"
    return _type_codes().get(parts.type_code)


def issuing_code(parts: Optional[NumberParts]) -> str:
    """The code of the body that issued a numbered document: its body code's first part, or "".

    >>> issuing_code(parse_number("5320/KH-BNN-VPĐP")), issuing_code(parse_number("07/2021/NQ-HĐND")), issuing_code(None)
    ('BNN', 'HĐND', '')
    """
    return (parts.body_code or "").split("-")[0] if parts is not None else ""
