"""Issuer: who issued a document, in canonical form ("UBND tỉnh Quảng Nam", "HĐND tỉnh Sóc Trăng").

Reads an issuer phrase in running text ("Ủy ban nhân dân tỉnh Hà Giang",
"UBND huyện Cầu Kè", "UBND xã Phúc Sen", "Thủ tướng Chính phủ") or a header
block in capitals ("ỦY BAN NHÂN DÂN / TỈNH VĨNH LONG"). A phrase without a name
("UBND tỉnh", "UBND huyện") is resolved with the province, or the district of
that level, the caller passes. A commune's name is checked against the
gazetteer; one that is not there is taken only when it is two words long
("UBND xã Tam Thanh", not "Chủ tịch UBND xã Nông Văn Hào", where a person's
name follows the bare level).

>>> parse_issuer("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG").canonical
'UBND tỉnh Vĩnh Long'
>>> parse_issuer("UBND huyện Lục Ngạn vừa ban hành").canonical
'UBND huyện Lục Ngạn'
>>> parse_issuer("Hội đồng nhân dân tỉnh", province="Sóc Trăng").canonical
'HĐND tỉnh Sóc Trăng'
>>> parse_issuer("của UBND huyện về phát triển", units={"huyện": "Hương Khê"}).canonical
'UBND huyện Hương Khê'
>>> parse_issuer("UBND phường Hòa Khánh Bắc (quận Liên Chiểu)", province="Đà Nẵng").canonical
'UBND phường Hòa Khánh Bắc'
>>> parse_issuer("Chủ tịch UBND xã Nông Văn Hào ký") is None
True
>>> parse_issuer("của Thủ tướng Chính phủ phê duyệt").canonical
'Thủ tướng Chính phủ'
>>> parse_issuer("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN").canonical
'Bộ Nông nghiệp và Phát triển nông thôn'
>>> parse_issuer("UBND TỈNH QUẢNG NAM SỞ NÔNG NGHIỆP VÀ PTNT").canonical
'Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Nam'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

import regex

from ..lexicon import load_lexicon
from . import gazetteer

# A proper name: 1-4 capitalised syllables (or all capitals in a header).
NAME = r"\p{Lu}[\p{L}\p{M}]*(?:[ ]+\p{Lu}[\p{L}\p{M}]*){0,3}"
LEVEL = gazetteer.unit_words_pattern()  # "tỉnh", "huyện", "thị xã", "tp." … (lexicon places.yaml)


@dataclass(frozen=True)
class Issuer:
    """A canonical issuer with the place it governs (offsets into the searched string)."""

    canonical: str
    body: str  # UBND, HĐND, Sở, central …
    level: Optional[str] = None  # tỉnh, huyện …
    place: Optional[str] = None  # the unit's name ("Quảng Nam", "Lục Ngạn")
    province: Optional[str] = None  # province it belongs to, when known
    start: int = 0
    end: int = 0
    explicit: bool = True  # a body is named ("UBND huyện X"), not only a unit ("huyện X")
    chair: bool = False  # the chair of the body ("Chủ tịch UBND huyện X"), not the body


def _alt(pairs: list) -> str:
    return "|".join(f"(?:{p})" for p, _ in pairs)


@lru_cache(maxsize=1)
def _patterns() -> dict:
    lex = load_lexicon("metadata")
    bodies = lex["body_aliases"]
    central = lex["central_bodies"]
    depts = lex["departments"]
    # keywords match in any case; names must be capitalised (NAME is case-sensitive)
    local = regex.compile(
        rf"(?i:(?P<chair>chủ tịch\s+)?(?P<body>{_alt(bodies)})"
        rf"(?:\s+(?P<level>{LEVEL}))?)(?:\s*(?!(?i:{_alt(bodies)})(?![\p{{L}}]))(?P<name>{NAME}))?"
    )  # (a name is no other body: "Ban Thường vụ Hội LHPN tỉnh …" is the union's)
    dept = regex.compile(
        rf"(?:(?i:(?:{_alt(bodies)})\s+(?:tỉnh|thành phố))\s+(?P<pname>{NAME})\s+)?"
        rf"(?i:sở\s+(?P<dept>{_alt(depts)}))(?:\s+(?i:tỉnh\s+)?(?P<name>{NAME}))?"
    )
    bare = regex.compile(rf"(?<![\p{{L}}])(?i:(?P<level>tỉnh|huyện|thị xã|thành phố))\s+(?P<name>{NAME})")
    parties = lex["party_committees"]
    said = "|".join(f"(?:{written})" for written, _, _ in parties)
    party = regex.compile(rf"(?<![\p{{L}}])(?i:(?P<standing>ban thường vụ\s+)?(?P<party>{said}))\s+(?P<name>{NAME})")
    return {
        "local": local,
        "dept": dept,
        "bare": bare,
        "party": party,
        "parties": [(regex.compile(rf"^(?:{p})$", regex.I), (c, level)) for p, c, level in parties],
        "central": [(regex.compile(rf"(?<![\p{{L}}])(?:{p})(?![\p{{L}}])", regex.I), c) for p, c in central],
        "bodies": [(regex.compile(rf"^(?:{p})$", regex.I), c) for p, c in bodies],
        "depts": [(regex.compile(rf"^(?:{p})$", regex.I), c) for p, c in depts],
    }


def _canon_from(pairs, text: str) -> str:
    for pat, canon in pairs:
        if pat.match(text):
            return canon
    return text


def _norm_level(level: Optional[str]) -> Optional[str]:
    if not level:
        return None
    level = level.lower()
    return "thành phố" if level.startswith("tp") else level


def resolve_place(level: Optional[str], name: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(level, canonical unit name, province) of "<level> <name>", trimming trailing words.

    >>> resolve_place("huyện", "Hải Lăng Quảng")
    ('huyện', 'Hải Lăng', 'Quảng Trị')
    >>> resolve_place("thành phố", "Hà Nội")
    ('thành phố', 'Hà Nội', 'Hà Nội')
    """
    if not name:
        return level, None, None
    words = name.split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        prov = gazetteer.province(cand)
        if level in (None, "tỉnh") and prov:
            return "tỉnh" if level is None else level, prov.bare, prov.bare
        if level == "thành phố" and prov and prov.kind == "thành phố":
            return level, prov.bare, prov.bare
        if level in ("huyện", "quận", "thị xã", "thành phố"):
            units = gazetteer.districts_named(cand, level)
            if units:
                province = units[0].province if len({u.province for u in units}) == 1 else None
                return level, units[0].bare, province
    return level, None, None


_COMMUNE_LEVELS = gazetteer.unit_words("commune")
_UNVERIFIED_COMMUNE_WORDS = 2  # "Tam Thanh": a commune's name; "Nông Văn Hào": likelier a person's


def resolve_commune(level: str, name: str, province: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(canonical commune name, province) of "<xã|phường|thị trấn> <name>", trimming trailing words.

    >>> resolve_commune("xã", "Phúc Sen Nông", "Cao Bằng"), resolve_commune("xã", "HÀM YÊN", "Tuyên Quang")
    (('Phúc Sen', 'Cao Bằng'), ('Hàm Yên', 'Tuyên Quang'))
    """
    words = name.split()
    for n in range(min(len(words), 4), 0, -1):
        if n == 1 and len(words) > 1:
            break  # "Nông" of "Nông Văn Hào" is no commune's name
        cand = " ".join(words[:n])
        found = gazetteer.communes_named(cand, province)
        same = [u for u, _ in found if u.kind == level] or [u for u, _ in found]
        if same:
            provs = {u.province for u in same}
            return same[0].bare, (same[0].province if len(provs) == 1 else province)
    if len(words) == _UNVERIFIED_COMMUNE_WORDS:
        # a commune the gazetteer does not know (one formed in 2025): its name as written, a header's
        # capitals ("XÃ HÀM YÊN") in title case
        return (name.title() if name.isupper() else name), province
    return None, None


def _local(m: regex.Match, province: Optional[str], units: Optional[dict[str, str]] = None) -> Optional[Issuer]:
    body = _canon_from(_patterns()["bodies"], m.group("body"))
    level = _norm_level(m.group("level"))
    if level in _COMMUNE_LEVELS:
        place, prov = resolve_commune(level, m.group("name"), province) if m.group("name") else (None, None)
    else:
        level, place, prov = resolve_place(level, m.group("name"))
    if place is None:
        if level == "tỉnh" and province:
            place, prov = province, province
        elif level and m.group("name") is None and units and units.get(level):
            place = units[level]
            prov = _district_province(place, level, province)
        elif level == "thành phố" and m.group("name") is None and city_of(province):
            place, prov = city_of(province), province  # "UBND TP ban hành" in an article on Hà Nội
        else:
            return None
    if level in (None, "tỉnh"):
        level, place = provincial_unit(place) if place == prov else ("tỉnh", place)
    canon = f"{body} {level} {place}"
    if m.group("chair"):
        canon = f"Chủ tịch {canon}"
    return Issuer(canon, body, level, place, prov, m.start(), m.end(), chair=bool(m.group("chair")))


def _party(m: regex.Match, province: Optional[str]) -> Optional[Issuer]:
    """A Party committee ("Tỉnh ủy Thanh Hóa", "Ban Thường vụ Huyện ủy Lục Ngạn"), or None when its unit is unknown.

    >>> _party(_patterns()["party"].search("TỈNH ỦY THANH HÓA"), None).canonical
    'Tỉnh ủy Thanh Hóa'
    >>> _party(_patterns()["party"].search("của Ban Thường vụ Huyện ủy Lục Ngạn"), None).canonical
    'Ban Thường vụ Huyện ủy Lục Ngạn'
    """
    body, level = _canon_from(_patterns()["parties"], m.group("party"))
    if level in _COMMUNE_LEVELS:
        place, prov = resolve_commune(level, m.group("name"), province)
    else:
        level, place, prov = resolve_place(level, m.group("name"))
    if place is None:
        return None
    canon = f"Ban Thường vụ {body} {place}" if m.group("standing") else f"{body} {place}"
    return Issuer(canon, body, level, place, prov, m.start(), m.end())


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    """Provinces that became centrally-run cities after 2020: the city's name and the date."""
    return {p: (c["name"], str(c["since"])) for p, c in load_lexicon("metadata")["cities_since"].items()}


def city_of(province: Optional[str]) -> Optional[str]:
    """The centrally-run city that is, or became, `province` ("Hà Nội", "Thừa Thiên Huế" → "Huế"), else None.

    >>> city_of("Cần Thơ"), city_of("Thừa Thiên Huế"), city_of("Quảng Nam")
    ('Cần Thơ', 'Huế', None)
    """
    if not province:
        return None
    if province in _cities():
        return _cities()[province][0]
    unit = gazetteer.province(province)
    return unit.bare if unit and unit.kind == "thành phố" else None


def provincial_unit(province: str, on: Optional[str] = None) -> tuple[str, str]:
    """(level, name) of a province's own unit, as its UBND is named: "thành phố" for a centrally-run
    city (a province that became one, from the ISO date it did, when `on` says the text is as late).

    >>> provincial_unit("Hà Nội"), provincial_unit("Bến Tre")
    (('thành phố', 'Hà Nội'), ('tỉnh', 'Bến Tre'))
    >>> provincial_unit("Thừa Thiên Huế", "2023-05-02"), provincial_unit("Thừa Thiên Huế", "2025-03-14")
    (('tỉnh', 'Thừa Thiên Huế'), ('thành phố', 'Huế'))
    """
    if province in _cities():
        name, since = _cities()[province]
        return ("thành phố", name) if on and on >= since else ("tỉnh", province)
    return ("thành phố", province) if city_of(province) else ("tỉnh", province)


def provincial_ubnd(province: str, on: Optional[str] = None) -> Issuer:
    """The UBND of `province` ("UBND tỉnh Bến Tre", "UBND thành phố Cần Thơ"); `on`: the text's ISO date."""
    level, name = provincial_unit(province, on)
    return Issuer(f"UBND {level} {name}", "UBND", level, name, province)


def _district_province(place: str, level: str, province: Optional[str]) -> Optional[str]:
    provs = {u.province for u in gazetteer.districts_named(place, level)}
    if province in provs or not provs:
        return province
    return next(iter(provs)) if len(provs) == 1 else None


@lru_cache(maxsize=1)
def _central_codes() -> dict[str, str]:
    return dict(load_lexicon("metadata")["central_codes"])


def central_issuer(code: str, start: int = 0, end: int = 0) -> Optional[Issuer]:
    """The central body an issuing code names (lexicon `central_codes`; `numbers.issuing_code`), or None;
    `start`, `end`: where the number is said.

    >>> central_issuer("TTg").canonical, central_issuer("BNN").canonical, central_issuer("UBND")
    ('Thủ tướng Chính phủ', 'Bộ Nông nghiệp và Phát triển nông thôn', None)
    """
    body = _central_codes().get(code)
    return Issuer(body, body, start=start, end=end) if body else None


def find_issuers(text: str, province: Optional[str] = None, bare: bool = True,
                 units: Optional[dict[str, str]] = None) -> Iterator[Issuer]:
    """Every issuer phrase in `text`, left to right; `bare` also reads "tỉnh X"/"huyện Y" as UBND.

    `units`: the unit of each level the text is about ({"huyện": "Hương Khê"}), for "UBND huyện".
    """
    pats = _patterns()
    found: list[Issuer] = []
    for m in pats["dept"].finditer(text):
        dept = _canon_from(pats["depts"], m.group("dept"))
        _, place, prov = resolve_place("tỉnh", m.group("pname") or m.group("name"))
        place = place or province
        canon = f"Sở {dept}" + (" {} {}".format(*provincial_unit(place)) if place else "")
        found.append(Issuer(canon, "Sở", "tỉnh", place, place, m.start(), m.end()))
    at = 0
    while (m := pats["local"].search(text, at)) is not None:
        iss = _local(m, province, units)
        if iss:
            found.append(iss)
        # (a phrase that names no local body is read again from its next word: "HỘI LHPN VIỆT NAM HỘI LHPN TỈNH …")
        at = m.end() if iss else m.start() + 1
    for m in pats["party"].finditer(text):
        if (iss := _party(m, province)) is not None:
            found.append(iss)
    for pat, canon in pats["central"]:
        for m in pat.finditer(text):
            found.append(Issuer(canon, canon, None, None, None, m.start(), m.end()))
    if bare:
        for m in pats["bare"].finditer(text):
            level, place, prov = resolve_place(_norm_level(m.group("level")), m.group("name"))
            # (a bare place's name running into a body named in full is no body: "ĐẢNG BỘ TỈNH QUẢNG TRỊ / HUYỆN ỦY …")
            if place and not any(i.start < m.end() and m.start() < i.end for i in found):
                found.append(Issuer(f"UBND {level} {place}", "UBND", level, place, prov, m.start(), m.end(),
                                    explicit=False))
    # longest first at each start, then drop phrases inside others
    found.sort(key=lambda i: (i.start, -(i.end - i.start)))
    last_end = -1
    for iss in found:
        if iss.start >= last_end:
            yield iss
            last_end = iss.end


def parse_issuer(text: str, province: Optional[str] = None, bare: bool = False,
                 units: Optional[dict[str, str]] = None) -> Optional[Issuer]:
    """The issuer named in `text` (the last one of a header's stacked lines), else None."""
    found = list(find_issuers(text, province, bare=bare, units=units))
    if not found:
        return None
    # a body under the one above it in the stack: "UBND TỈNH … / SỞ …", "BỘ … / VĂN PHÒNG ĐIỀU PHỐI …"
    sub = [i for i in found if i.body == "Sở" or i.body.startswith("Văn phòng")]
    if sub:
        return sub[-1]
    # a mass organisation's national name over its provincial one ("HỘI LHPN VIỆT NAM / HỘI LHPN TỈNH NGHỆ AN"):
    # the one of a place issues
    placed = [i for i in found if i.place]
    return placed[0] if found[0].place is None and placed else found[0]
