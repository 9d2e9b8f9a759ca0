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

>>> lowered_text("Tỉnh QUẢNG NAM")
'tỉnh quảng nam'
>>> lowered_text("Straſse") is None, lowered_text("İzmir") is None
(True, True)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Optional

from .document import Doc

# Characters for which lower-casing and the `regex` module's case-insensitive matching
# disagree (see `unsafe_chars`, which tests/test_casefold.py checks this against).
_UNSAFE = re.compile("[\u00b5\u00df\u0130-\u0131\u0149\u017f\u019b\u01f0\u0264\u0345\u0390\u0392\u0395\u0398-\u039a\u039c\u03a0-\u03a1\u03a3\u03a6\u03b0\u03b2\u03b5\u03b8-\u03ba\u03bc\u03c0-\u03c3\u03c6\u03d0-\u03d1\u03d5-\u03d6\u03f0-\u03f1\u03f4-\u03f5\u0412\u0414\u041e\u0421-\u0422\u042a\u0432\u0434\u043e\u0441-\u0442\u044a\u0462-\u0463\u0587\u13a0-\u13f5\u13f8-\u13fd\u1c80-\u1c8a\u1e60-\u1e61\u1e96-\u1e9b\u1e9e\u1f50\u1f52\u1f54\u1f56\u1f80-\u1faf\u1fb2-\u1fb4\u1fb6-\u1fb7\u1fbc\u1fbe\u1fc2-\u1fc4\u1fc6-\u1fc7\u1fcc\u1fd2-\u1fd3\u1fd6-\u1fd7\u1fe2-\u1fe4\u1fe6-\u1fe7\u1ff2-\u1ff4\u1ff6-\u1ff7\u1ffc\ua64a-\ua64b\ua7cb-\ua7cf\ua7d2-\ua7d5\ua7da-\ua7dc\uab70-\uabbf\ufb00-\ufb06\ufb13-\ufb17\U00010d50-\U00010d65\U00010d70-\U00010d85\U00016ea0-\U00016eb8\U00016ebb-\U00016ed3]")


# Characters known to be safe: ASCII and Latin letters but the unsafe ones, Vietnamese letters,
# tone marks, general punctuation, "₫". A text made of these alone needs no `_UNSAFE` scan.
_OUTSIDE_SAFE = re.compile("[^\x00-\xb4\xb6-\xde\xe0-\u012f\u0132-\u0148\u014a-\u017e\u01a0-\u01b0"
                           "\u0300-\u0323\u1ea0-\u1ef9\u2000-\u206f\u20ab]")


def lowered_text(text: str) -> Optional[str]:
    """`text.lower()` when it is a faithful case-insensitive stand-in for `text`, else None."""
    low = text.lower()
    if len(low) != len(text) or (_OUTSIDE_SAFE.search(text) and _UNSAFE.search(text)):
        return None
    return low


def lowered(doc: Doc) -> Optional[str]:
    """`lowered_text` of the normalised text of `doc` (cached on the document)."""
    if "lowered" not in doc.cache:
        doc.cache["lowered"] = lowered_text(doc.text)
    return doc.cache["lowered"]


def unsafe_chars() -> set[int]:
    """Code points whose lower case is not a faithful case-insensitive stand-in (slow: every code point).

    A character is safe when it lower-cases (and case-folds, full folding
    included) to one character, the characters `regex` matches it with
    case-insensitively are exactly those with the same lower case, and its lower
    case is in the same major category. "I", "S", "i" and "s" are safe as long as
    the unsafe "İ", "ı" and "ſ" are kept out.
    """
    from regex import IGNORECASE, UNICODE
    from regex._regex import get_all_cases

    points = [cp for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]
    same_lower: dict[str, set[int]] = {}
    for cp in points:
        low = chr(cp).lower()
        if len(low) == 1:
            same_lower.setdefault(low, set()).add(cp)
    out = set()
    for cp in points:
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 or c.casefold() != low:
            out.add(cp)
        elif set(get_all_cases(IGNORECASE | UNICODE, cp)) | {cp} != same_lower[low]:
            out.add(cp)
        elif unicodedata.category(low)[0] != unicodedata.category(c)[0]:
            out.add(cp)
    return out - {ord(c) for c in "ISis"}
