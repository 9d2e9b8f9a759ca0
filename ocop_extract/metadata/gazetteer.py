"""Gazetteer: the 63 provinces of Viet Nam with their districts and communes, and the 2025 merger.

The one module that touches the `vietnam-provinces` package (loaded once, cached)
and underthesea's old-to-new province mapping (`underthesea.address`, offline; kept
as a table in `lexicon/provinces_2025.yaml`, so a run does not load it).
Names are compared after normalisation (NFC, new-style tones, lower case).

>>> province_name("quảng nam"), province_name("TỈNH HÀ GIANG"), province_name("Hoà Bình")
('Quảng Nam', 'Hà Giang', 'Hòa Bình')
>>> province_name("Thừa Thiên Huế")
'Thừa Thiên Huế'
>>> [(u.name, u.province) for u in districts_named("Lục Ngạn")]
[('huyện Lục Ngạn', 'Bắc Giang')]
>>> province_2025("Quảng Nam"), province_2025("Hà Giang"), province_2025("Thừa Thiên Huế")
('Đà Nẵng', 'Tuyên Quang', 'Huế')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex

from ..lexicon import load_lexicon
from ..normalize import normalize

_LEXICON = Path(__file__).resolve().parent.parent / "lexicon"
_DASH = regex.compile(r"\s*-\s*")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    """One administrative unit: `name` keeps its type word ("huyện Lục Ngạn")."""

    name: str
    bare: str  # without the type word ("Lục Ngạn")
    level: str  # province, district or commune
    kind: str  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn
    province: str  # canonical province name
    code: int  # province code


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Comparison key of a place name.

    >>> key("  Bà Rịa -Vũng  Tàu ")
    'bà rịa - vũng tàu'
    """
    text = normalize(name).text.lower()
    text = _DASH.sub(" - ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=None)
def unit_words(*levels: str) -> tuple[str, ...]:
    """The words that introduce a unit of `levels` (every level when none), longest first (lexicon places.yaml).

    >>> unit_words("commune")
    ('thị trấn', 'phường', 'xã')
    """
    lex = load_lexicon("places")["unit_words"]
    words = {w for level in (levels or tuple(lex)) for w in lex[level]}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def unit_abbreviations() -> dict[str, str]:
    """Abbreviations of the unit words ({"tp": "thành phố"}), written with or without a dot."""
    return load_lexicon("places")["unit_abbreviations"]


def unit_words_pattern(*levels: str, abbreviated: bool = True) -> str:
    r"""A regex alternation of `unit_words(*levels)`, and their abbreviations (with an optional dot).

    >>> unit_words_pattern("district")
    'thành phố|thị xã|huyện|quận|tp\\.?|tx\\.?'
    """
    words = unit_words(*levels)
    abbreviations = [a for a, full in unit_abbreviations().items() if full in words] if abbreviated else []
    return "|".join([*(regex.escape(w, literal_spaces=True) for w in words),
                     *(regex.escape(a) + r"\.?" for a in abbreviations)])


@lru_cache(maxsize=65536)
def split_kind(full: str) -> tuple[str, str]:
    """("Huyện Lục Ngạn") -> ("huyện", "Lục Ngạn")."""
    text = normalize(full).text
    low = text.lower()
    for kind in unit_words():
        if low.startswith(kind + " "):
            return kind, text[len(kind) + 1:].strip()
    return "", text


@dataclass
class _Data:
    provinces: dict[int, Unit]
    province_keys: dict[str, int]
    districts: dict[str, list[Unit]]
    wards: dict[str, list[tuple[Unit, str]]]  # key -> (unit, district name)
    full_names: dict[int, str]  # code -> the package's full province name


@lru_cache(maxsize=1)
def _data() -> _Data:
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    with open(NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)
    extra = load_lexicon("places")
    overrides = {int(k): v for k, v in (extra.get("provinces") or {}).items()}
    provinces: dict[int, Unit] = {}
    province_keys: dict[str, int] = {}
    districts: dict[str, list[Unit]] = {}
    wards: dict[str, list[tuple[Unit, str]]] = {}
    for p in raw:
        code = p["code"]
        kind, bare = split_kind(p["name"])
        over = overrides.get(code, {})
        canon = over.get("name", bare)
        kind = over.get("kind", kind)
        provinces[code] = Unit(f"{kind} {canon}", canon, "province", kind, canon, code)
        # a renamed province keeps only its old names: the package's new name is a city's
        for alias in [canon, *over.get("aliases", []), *([] if "name" in over else [bare])]:
            province_keys[key(alias)] = code
        for d in p["districts"]:
            dkind, dbare = split_kind(d["name"])
            unit = Unit(f"{dkind} {dbare}", dbare, "district", dkind, canon, code)
            districts.setdefault(key(dbare), []).append(unit)
            for w in d["wards"]:
                wkind, wbare = split_kind(w["name"])
                wunit = Unit(f"{wkind} {wbare}", wbare, "commune", wkind, canon, code)
                wards.setdefault(key(wbare), []).append((wunit, unit.name))
    for dkind, dbare, code in extra.get("districts") or []:
        canon = provinces[code].bare
        unit = Unit(f"{dkind} {dbare}", dbare, "district", dkind, canon, code)
        bucket = districts.setdefault(key(dbare), [])
        if all(u.province != canon for u in bucket):
            bucket.append(unit)
    return _Data(provinces, province_keys, districts, wards, {p["code"]: p["name"] for p in raw})


def province(name: str) -> Optional[Unit]:
    """The province called `name` (bare, or with "tỉnh"/"thành phố"), else None."""
    kind, bare = split_kind(name)
    if kind not in ("", "tỉnh", "thành phố"):
        return None
    code = _data().province_keys.get(key(bare))
    return _data().provinces[code] if code is not None else None


def province_name(name: str) -> Optional[str]:
    """Canonical (pre-2025) name of the province called `name`, else None."""
    unit = province(name)
    return unit.bare if unit else None


def all_province_names() -> list[str]:
    """Every written form of a province name the gazetteer knows (aliases included)."""
    data = _data()
    names = {p.bare for p in data.provinces.values()}
    for over in (load_lexicon("places").get("provinces") or {}).values():
        names.update(over.get("aliases", []))
    return sorted(names, key=len, reverse=True)


def districts_named(bare: str, kind: str = "") -> list[Unit]:
    """District-level units called `bare`; `kind` (huyện, thị xã …) narrows when given and known."""
    found = _data().districts.get(key(bare), [])
    if kind in ("huyện", "quận", "thị xã", "thành phố"):
        same = [u for u in found if u.kind == kind]
        if same:
            return same
        # units change type (huyện -> thị xã) over the years: accept any district of that name,
        # but a "thành phố X" named after its province is still that city
    return list(found)


def communes_named(bare: str, province_name_: Optional[str] = None) -> list[tuple[Unit, str]]:
    """Communes called `bare` with their district name, optionally within one province."""
    found = _data().wards.get(key(bare), [])
    if province_name_:
        found = [w for w in found if w[0].province == province_name_]
    return found


def province_2025(name: Optional[str]) -> Optional[str]:
    """The province that `name` (a pre-2025 province) belongs to after the July 2025 merger.

    Read from `lexicon/provinces_2025.yaml`, which `provinces_2025_table` makes
    from underthesea's mapping (a test checks the two agree).
    """
    unit = province(name) if name else None
    return load_lexicon("provinces_2025").get(unit.bare) if unit else None


def provinces_2025_table() -> dict[str, str]:
    """{pre-2025 province: its province since July 2025} for all 63, from underthesea's offline mapping (slow)."""
    from underthesea.address import convert_address

    table = {}
    for unit in _data().provinces.values():
        new = convert_address(_data().full_names[unit.code]).new.province
        if new:
            table[unit.bare] = split_kind(new)[1]
    return dict(sorted(table.items()))


def write_provinces_2025(path: Path = _LEXICON / "provinces_2025.yaml") -> None:
    """Regenerate `lexicon/provinces_2025.yaml` (``python -m ocop_extract.metadata.gazetteer``)."""
    import yaml

    body = yaml.safe_dump(provinces_2025_table(), allow_unicode=True, sort_keys=False)
    path.write_text(_PROVINCES_2025_HEADER + "\n" + body, encoding="utf-8")


_PROVINCES_2025_HEADER = """\
# The province each pre-2025 province belongs to since the merger of 1 July 2025.
# Made from underthesea's offline address mapping by `python -m ocop_extract.metadata.gazetteer`;
# tests/test_gazetteer.py checks that it still agrees with the installed underthesea."""


if __name__ == "__main__":
    write_provinces_2025()
