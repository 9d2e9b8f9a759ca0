"""Who issued the document a news article reports on: the body named with it ("của UBND huyện Kim Sơn",
"UBND tỉnh … vừa ban hành"), a body of the article's places named without its name ("của UBND huyện"),
or, for a council's number ("…/NQ-HĐND"), the province's council.

>>> from ocop_extract.document import Doc
>>> from .mentions import find_mentions
>>> from .subject import choose
>>> doc = Doc.from_text("x", "Kim Sơn: đề án OCOP\\nUBND huyện Kim Sơn vừa phê duyệt Đề án phát triển sản phẩm OCOP. "
...     "Theo Quyết định số 1520/QĐ-UBND ngày 5/9/2023 của UBND huyện, huyện có thêm 25 sản phẩm.")
>>> subject_issuer(doc, choose(doc, find_mentions(doc, "Ninh Bình")), "Ninh Bình", {"huyện": "Kim Sơn"}).canonical
'UBND huyện Kim Sơn'
"""

from __future__ import annotations

from typing import Optional

import regex

from ..document import Doc
from .issuer import Issuer, find_issuers, provincial_ubnd
from .mentions import Mention
from .numbers import issuing_code
from .subject import ISSUING, VERB_BEFORE, Subject, is_central

_BARE_UNIT = regex.compile(r"(?i:(?:UBND\s+|Ủy ban nhân dân\s+)?(?P<level>tỉnh|huyện|thị xã|quận))\b(?!\s+\p{Lu})")
_OF_BY = regex.compile(r"\b(?:của|do)\s+", regex.I)


def subject_issuer(doc: Doc, subj: Subject, province: Optional[str],
                   units: Optional[dict[str, str]] = None) -> Optional[Issuer]:
    """Who issued the subject: "của/do X" after it, "X (vừa) ban hành" before it, X in its sentence.

    `units`: the district of each level the article is about ({"huyện": "Hương Khê"}), for "UBND huyện";
    a level it leaves out is the one of the only body of that level the article names as issuing
    ("UBND huyện Giao Thủy vừa phê duyệt Đề án …" makes "của UBND huyện" Giao Thủy's).
    """
    units = units or {}
    if any(_names_bare_unit(doc, m, units) for m in [subj.mention, *subj.group]):
        units = {**_issuing_units(doc, province), **units}
    for m in [subj.mention, *subj.group]:
        iss = _issuer_of(doc, m, province, units)
        if iss and _fits_number(subj.mention, iss):
            return iss
    if province and _council_number(subj.mention):  # "Nghị quyết số 15/2022/NQ-HĐND": the province's council
        ubnd = provincial_ubnd(province)
        return Issuer(f"HĐND {ubnd.level} {ubnd.place}", "HĐND", ubnd.level, ubnd.place, province)
    return None


def _council_number(m: Mention) -> bool:
    """Whether the mention's number says a people's council issued it ("…/NQ-HĐND")."""
    return m.number is not None and issuing_code(m.number.parts) == "HĐND"


def _fits_number(m: Mention, iss: Issuer) -> bool:
    """Whether `iss` may have issued a document numbered as `m` is: a council's number, a council."""
    return not _council_number(m) or iss.body == "HĐND"


def _names_bare_unit(doc: Doc, m: Mention, units: dict[str, str]) -> bool:
    """Whether the sentence of `m` names a body of a level below the province without its place
    ("của UBND huyện") that `units` does not resolve."""
    return any(b.group("level").lower() not in units and b.group("level").lower() != "tỉnh"
               for b in _BARE_UNIT.finditer(doc.text, m.sent_start, m.sent_end))


def _issuing_units(doc: Doc, province: Optional[str]) -> dict[str, str]:
    """The unit of each level below the province whose body the text names as issuing something
    ("UBND huyện X vừa ban hành …"), where that level has one such unit only."""
    named: dict[str, set[str]] = {}
    for iss in find_issuers(doc.text, province, bare=False):
        if iss.body == "UBND" and iss.level not in (None, "tỉnh") and iss.place and iss.explicit \
                and _ISSUING_AFTER.match(doc.text, iss.end):
            named.setdefault(iss.level, set()).add(iss.place)
    return {level: next(iter(places)) for level, places in named.items() if len(places) == 1}


_ISSUING_AFTER = regex.compile(rf"\s*(?:(?:đã|vừa|mới)\s+)?(?:{ISSUING})", regex.I)



def _bare_unit(level: str, province: Optional[str], units: Optional[dict[str, str]]) -> Optional[Issuer]:
    if level == "tỉnh":
        return provincial_ubnd(province) if province else None
    place = (units or {}).get(level)
    return Issuer(f"UBND {level} {place}", "UBND", level, place, province) if place else None


def _issuer_of(doc: Doc, m: Mention, province: Optional[str],
               units: Optional[dict[str, str]] = None) -> Optional[Issuer]:
    text = doc.text
    if m.issuer and (m.issuer.level or is_central(m)):
        return m.issuer
    phrase_end = min(m.sent_end, m.end + 250)
    after = text[m.end:phrase_end]
    for dm in _OF_BY.finditer(after):
        rest = after[dm.end():dm.end() + 90]
        bare_unit = _BARE_UNIT.match(rest)
        iss = _bare_unit(bare_unit.group("level").lower(), province, units) if bare_unit else None
        if iss:
            return iss
        for iss in find_issuers(rest, province, bare=True, units=units):
            if iss.start == 0 and (iss.level or is_central(m)):
                return iss
            break
    prefix = text[m.sent_start:m.start]
    if VERB_BEFORE.search(prefix):
        found = [i for i in find_issuers(prefix, province, bare=True, units=units)
                 if i.level or is_central(m)]
        # "UBND xã Phúc Sen (huyện Quảng Hòa, tỉnh Cao Bằng) vừa ban hành": the body named, not the units after it
        named = [i for i in found if i.explicit]
        if named or found:
            return (named or found)[-1]
    rest = text[m.end:m.sent_end]
    for iss in find_issuers(rest, province, bare=True, units=units):
        if iss.level:
            return iss
    return None
