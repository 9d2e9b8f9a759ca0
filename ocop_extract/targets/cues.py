"""Cue phrases as compiled patterns: the lexicon `cues.yaml` turned into regexes.

>>> phrase_regex(["ít nhất", "tối thiểu"]).search("phấn đấu có ít nhất 70%").group()
'ít nhất'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex

from ..lexicon import load_lexicon
from ..phrases import alternation


def phrase_regex(phrases: Iterable[str], suffix: str = "") -> regex.Pattern:
    """One case-insensitive pattern matching any phrase at word boundaries, longest first."""
    body = alternation(phrases, fold_case=True)
    return regex.compile(rf"(?<![\p{{L}}\d]){body}(?![\p{{L}}\d]){suffix}", regex.I)


@lru_cache(maxsize=1)
def cues() -> dict:
    return load_lexicon("cues")
