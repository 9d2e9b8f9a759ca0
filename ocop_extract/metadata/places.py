"""Places: provinces, districts and communes named in the text, checked against the gazetteer.

Reads "tỉnh X", "huyện Y", "thị xã Z", "thành phố X", "xã/phường/thị trấn W",
bare province names ("Quảng Nam"), and "District (Province)" ("Cầu Kè (Trà Vinh)").
A city that shares its province's name stays a city ("thành phố Kon Tum").
Communes are kept only inside the document's province (their names repeat
all over the country). Spans are source offsets.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Thành phố Kon Tum, tỉnh Kon Tum; Lục Ngạn (Bắc Giang)")
>>> [(p.name, p.level, p.province) for p in find_places(doc)]
[('thành phố Kon Tum', 'district', 'Kon Tum'), ('Kon Tum', 'province', 'Kon Tum'), ('huyện Lục Ngạn', 'district', 'Bắc Giang'), ('Bắc Giang', 'province', 'Bắc Giang')]
>>> main_province(find_places(doc), doc)
'Kon Tum'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from ..layout import content_spans, line_kinds
from ..models import Place
from ..phrases import alternation
from . import gazetteer, scan
from .headline import is_masthead
from .issuer import NAME, resolve_place

_PREFIXED = regex.compile(
    rf"(?<![\p{{L}}])(?i:(?P<kind>{gazetteer.unit_words_pattern()}))\s*"
    rf"(?P<name>{NAME}|\d{{1,2}}(?!\d))"
)
_PAREN = regex.compile(rf"(?P<name>{NAME})\s*\((?P<prov>{NAME})\)")


@lru_cache(maxsize=1)
def _bare_provinces() -> regex.Pattern:
    alt = "|".join(regex.escape(n) for n in gazetteer.all_province_names())
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alt})(?![\p{{L}}\p{{M}}])", regex.I)


@lru_cache(maxsize=1)
def _province_words() -> re.Pattern:
    """Every province name in lower case, matched anywhere: where `_bare_provinces()` can match."""
    return re.compile(alternation({n.lower() for n in gazetteer.all_province_names()}, space=re.escape(" ")))


# Every place where `_PREFIXED` can match: where one of its type words starts, in lower case.
_TYPE_WORDS = re.compile(scan.phrase_starts([*gazetteer.unit_words(), *gazetteer.unit_abbreviations()]))


@dataclass
class _Hit:
    start: int
    end: int
    name: str
    level: str
    province: Optional[str]


def _commune(kind: str, name: str, province: Optional[str]) -> Optional[tuple[str, str]]:
    if not province:
        return None
    words = name.split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        found = [u for u, _ in gazetteer.communes_named(cand, province) if u.kind == kind] or \
            gazetteer.communes_named(cand, province)
        if found:
            return f"{kind} {found[0][0].bare if isinstance(found[0], tuple) else found[0].bare}", cand
    return None


def _scan(text: str, offset: int, province: Optional[str],
          prefixed: Optional[list[int]] = None, bare: Optional[list[tuple[int, int]]] = None) -> list[_Hit]:
    """Places on one line (`offset`: where it starts).

    `prefixed`: every offset where `_PREFIXED` can match, when known; `bare`: the
    spans where `_bare_provinces()` matches, when known.
    """
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _PAREN.finditer(text) if "(" in text else ():
        prov = gazetteer.province_name(m.group("prov"))
        units = [u for u in gazetteer.districts_named(m.group("name")) if u.province == prov] if prov else []
        if units:
            u = units[0]
            hits.append(_Hit(offset + m.start("name"), offset + m.end("name"), u.name, "district", u.province))
            taken.append((m.start("name"), m.end("name")))
    for m in _PREFIXED.finditer(text) if prefixed is None else scan.finditer_at(_PREFIXED, text, prefixed):
        if not free(m.start(), m.end()):
            continue
        kind = m.group("kind").lower()
        kind = gazetteer.unit_abbreviations().get(kind.rstrip("."), kind)
        name = m.group("name")
        if kind in gazetteer.unit_words("commune"):
            # resolved later, once the document's province is known
            hits.append(_Hit(offset + m.start(), offset + m.end(), f"{kind}\t{name}", "commune?", None))
            continue
        level, place, prov = resolve_place(kind, name)
        if not place:
            continue
        used = _prefix_len(name, place)
        end = m.start("name") + used
        unit_level = "province" if level == "tỉnh" or (
            level == "thành phố" and gazetteer.province(place) and gazetteer.province(place).kind == "thành phố"
            and not gazetteer.districts_named(place, "thành phố")) else "district"
        if unit_level == "province":
            hits.append(_Hit(offset + m.start("name"), offset + end, place, "province", place))
        else:
            hits.append(_Hit(offset + m.start(), offset + end, f"{level} {place}", "district", prov))
        taken.append((m.start(), end))
    if bare is None:
        bare = [m.span() for m in _bare_provinces().finditer(text)]
    for s, e in bare:
        if not text[s].isupper() or not free(s, e):
            continue
        prov = gazetteer.province_name(text[s:e])
        if prov:
            hits.append(_Hit(offset + s, offset + e, prov, "province", prov))
            taken.append((s, e))
    return hits


def _prefix_len(name: str, place: str) -> int:
    """Length of the leading words of `name` that spell `place` (case and tones aside)."""
    words = name.split()
    for n in range(len(words), 0, -1):
        if gazetteer.key(" ".join(words[:n])) == gazetteer.key(place) or n == 1:
            return len(" ".join(words[:n]))
    return len(name)


def _raw_hits(doc: Doc) -> list[_Hit]:
    if doc.memo.place_hits is None:
        kinds = line_kinds(doc)
        content = content_spans(doc)  # places are read on content lines only
        prefixed = scan.line_starts(doc, _TYPE_WORDS, content)
        bare, unchecked = scan.checked_spans(doc, _province_words(), _bare_provinces(), content)
        hits: list[_Hit] = []
        for line in doc.lines:
            i = line.index
            if kinds[i] != "content" or not line.text.strip():
                continue
            starts = None if prefixed is None else prefixed.get(i, [])
            spans = None if i in unchecked else bare.get(i, [])
            if starts == [] and spans == [] and "(" not in line.text:
                continue  # nothing on this line can name a place
            hits.extend(_scan(line.text, line.start, None, starts, spans))
        hits.sort(key=lambda h: h.start)
        doc.memo.place_hits = hits
    return doc.memo.place_hits


def _content_hits(doc: Doc, province: Optional[str]) -> list[_Hit]:
    out: list[_Hit] = []
    for h in _raw_hits(doc):
        if h.level != "commune?":
            if h.level == "district" and h.province is None and province:
                place = gazetteer.split_kind(h.name)[1]
                if province in {u.province for u in gazetteer.districts_named(place)}:
                    h = _Hit(h.start, h.end, h.name, h.level, province)
            out.append(h)
            continue
        kind, name = h.name.split("\t")
        res = _commune(kind, name, province)
        if res:
            full, used = res
            out.append(_Hit(h.start, h.start + len(kind) + 1 + len(used), full, "commune", province))
    return out


def find_places(doc: Doc, province: Optional[str] = None) -> list[Place]:
    """Places named on content lines, in order; communes only within `province` (or the main one)."""
    if province is None:
        province = _main_from_hits([h for h in _raw_hits(doc) if h.level != "commune?"], doc) \
            or masthead_province(doc)
    out = []
    for h in _content_hits(doc, province):
        s, e = doc.source_span(h.start, h.end)
        out.append(Place(name=h.name, level=h.level, province=h.province, span=(s, e)))
    return out


_MASTHEAD_LINES = 6  # a page's furniture above the headline
_HEADLINE_WORDS = 5  # a line this long that is no masthead is the headline


def masthead_province(doc: Doc) -> Optional[str]:
    r"""The province an outlet's masthead names ("BẾN TRE TV | Thời sự", "Báo Sơn La điện tử"), read only
    when the text names no province of its own: a local outlet reports on its province's places.

    >>> doc = Doc.from_text("x", "BẾN TRE TV | Thời sự | Video\nChâu Thành nâng chất nông thôn mới\nHuyện Châu Thành có 21/21 xã đạt chuẩn.")
    >>> masthead_province(doc)
    'Bến Tre'
    >>> masthead_province(Doc.from_text("x", "NÔNG NGHIỆP VIỆT NAM\nCả nước có 17.000 sản phẩm OCOP"))
    """
    found: set[str] = set()
    for line in doc.lines[:_MASTHEAD_LINES]:
        text = line.text.strip()
        if not is_masthead(text):
            if len(text.split()) >= _HEADLINE_WORDS:
                break  # the headline: the mastheads stand above it
            continue
        for m in _bare_provinces().finditer(text):
            if text[m.start()].isupper() and (prov := gazetteer.province_name(m.group())):
                found.add(prov)
    return found.pop() if len(found) == 1 else None


def _main_from_hits(hits: list[_Hit], doc: Doc) -> Optional[str]:
    votes: Counter = Counter()
    first: dict[str, int] = {}
    head_end = _head_end(doc)
    for h in hits:
        if not h.province:
            continue
        w = 1.0 if h.level == "province" else 0.6
        if h.start < head_end:
            w *= 3
        votes[h.province] += w
        first.setdefault(h.province, h.start)
    if not votes:
        return None
    return max(votes, key=lambda p: (votes[p], -first[p]))


def _head_end(doc: Doc) -> int:
    """End offset of the headline and lead: the first two content lines of some length."""
    seen = 0
    kinds = line_kinds(doc)
    for line in doc.lines:
        if kinds[line.index] == "content" and len(line.text.split()) >= 5:
            seen += 1
            if seen == 2:
                return line.end
    return 0


_FORMER = regex.compile(r"\s*\(\s*cũ\s*\)", regex.I)  # a unit named as it was before the merger


def main_province(places: list[Place], doc: Doc) -> Optional[str]:
    """The province most of the places (weighted to the headline and lead) belong to."""
    hits = []
    for p in places:
        start = _norm_offset(doc, p.span[0])
        province = p.province
        if province and _FORMER.match(doc.text, p.span[1]):
            # "Bà Rịa - Vũng Tàu (cũ)": a former province, a part of the one it merged into
            province = gazetteer.province_2025(province) or province
        hits.append(_Hit(start, start, p.name, p.level, province))
    return _main_from_hits(hits, doc)


_ROUNDUP_PROVINCES = 3  # a roundup names at least this many provinces …
_ROUNDUP_SHARE = 0.5  # … none of which holds this share of the place names


def is_roundup(places: list[Place]) -> bool:
    """True when the text names several provinces and none dominates (a regional roundup).

    >>> from ocop_extract.document import Doc
    >>> doc = Doc.from_text("x", "Bến Tre có 182 sản phẩm. Ở Đồng Tháp, huyện Tháp Mười dẫn đầu. "
    ...     "Tiền Giang đặt mục tiêu 50 sản phẩm. Long An có 96 sản phẩm.")
    >>> is_roundup(find_places(doc))
    True
    """
    counts = Counter(p.province for p in places if p.province and p.level in ("province", "district"))
    if len(counts) < _ROUNDUP_PROVINCES:
        return False
    return counts.most_common(1)[0][1] < _ROUNDUP_SHARE * sum(counts.values())


def main_districts(places: list[Place], province: Optional[str], text: str = "") -> dict[str, str]:
    """The district of each level (huyện, thị xã …) the text is most about, within `province`.

    A level is left out when no district of it is named twice, or two are named equally often;
    the only district of its level, named once with it, counts when `text` (the document's) names
    it again without ("huyện Yên Định" once, "Yên Định" in the headline and the lead).

    >>> from ocop_extract.document import Doc
    >>> doc = Doc.from_text("x", "Hương Khê (Hà Tĩnh) có 8 sản phẩm. Huyện Hương Khê hỗ trợ; huyện Vũ Quang cũng vậy.")
    >>> main_districts(find_places(doc), "Hà Tĩnh")
    {'huyện': 'Hương Khê'}
    >>> doc = Doc.from_text("y", "Yên Định tạo sức bật\\nÔng A, Phó Chủ tịch UBND huyện Yên Định cho biết …")
    >>> main_districts(find_places(doc), "Thanh Hóa", doc.text)
    {'huyện': 'Yên Định'}
    """
    return _main_units(places, province, text, "district")


def main_communes(places: list[Place], province: Optional[str], text: str = "") -> dict[str, str]:
    """The commune of each level (xã, phường …) the text is most about, within `province`, as `main_districts`.

    >>> from ocop_extract.document import Doc
    >>> doc = Doc.from_text("x", "Xã Trị An về đích nông thôn mới nâng cao\\nChiều 16/12, UBND xã Trị An tổng kết năm 2025.")
    >>> main_communes(find_places(doc, "Đồng Nai"), "Đồng Nai")
    {'xã': 'Trị An'}
    """
    return _main_units(places, province, text, "commune")


def _main_units(places: list[Place], province: Optional[str], text: str, level: str) -> dict[str, str]:
    counts: dict[str, Counter] = {}
    for p in places:
        if p.level != level or (province and p.province != province):
            continue
        kind, bare = gazetteer.split_kind(p.name)
        counts.setdefault(kind, Counter())[bare] += 1
    out = {}
    for kind, c in counts.items():
        top = c.most_common(2)
        if top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            out[kind] = top[0][0]
        elif len(top) == 1 and text and text.count(top[0][0]) >= 2:
            out[kind] = top[0][0]
    return out


def _norm_offset(doc: Doc, source_offset: int) -> int:
    return doc.norm.from_source(source_offset)
