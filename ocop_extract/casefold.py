"""Lower-cased text that case-sensitive patterns read as case-insensitive ones read the original.

Case-insensitive alternations of many words are slow; the same words in lower
case, matched case-sensitively against a lower-cased copy of the text, find the
same spans much faster. That holds when lower-casing keeps every character
where it was and two characters match case-insensitively exactly when their
lower cases are equal. A few characters break it ("ſ" matches "s", "ß" folds to
"ss", "İ" lower-cases to two characters, Greek and Cherokee letters with
several lower forms): a text holding one gets no lower-cased copy, and callers
fall back to their case-insensitive patterns. The patterns' own literals must
be ordinary lower-case letters.

Which characters break it depends on the Unicode data of the running Python and
`regex`, and both change between releases, so it is not a table copied from one
version: each character outside the common alphabet is judged once, when a text
first holds it (`is_unsafe`), and the common alphabet itself is checked on first
use (`_common_alphabet_holds`).

>>> lowered_text("Tỉnh QUẢNG NAM")
'tỉnh quảng nam'
>>> lowered_text("Straſse") is None, lowered_text("İzmir") is None
(True, True)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache
from typing import Optional

from .document import Doc

# The common alphabet: ASCII and Latin letters, Vietnamese letters, tone marks, general
# punctuation, "₫". Checked once per process (`_common_alphabet_holds`); a text made of these
# alone needs no character-by-character judgement.
_COMMON = ("\x00-\xb4\xb6-\xde\xe0-\u012f\u0132-\u0148\u014a-\u017e\u01a0-\u01b0"
           "\u0300-\u0323\u1ea0-\u1ef9\u2000-\u206f\u20ab")
_OUTSIDE_COMMON = re.compile(f"[^{_COMMON}]")

# Letters that lower-case patterns never hold: they match an ordinary letter case-insensitively
# ("ſ" ~ "s", "ı"/"İ" ~ "i", the Kelvin sign ~ "k") and are judged unsafe in a text themselves,
# so an ordinary letter whose case class holds one stays safe.
_NEVER_LITERAL = frozenset("ſıİ")


@lru_cache(maxsize=None)
def is_unsafe(char: str) -> bool:
    """Whether `char.lower()` is not a faithful stand-in for `char` under case-insensitive matching.

    Safe when `char` lower-cases (and case-folds, full folding included) to one
    character of the same major category, and the characters `regex` matches it
    with case-insensitively, and those its lower case matches, are exactly the
    characters with that lower case (letters in `_NEVER_LITERAL` aside).

    >>> is_unsafe("Ả"), is_unsafe("s"), is_unsafe("ſ"), is_unsafe("ß")
    (False, False, True, True)
    """
    from regex import IGNORECASE, UNICODE
    from regex._regex import get_all_cases

    low = char.lower()
    if len(low) != 1 or char.casefold() != low:
        return True
    if unicodedata.category(low)[0] != unicodedata.category(char)[0]:
        return True
    if char in _NEVER_LITERAL:
        return True
    flags = IGNORECASE | UNICODE
    cases = {chr(cp) for cp in get_all_cases(flags, ord(char))} | {char}
    low_cases = {chr(cp) for cp in get_all_cases(flags, ord(low))} | {low}
    if cases - _NEVER_LITERAL != low_cases - _NEVER_LITERAL:
        return True
    return any(other.lower() != low for other in cases - _NEVER_LITERAL)


@lru_cache(maxsize=1)
def _common_alphabet_holds() -> bool:
    """Whether no character of the common alphabet is unsafe with the running Unicode data."""
    return not any(is_unsafe(chr(cp)) for cp in range(0x2100) if not _OUTSIDE_COMMON.match(chr(cp)))


def lowered_text(text: str) -> Optional[str]:
    """`text.lower()` when it is a faithful case-insensitive stand-in for `text`, else None."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if _common_alphabet_holds():
        if not _OUTSIDE_COMMON.search(text):
            return low
        odd = set(_OUTSIDE_COMMON.findall(text))
    else:  # a release changed a common letter: judge every character
        odd = set(text)
    return None if any(is_unsafe(c) for c in odd) else low


def lowered(doc: Doc) -> Optional[str]:
    """`lowered_text` of the normalised text of `doc` (cached on the document)."""
    memo = doc.memo
    if not memo.lowered_known:
        memo.lowered, memo.lowered_known = lowered_text(doc.text), True
    return memo.lowered


def unsafe_chars() -> set[int]:
    """Every code point `is_unsafe` refuses, with the running Unicode data (slow: every code point)."""
    return {cp for cp in range(sys.maxunicode + 1)
            if not 0xD800 <= cp <= 0xDFFF and is_unsafe(chr(cp))}
