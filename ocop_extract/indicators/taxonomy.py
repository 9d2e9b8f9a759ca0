"""Indicators: the closed list of measures in `lexicon/indicators.yaml`, compiled once.

>>> ids = indicator_ids()
>>> ids[0], "other" in ids, len(ids) == len(set(ids))
('ocop_products_upgraded', True, True)
>>> INDICATOR("budget_local").en, INDICATOR("budget_local").units
('budget from local (province, district, commune) budgets', ('VND',))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..lexicon import load_lexicon


@dataclass(frozen=True)
class Indicator:
    """One measure: its id, labels, the units its figures have (empty: any) and its wordings."""

    id: str
    vi: str
    en: str
    units: tuple[str, ...]
    rank: int                      # its place in the lexicon: the earlier wins a tie
    cues: regex.Pattern | None     # wordings anywhere in the clause
    cues_before: regex.Pattern | None  # wordings that count only before the number
    cues_after: regex.Pattern | None   # and only from the number on
    unit_cues: dict = field(default_factory=dict)  # unit -> wordings that count only for figures of that unit
    unit_cues_before: dict = field(default_factory=dict)  # the same, only before the number
    unit_cues_across: dict = field(default_factory=dict)  # the same, only running across the number

    @property
    def unit(self) -> str | None:
        """The unit a table shows for it (the first listed)."""
        return self.units[0] if self.units else None


def _compile(phrases: list[str], macros: dict[str, str]) -> regex.Pattern | None:
    if not phrases:
        return None
    expanded = []
    for phrase in phrases:
        for name, pattern in macros.items():
            phrase = phrase.replace("{" + name + "}", pattern)
        expanded.append(f"(?:{phrase})")
    # longest alternatives first, so that at one start the longer wording is found
    expanded.sort(key=len, reverse=True)
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(expanded) + r")(?!\p{L})")


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Indicator, ...]:
    """Every indicator, in lexicon order."""
    data = load_lexicon("indicators")
    macros = data.get("macros") or {}
    out = []
    for rank, item in enumerate(data["indicators"]):
        units = item.get("unit")
        units = () if units is None else (tuple(units) if isinstance(units, list) else (units,))
        out.append(Indicator(item["id"], item["vi"], item["en"], units, rank,
                             _compile(item.get("cues") or [], macros),
                             _compile(item.get("cues_before") or [], macros),
                             _compile(item.get("cues_after") or [], macros),
                             *({unit: _compile(phrases, macros) for unit, phrases in (item.get(key) or {}).items()}
                               for key in ("unit_cues", "unit_cues_before", "unit_cues_across"))))
    return tuple(out)


@lru_cache(maxsize=1)
def unit_defaults() -> dict[str, str]:
    """The indicator of a figure of each unit that no wording names ({"product": "ocop_products", …})."""
    return dict(load_lexicon("indicators").get("defaults") or {})


def indicator_ids() -> list[str]:
    """The ids, in lexicon order."""
    return [i.id for i in taxonomy()]


def INDICATOR(id_: str) -> Indicator:  # noqa: N802 - reads as a table look-up
    """The indicator called `id_` (KeyError when there is none)."""
    for item in taxonomy():
        if item.id == id_:
            return item
    raise KeyError(id_)


@lru_cache(maxsize=32)
def candidates(unit: str) -> tuple[Indicator, ...]:
    """The indicators a figure of `unit` can be a value of, in lexicon order."""
    return tuple(i for i in taxonomy() if not i.units or unit in i.units)
