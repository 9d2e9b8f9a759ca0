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


def words_regex(words: Iterable[str]) -> regex.Pattern:
    """One case-insensitive pattern matching any of `words` between non-letters (a digit may touch it)."""
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}])", regex.I)


@lru_cache(maxsize=None)  # one pattern per combination of lists the modules ask for (a few)
def breakdown_regex(*extra: str) -> regex.Pattern:
    """The words that open a figure's breakdown (lexicon `breakdown`), and `extra` lists of the lexicon.

    >>> breakdown_regex().search("45 sản phẩm, trong đó 12 sản phẩm 4 sao").group()
    'trong đó'
    """
    return words_regex([*cues()["breakdown"], *(w for key in extra for w in cues()[key])])
