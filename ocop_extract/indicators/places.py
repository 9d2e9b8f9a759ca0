"""Scope place: the target's `scope` resolved to a unit with its level and province, before and after 2025.

The record's own places come first (they were read in context), then the gazetteer:
a province of that name, else a district or commune of that name in the record's
province. A district named like another province ("huyện Quảng Ninh" of Quảng Bình)
is the district when the record belongs to the district's province.

>>> from ocop_extract.models import Record
>>> rec = Record(doc_id="x", source={"path": "x.txt"}, province="Bắc Giang")
>>> resolve_scope("Lục Ngạn", rec)
ScopePlace(name='huyện Lục Ngạn', level='district', province='Bắc Giang', province_2025='Bắc Ninh')
>>> resolve_scope("Quảng Nam", rec)
ScopePlace(name='Quảng Nam', level='province', province='Quảng Nam', province_2025='Đà Nẵng')
>>> resolve_scope("Quảng Ninh", Record(doc_id="y", source={"path": "y.txt"}, province="Quảng Bình")).name
'huyện Quảng Ninh'
>>> resolve_scope(None, rec)
ScopePlace(name=None, level=None, province='Bắc Giang', province_2025='Bắc Ninh')
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from ..metadata import gazetteer
from ..models import Record


class ScopePlace(NamedTuple):
    """Where a target belongs: the place's name with its type word, level, and province then and now."""

    name: Optional[str]
    level: Optional[str]
    province: Optional[str]
    province_2025: Optional[str]


def _make(name: str, level: str, province: Optional[str]) -> ScopePlace:
    return ScopePlace(name, level, province, gazetteer.province_2025(province))


def _from_places(bare: str, record: Record) -> Optional[ScopePlace]:
    key = gazetteer.key(bare)
    for place in record.places:
        kind, name_bare = gazetteer.split_kind(place.name)
        if gazetteer.key(name_bare) == key or gazetteer.key(place.name) == key:
            if place.level == "province":
                return _make(gazetteer.province_name(place.name) or place.name, "province", place.province)
            return _make(place.name, place.level, place.province or record.province)
    return None


def _district_or_commune(kind: str, bare: str, province: Optional[str]) -> Optional[ScopePlace]:
    districts = [u for u in gazetteer.districts_named(bare, kind) if province in (None, u.province)]
    if len(districts) == 1 or (districts and province):
        return _make(districts[0].name, "district", districts[0].province)
    if kind in ("", "xã", "phường", "thị trấn") and province:
        communes = gazetteer.communes_named(bare, province)
        if len(communes) == 1:
            return _make(communes[0][0].name, "commune", province)
    return None


def resolve_scope(scope: Optional[str], record: Record) -> ScopePlace:
    """The place a target's `scope` names, within the record's province."""
    home = record.province
    if not scope:
        return ScopePlace(None, None, home, gazetteer.province_2025(home))
    kind, bare = gazetteer.split_kind(scope)
    province = gazetteer.province_name(scope) if kind in ("", "tỉnh") else None
    if province and (province == home or home is None):
        return _make(province, "province", province)
    found = _from_places(scope, record) if kind else None
    found = found or _district_or_commune(kind, bare, home)
    if found:
        return found
    if province:
        return _make(province, "province", province)
    found = _from_places(bare, record)
    if found and found.level != "province":
        return found
    return ScopePlace(None, None, home, gazetteer.province_2025(home))


def map_scopes(record: Record) -> Record:
    """The record with every target's scope place fields set (in place)."""
    for target in record.targets:
        place = resolve_scope(target.scope, record)
        target.scope_name, target.scope_level = place.name, place.level
        target.scope_province, target.scope_province_2025 = place.province, place.province_2025
    return record
