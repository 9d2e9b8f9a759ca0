"""Patterns built from the lexicon are built once per process, whatever order the modules ask for them in.

A pattern rebuilt on every call is not wrong, only several times slower (the unit pattern alone
has hundreds of alternatives); `bench/run.py` measures the speed, these tests keep the caching.
"""

from __future__ import annotations

from ocop_extract.targets import quantities
from ocop_extract.targets.cues import breakdown_regex
from ocop_extract.targets.quantities import find_quantities


def test_the_unit_pattern_is_built_once():
    find_quantities("Hỗ trợ 20 chủ thể, tổ chức 3 hội chợ.")
    assert quantities._unit_regex() is quantities._unit_regex()


def test_every_breakdown_pattern_stays_cached_when_modules_interleave():
    lists = [(), ("star_clause_ends",), ("breakdown_parts",)]
    first = [breakdown_regex(*extra) for extra in lists]
    again = [breakdown_regex(*extra) for extra in lists + lists]
    assert all(a is b for a, b in zip(first + first, again))
