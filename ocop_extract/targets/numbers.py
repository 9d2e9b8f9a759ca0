"""Numbers: Vietnamese numerals in digits or words, with scale words.

>>> parse_digits("1,5"), parse_digits("10.000"), parse_digits("01"), parse_digits("2.050")
(1.5, 10000.0, 1.0, 2050.0)
>>> parse_words("hai mươi mốt"), parse_words("mười lăm"), parse_words("một trăm lẻ năm")
(21.0, 15.0, 105.0)
>>> [(m.value, m.text) for m in find_numbers("dự chi 700 triệu đồng, 2.050 tỷ và một trăm sản phẩm")]
[(700000000.0, '700 triệu'), (2050000000000.0, '2.050 tỷ'), (100.0, 'một trăm')]
>>> [(m.value, m.text) for m in find_numbers("kinh phí 1 tỷ 250 triệu đồng")]
[(1250000000.0, '1 tỷ 250 triệu')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from ..lexicon import load_lexicon
from ..phrases import alternation

# Digits: thousands grouped by dots ("10.000", "1.234.567"), decimal comma ("1,5", "86,4"),
# or a plain run ("2024", "01"). A dot followed by 1-2 or 4+ digits is a decimal point.
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\.?\d)|\d+(?:,\d+)?(?![.,]?\d)|\d+\.\d{1,2}(?![.\d])"


_GROUPED_DOTS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_GROUPED_COMMAS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_TOKEN = regex.compile(r"\S+")


def parse_digits(text: str) -> float:
    """Value of a digit numeral written the Vietnamese way.

    >>> parse_digits("86,4"), parse_digits("1.234.567"), parse_digits("2.5")
    (86.4, 1234567.0, 2.5)
    """
    text = text.strip()
    if text.isascii() and text.isdigit():  # most numerals: "2025", "01", "20"
        return float(text)
    if _GROUPED_DOTS.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif _GROUPED_COMMAS.fullmatch(text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    return float(text)


@lru_cache(maxsize=1)
def _words() -> dict:
    return load_lexicon("numbers")


_TENS_ALONE = "chục"
_GLUED_UNITS = "ha|km|kg|m2|m²"
# "chục"/"trăm" alone count as 10/100 only after a comparator ("hơn chục", "gần trăm"), not "vài chục"
_ROUND_ALONE = regex.compile(r"(?<![\p{L}])(?:hơn|gần|trên|khoảng|ngót|xấp\s+xỉ|chừng|tới|lên|đến)\s+\Z", regex.I | regex.REVERSE)


def parse_words(text: str) -> float | None:
    """Value of a number written in words ("hai mươi mốt" → 21), or None.

    >>> parse_words("năm"), parse_words("chín mươi"), parse_words("hai nghìn"), parse_words("sản phẩm")
    (5.0, 90.0, 2000.0, None)
    """
    lex = _words()
    tokens = text.lower().split()
    if not tokens:
        return None
    total, group, current = 0, 0, None  # total: finished scales; group: below 1000
    prev = None
    for tok in tokens:
        if tok in lex["scales"]:
            scale = lex["scales"][tok]
            value = group + (current or 0)
            if value == 0:
                return None  # "tỷ đồng" alone: a scale needs a number before it
            total += value * scale
            group, current = 0, None
        elif tok in lex["hundred"] and prev is None and current is None:
            group += 100  # "gần trăm điểm bán": a hundred, said alone after a comparator (`find_numbers`)
        elif tok == _TENS_ALONE and prev is None and current is None:
            group += 10  # "hơn chục sản phẩm"
        elif tok in lex["hundred"]:
            if current is None:
                return None
            group += current * 100
            current = None
        elif tok in lex["tens"]:
            if current is None or group % 100:
                return None
            group += current * 10
            current = None
        elif tok in lex["ten"]:
            if current is not None or group % 100:
                return None
            group += 10
            current = None
        elif tok in lex["zero_filler"]:
            if prev not in lex["hundred"]:
                return None
        elif tok in lex["units"]:
            if current is not None:
                return None
            if tok in ("mốt", "tư") and prev not in lex["tens"]:
                return None
            if tok in ("lăm", "nhăm") and prev not in lex["ten"] + lex["tens"]:
                return None
            current = lex["units"][tok]
        else:
            return None
        prev = tok
    return float(total + group + (current or 0))


@lru_cache(maxsize=1)
def _number_regexes() -> tuple[regex.Pattern, "re.Pattern[str]"]:
    """Digits (with scale words) and runs of number words, as two patterns.

    Two searches beat one alternation: the digit pattern starts with a digit, which
    the engine finds fast, and the words are found by the standard `re` module in a
    lower-cased copy of the text, several times faster than a case-insensitive scan.
    """
    lex = _words()
    words = list(lex["units"]) + lex["ten"] + lex["tens"] + lex["hundred"] + lex["zero_filler"] + list(lex["scales"])
    scale = "|".join(sorted(lex["scales"], key=len, reverse=True))
    digits = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.,/])(?P<digits>{DIGITS})(?:\s+(?P<scale>(?i:{scale})(?:\s+(?i:{scale}))*)"
        rf"(?!\s+(?i:{'|'.join(lex['scale_not_before'])})(?![\p{{L}}])))?"
        rf"(?:(?![\p{{L}}])|(?=(?i:{_GLUED_UNITS})(?![\p{{L}}\d])))")  # a measure glued on: "40ha", "612km"
    first, word = alternation(words, not_after=r"[^\W\d_]"), alternation(words)
    return digits, re.compile(rf"{first}(?:\s+{word})*(?![^\W\d_])")


class NumberMatch(NamedTuple):  # a named tuple: documents make many, and tuples are cheap to make
    """A numeral found in normalised text."""

    start: int
    end: int
    value: float
    text: str
    digits: bool      # written in digits (else in words)
    raw: str          # the numeral without its scale word
    scale: float = 1  # the last scale word applied ("triệu" → 1e6)


def find_numbers(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[NumberMatch]:
    """Every numeral in `text[start:end]`, digits or words, with a scale word applied.

    `lower` is `text.lower()` when the caller has it (it must be as long as `text`).
    """
    end = len(text) if end is None else end
    digits_re, words_re = _number_regexes()
    out: list[NumberMatch] = []
    for m in digits_re.finditer(text, start, end):
        digits, scale_words = m.group("digits", "scale")
        value = parse_digits(digits)
        if not scale_words:
            out.append(NumberMatch(m.start(), m.end(), value, digits, True, digits, 1))
            continue
        scale = 1
        for word in scale_words.lower().split():
            scale *= _words()["scales"][word]
        prev = out[-1] if out else None
        if (prev is not None and prev.text != prev.raw and 1 < scale < prev.scale
                and text[prev.end:m.start()].isspace() and value < 1000):
            # "1 tỷ 250 triệu đồng": a smaller scale adds to the larger one before it
            out[-1] = NumberMatch(prev.start, m.end(), prev.value + value * scale,
                                  text[prev.start:m.end()], True, prev.raw, scale)
            continue
        out.append(NumberMatch(m.start(), m.end(), value * scale, m.group(), True, digits, scale))
    if lower is None or len(lower) != len(text):
        lower = text[start:end].lower()
        offset = start
        if len(lower) != end - start:  # a character whose lower case is longer: read it case by case
            return out + _word_numbers_slow(text, start, end)
    else:
        offset = 0
    found = []
    for m in words_re.finditer(lower, start - offset, end - offset):
        if lower.startswith(("chục", "trăm"), m.start()) \
                and not _ROUND_ALONE.search(text, max(0, m.start() + offset - 12), m.start() + offset):
            continue  # "vài chục", "hàng trăm": no figure
        found.extend(_split_words(text[m.start() + offset:m.end() + offset], m.start() + offset))
    if found:
        out = sorted(out + found, key=lambda n: n.start)
    return out


def _word_numbers_slow(text: str, start: int, end: int) -> list[NumberMatch]:
    pattern = re.compile(_number_regexes()[1].pattern, re.I)
    return [n for m in pattern.finditer(text, start, end) for n in _split_words(m.group(), m.start())]


# No number is written in more words than this ("chín trăm chín mươi chín nghìn chín trăm chín mươi chín" is 11).
_LONGEST_WORD_NUMBER = 12


def _split_words(words: str, offset: int) -> list[NumberMatch]:
    """Parse a run of number words; a run that does not parse whole is split greedily."""
    # "không" alone negates ("không quá"), or begins a word ("không gian trưng bày"): no zero
    return [NumberMatch(offset + s, offset + e, value, words[s:e], False, words[s:e])
            for s, e, value in _word_numbers(words) if value or words[s:e].lower() != "không"]


@lru_cache(maxsize=1024)  # a few words ("năm", "một", "hai mươi") make most runs
def _word_numbers(words: str) -> tuple[tuple[int, int, float], ...]:
    """(start, end, value) of the numbers in a run of number words, split greedily where it does not parse whole."""
    tokens = [(t.start(), t.end()) for t in _TOKEN.finditer(words)]
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + _LONGEST_WORD_NUMBER), i, -1):
            s, e = tokens[i][0], tokens[j - 1][1]
            value = parse_words(words[s:e])
            if value is not None:
                out.append((s, e, value))
                i = j
                break
        else:
            i += 1
    return tuple(out)
