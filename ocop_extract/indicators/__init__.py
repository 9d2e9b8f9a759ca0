"""Indicators: a step applied to records after the pipeline, never inside it.

`annotate` sets each target's `indicator` (`lexicon/indicators.yaml`) and resolves
its `scope` to a place with level and province before and after the 2025 merger.
It runs by default on every record a run writes, and again on records already
written (`python -m ocop_extract indicators records.jsonl`).
"""

from __future__ import annotations

from typing import Optional

from ..models import Record
from .mapper import indicator_of, map_indicators
from .places import ScopePlace, map_scopes, resolve_scope
from .taxonomy import indicator_ids, taxonomy


def annotate(record: Record, source: Optional[str] = None) -> Record:
    """Set every target's indicator and scope place (in place); `source` is the decoded text."""
    if record.targets:
        map_indicators(record, source)
        map_scopes(record)
    return record


__all__ = ["ScopePlace", "annotate", "indicator_ids", "indicator_of", "map_indicators", "map_scopes",
           "resolve_scope", "taxonomy"]
