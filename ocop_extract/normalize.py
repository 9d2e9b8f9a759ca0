"""Text normalisation that keeps a map back to the source characters.

Extractors read `Normalized.text`; every span they find is turned back into
offsets of the original text with `Normalized.to_source`, so that
``source[start:end]`` is always the exact text the value came from.

What is made uniform: Unicode NFC; old-style tone placement on the diphthongs
"oa", "oe", "uy" ("hoà" → "hòa", "xoá" → "xóa", "Uỷ" → "Ủy"); odd spaces
(no-break, thin, ideographic, tabs) → " "; zero-width characters removed;
dashes and minus signs → "-"; curly apostrophes → "'". Rows of a table copied
from a word processor or a spreadsheet, their cells split by tabs, get bars
instead ("1\\tHuyện Nam Đàn\\t3" → "1|Huyện Nam Đàn|3"), as the table reader expects.

>>> n = normalize("Uỷ ban\u00a0nhân dân – hoà")
>>> n.text
'Ủy ban nhân dân - hòa'
>>> n.to_source(0, 2)
(0, 2)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

import regex

_SPACES = dict.fromkeys(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c",
    " ",
)
_DROP = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", "")
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u02bc": "'"}

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# A syllable ending in o+a, o+e or u+y whose tone sits on the second vowel (old style).
# "qu" syllables ("quý") are left alone: there the "u" is part of the consonant.
_OLD_TONE = regex.compile(
    r"(?<![\p{L}])(?![qQ])(\p{L}*?)([oOuU])([aAeEyY][" + _TONES + r"])(?![\p{L}\p{M}])"
)


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the source span it came from.

    `starts`/`ends` are None when every character maps to the same offset
    (the common case: only one-for-one replacements were made).
    """

    source: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to the span of `source` it was made from."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def from_source(self, offset: int) -> int:
        """The first offset of `text` whose source position is at or after `offset`."""
        if self.starts is None:
            return min(offset, len(self.text))
        return bisect_left(self.starts, offset)

    def source_text(self, start: int, end: int) -> str:
        """The exact source characters behind a span of `text`."""
        s, e = self.to_source(start, end)
        return self.source[s:e]


_ONE_FOR_ONE_MAP = {**_SPACES, **_DASHES, **_QUOTES}
# Any character to replace or drop: one scan of the standard `re` engine rules most texts out.
_ODD = re.compile("[" + "".join(_ONE_FOR_ONE_MAP) + "".join(_DROP) + "]")
_TONED_FINAL = "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ"
# The end of a word that may carry an old-style tone: the engine finds the literal "o"/"u" fast.
_OLD_TONE_END = regex.compile(rf"[oOuU][{_TONED_FINAL}](?![\p{{L}}\p{{M}}])")


def _segments(source: str):
    """Yield (start, end) of each base character with its combining marks."""
    start = 0
    for i in range(1, len(source) + 1):
        if i == len(source) or not unicodedata.combining(source[i]):
            yield start, i
            start = i


def _move_tone(word: str) -> str:
    """Move the tone from the second to the first vowel of a final oa/oe/uy (NFC in, NFC out)."""
    m = _OLD_TONE.fullmatch(unicodedata.normalize("NFD", word))
    if not m:
        return word
    head, first, second = m.group(1), m.group(2), m.group(3)
    base, tone = second[0], second[1]
    fixed = unicodedata.normalize("NFC", head + first + tone + base)
    return fixed if len(fixed) == len(word) else word


# a line whose cells tabs split: three cells or more (the first may be empty, "\tTổng cộng\t27\t3")
_TAB_ROW = re.compile(r"^[^\t\n]*(?:\t+[^\t\n]+){2,}\t*$", re.M)


def _tab_tables(text: str) -> str:
    """`text` with the tabs of its tab-split tables (two rows or more on consecutive lines) made cell
    bars, one character for one.

    In a row with as many tabs as the table's first, each tab ends a cell (two in a row leave one
    empty); in another, a run of tabs is one break, its "|" padded with spaces. A lone line with
    tabs (a signer's column, "Nơi nhận:\\t\\tKT. CHỦ TỊCH") is left to become spaces.

    >>> _tab_tables("STT\\tĐơn vị\\tSố sản phẩm\\tGhi chú\\n1\\tHuyện Nam Đàn\\t3\\t\\n\\tTổng cộng\\t\\t3\\n\\nHết.\\tx\\ty")
    'STT|Đơn vị|Số sản phẩm|Ghi chú\\n1|Huyện Nam Đàn|3|\\n|Tổng cộng||3\\n\\nHết.\\tx\\ty'
    """
    rows = list(_TAB_ROW.finditer(text))
    blocks: list[list[re.Match]] = []
    for row in rows:
        if blocks and blocks[-1][-1].end() + 1 == row.start():
            blocks[-1].append(row)
        else:
            blocks.append([row])
    chars = list(text)
    for block in (b for b in blocks if len(b) > 1):
        tabs = block[0].group().count("\t")
        for row in block:
            runs = re.finditer("\t" if row.group().count("\t") == tabs else r"\t+", row.group())
            for run in runs:
                chars[row.start() + run.start():row.start() + run.end()] = "|" + " " * (run.end() - run.start() - 1)
    return "".join(chars)


def normalize(source: str) -> Normalized:
    """Normalise `source` for the extractors, keeping the offset map.

    >>> normalize("1\\tHuyện Nam Đàn\\t3\\t2\\n2\\tHuyện Tân Kỳ\\t2\\t2").text
    '1|Huyện Nam Đàn|3|2\\n2|Huyện Tân Kỳ|2|2'
    """
    text = _tab_tables(source) if "\t" in source else source
    dropped = False
    if _ODD.search(text):
        for odd, plain in _ONE_FOR_ONE_MAP.items():
            if odd in text:
                text = text.replace(odd, plain)
        dropped = any(ch in text for ch in _DROP)
    starts = ends = None
    if dropped or not unicodedata.is_normalized("NFC", text):
        text, starts, ends = _remap(text)
    if _OLD_TONE_END.search(text):
        text = _new_tone_placement(text)
    return Normalized(source, text, starts, ends)


def _new_tone_placement(text: str) -> str:
    """Every word ending in an old-style "oà", "oé", "uỷ" … rewritten with the tone on the first vowel.

    NFC keeps both placements one character per vowel, so offsets do not move.

    >>> _new_tone_placement("Uỷ ban, hoà giải, xoá, quý")
    'Ủy ban, hòa giải, xóa, quý'
    """
    parts: list[str] = []
    done = 0
    for m in _OLD_TONE_END.finditer(text):
        start = m.start()
        while start > done and text[start - 1].isalpha():  # back to the start of the word
            start -= 1
        word = text[start:m.end()]
        fixed = _move_tone(word)
        if fixed != word:
            parts += (text[done:start], fixed)
            done = m.end()
    return "".join(parts) + text[done:] if parts else text


def _remap(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """NFC and dropped characters: the slow path, with a per-character map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for s, e in _segments(text):
        seg = text[s:e]
        seg = _DROP.get(seg, seg) if len(seg) == 1 else seg
        seg = unicodedata.normalize("NFC", seg)
        for ch in seg:
            out.append(ch)
            starts.append(s)
            ends.append(e)
    return "".join(out), tuple(starts), tuple(ends)
