"""Text normalisation that keeps a map back to the source characters.

Extractors read `Normalized.text`; every span they find is turned back into
offsets of the original text with `Normalized.to_source`, so that
``source[start:end]`` is always the exact text the value came from.

What is made uniform: Unicode NFC; old-style tone placement on the diphthongs
"oa", "oe", "uy" ("hoà" → "hòa", "xoá" → "xóa", "Uỷ" → "Ủy"); odd spaces
(no-break, thin, ideographic, tabs) → " "; zero-width characters removed;
dashes and minus signs → "-"; curly apostrophes → "'".

>>> n = normalize("Uỷ ban\u00a0nhân dân – hoà")
>>> n.text
'Ủy ban nhân dân - hòa'
>>> n.to_source(0, 2)
(0, 2)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

_SPACES = dict.fromkeys(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c",
    " ",
)
_DROP = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", "")
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u02bc": "'"}
_CHAR_MAP = {**_SPACES, **_DROP, **_DASHES, **_QUOTES}

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# A syllable ending in o+a, o+e or u+y whose tone sits on the second vowel (old style).
# "qu" syllables ("quý") are left alone: there the "u" is part of the consonant.
_OLD_TONE = regex.compile(
    r"(?<![\p{L}])(?![qQ])(\p{L}*?)([oOuU])([aAeEyY][" + _TONES + r"])(?![\p{L}\p{M}])"
)


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the source span it came from."""

    source: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to the span of `source` it was made from."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def source_text(self, start: int, end: int) -> str:
        """The exact source characters behind a span of `text`."""
        s, e = self.to_source(start, end)
        return self.source[s:e]


def _segments(source: str):
    """Yield (start, end) of each base character with its combining marks."""
    start = 0
    for i in range(1, len(source) + 1):
        if i == len(source) or not unicodedata.combining(source[i]):
            yield start, i
            start = i


def _move_tone(word: str) -> str:
    """Move the tone from the second to the first vowel of a final oa/oe/uy."""
    m = _OLD_TONE.fullmatch(word)
    if not m:
        return word
    head, first, second = m.group(1), m.group(2), m.group(3)
    base, tone = second[0], second[1]
    return unicodedata.normalize("NFC", head + first + tone + base)


def normalize(source: str) -> Normalized:
    """Normalise `source` for the extractors, keeping the offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for s, e in _segments(source):
        seg = source[s:e]
        seg = _CHAR_MAP.get(seg, seg) if len(seg) == 1 else seg
        seg = unicodedata.normalize("NFC", seg)
        for ch in seg:
            out.append(ch)
            starts.append(s)
            ends.append(e)
    text = "".join(out)
    text, starts, ends = _fix_tones(text, starts, ends)
    return Normalized(source, text, tuple(starts), tuple(ends))


_WORD = regex.compile(r"\p{L}+")


def _fix_tones(text: str, starts: list[int], ends: list[int]):
    """Apply `_move_tone` word by word; keeps lengths when NFC allows, remaps otherwise."""
    if not any(c in text for c in "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ"):
        return text, starts, ends
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for m in _WORD.finditer(text):
        word = m.group()
        decomposed = unicodedata.normalize("NFD", word)
        fixed = _move_tone(decomposed)
        if fixed == decomposed:
            continue
        fixed = unicodedata.normalize("NFC", fixed)
        out.append(text[pos:m.start()])
        new_starts.extend(starts[pos:m.start()])
        new_ends.extend(ends[pos:m.start()])
        ws, we = starts[m.start()], ends[m.end() - 1]
        if len(fixed) == len(word):
            out.append(fixed)
            new_starts.extend(starts[m.start():m.end()])
            new_ends.extend(ends[m.start():m.end()])
        else:
            out.append(fixed)
            new_starts.extend([ws] * len(fixed))
            new_ends.extend([we] * len(fixed))
        pos = m.end()
    if not out:
        return text, starts, ends
    out.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(out), new_starts, new_ends
