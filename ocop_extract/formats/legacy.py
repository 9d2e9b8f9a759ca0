"""The pre-Unicode Vietnamese byte encodings: TCVN3 (ABC, the ".VnTime" fonts), VNI-Windows, Windows-1258.

Each is a table both ways, so tests can write legacy bytes from Unicode text
and read them back (`encode`, `decode`).

>>> decode(encode("Kế hoạch phát triển sản phẩm OCOP", "tcvn3"), "tcvn3")
'Kế hoạch phát triển sản phẩm OCOP'
>>> encode("sản phẩm", "vni")
b'sa\\xfbn pha\\xe5m'
>>> decode(b"n\\xe3m 2024", "tcvn3")
'nóm 2024'
>>> decode(encode("Đường giao thông", "cp1258"), "cp1258")
'Đường giao thông'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Vowels with each of the five tones, in the order: grave, hook, tilde, acute, dot below.
_TONED = {
    "a": "àảãáạ", "ă": "ằẳẵắặ", "â": "ầẩẫấậ", "e": "èẻẽéẹ", "ê": "ềểễếệ", "i": "ìỉĩíị",
    "o": "òỏõóọ", "ô": "ồổỗốộ", "ơ": "ờởỡớợ", "u": "ùủũúụ", "ư": "ừửữứự", "y": "ỳỷỹýỵ",
}

# TCVN3 (TCVN 5712:1993, VN3): one byte per lowercase letter; the capitals of toned letters
# exist only in the ".VnTimeH"-style fonts, which draw the same bytes as capitals.
_TCVN3_BYTES = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_PLAIN = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
                "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE}

# VNI-Windows: a base letter followed by mark bytes (read here as their Windows-1252 glyphs).
_VNI_TONES_LOWER = ("ø", "û", "õ", "ù", "ï")          # grave, hook, tilde, acute, dot below
_VNI_BREVE_TONES_LOWER = ("è", "ú", "ü", "é", "ë")    # the tones of ă (which is "aê")
_VNI_CIRC_TONES_LOWER = ("à", "å", "ã", "á", "ä")     # the tones of â, ê, ô ("aâ", "eâ", "oâ")
_VNI_BASE_LOWER = {"a": "a", "ă": "aê", "â": "aâ", "e": "e", "ê": "eâ", "o": "o", "ô": "oâ",
                   "ơ": "ô", "u": "u", "ư": "ö", "y": "y"}
_VNI_I_LOWER = "ìæóíò"                                 # ì ỉ ĩ í ị, one byte each
_VNI_Y_DOT_LOWER, _VNI_D_LOWER = "î", "ñ"              # ỵ and đ

ENCODINGS = ("tcvn3", "vni", "cp1258")
LABELS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows", "cp1258": "Windows-1258"}
_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"


@lru_cache(maxsize=None)
def _tcvn3_to_unicode() -> dict[int, str]:
    table = {code: char for char, code in _TCVN3_PLAIN.items()}
    for vowel, codes in _TCVN3_BYTES.items():
        table.update(zip(codes, _TONED[vowel]))
    return table


@lru_cache(maxsize=None)
def _vni_pairs() -> dict[str, str]:
    """Unicode letter -> its VNI spelling (in Windows-1252 glyphs), lower and upper case."""
    pairs = {"đ": _VNI_D_LOWER, "ỵ": _VNI_Y_DOT_LOWER}
    pairs.update({"ă": "aê", "â": "aâ", "ê": "eâ", "ô": "oâ", "ơ": "ô", "ư": "ö"})
    pairs.update(zip(_TONED["i"], _VNI_I_LOWER))
    for vowel, base in _VNI_BASE_LOWER.items():
        marks = (_VNI_BREVE_TONES_LOWER if vowel == "ă" else
                 _VNI_CIRC_TONES_LOWER if vowel in "âêô" else _VNI_TONES_LOWER)
        for toned, mark in zip(_TONED[vowel], marks):
            if toned not in pairs:
                pairs[toned] = base[0] + mark if len(base) == 2 else base + mark
    pairs.update({u.upper(): v.upper() for u, v in list(pairs.items())})
    return pairs


@lru_cache(maxsize=None)
def _vni_reader() -> tuple[regex.Pattern, dict[str, str]]:
    back = {v: u for u, v in _vni_pairs().items()}
    keys = sorted(back, key=len, reverse=True)  # longest spelling first
    return regex.compile("|".join(map(regex.escape, keys))), back


def decode(data: bytes, encoding: str) -> str:
    """Legacy bytes to Unicode NFC text; bytes outside the table read as Windows-1252."""
    if encoding == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if encoding == "tcvn3":
        table = _tcvn3_to_unicode()
        return restore_capitals("".join(table.get(b) or bytes((b,)).decode("cp1252", errors="replace")
                                        for b in data))
    if encoding == "vni":
        pattern, back = _vni_reader()
        return pattern.sub(lambda m: back[m.group()], data.decode("cp1252", errors="replace"))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


_TONED_LOWER = "".join(_TONED.values())
_WORD = regex.compile(r"\p{L}+")
_SPACES = regex.compile(r"[ \t]+")
_LINE_START = regex.compile(r"(?m)(?:^|(?<=[.!?:]\s))([ \t]*(?:[-+•]\s*|\d{1,2}[.)]\s*)?)([" + _TONED_LOWER + r"])")


def restore_capitals(text: str) -> str:
    r"""Capitals that TCVN3 text lost (it has no codes for capital toned letters), put back where sure.

    A word whose other letters are capitals ("HOạCH"), a one-capital word beside
    such a word ("Kế HOẠCH"), and a toned letter opening a line or a sentence.

    >>> restore_capitals("Kế HOạCH PHáT TRIểN\nủy ban nhân dân. ấp Bắc\nĐề áN\nSố: 03/ĐA-UBND")
    'KẾ HOẠCH PHÁT TRIỂN\nỦy ban nhân dân. Ấp Bắc\nĐỀ ÁN\nSố: 03/ĐA-UBND'
    """
    words = [m for m in _WORD.finditer(text)]
    upper = [_all_capitals(m.group()) for m in words]
    out = list(text)
    for i, m in enumerate(words):
        word = m.group()
        plain = [c for c in word if c not in _TONED_LOWER]
        near = ((i and upper[i - 1] and _SPACES.fullmatch(text, words[i - 1].end(), m.start()))
                or (i + 1 < len(words) and upper[i + 1] and _SPACES.fullmatch(text, m.end(), words[i + 1].start())))
        if upper[i] or (len(plain) == 1 and plain[0].isupper() and near and len(word) <= 3):
            out[m.start():m.end()] = word.upper()
    text = "".join(out)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def _all_capitals(word: str) -> bool:
    """Every letter that has a capital code is a capital: two or more of them, or one after a toned letter ("áN")."""
    plain = [c for c in word if c not in _TONED_LOWER]
    if not plain or not all(c.isupper() for c in plain):
        return False
    return len(plain) >= 2 or any(a in _TONED_LOWER and b.isupper() for a, b in zip(word, word[1:]))


def from_font_text(text: str, encoding: str, capitals: bool = False) -> str:
    """Text that a word processor stored as glyphs of a TCVN3/VNI font, converted to Unicode.

    `capitals` for the capital-letter TCVN3 fonts (".VnTimeH"), which draw the lowercase codes as capitals.

    >>> from_font_text("s¶n phÈm", "tcvn3")
    'sản phẩm'
    >>> from_font_text("kÕ ho¹ch", "tcvn3", capitals=True)
    'KẾ HOẠCH'
    """
    data = text.encode("cp1252", errors="replace")
    out = decode(data, encoding)
    return out.upper() if capitals else out


def encode(text: str, encoding: str) -> bytes:
    """Unicode text to legacy bytes (the reverse of `decode`), for tests and conversions.

    TCVN3 has no capital toned letters: they are written as their lowercase codes.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return b"".join(_cp1258_char(c) for c in text)
    if encoding == "vni":
        pairs = _vni_pairs()
        return "".join(pairs.get(c, c) for c in text).encode("cp1252", errors="replace")
    if encoding == "tcvn3":
        back = {char: code for code, char in _tcvn3_to_unicode().items()}
        out = bytearray()
        for c in text:
            code = back.get(c, back.get(c.lower()) if c.lower() in "".join(_TONED.values()) else None)
            out += bytes((code,)) if code is not None else c.encode("cp1252", errors="replace")
        return bytes(out)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _cp1258_char(char: str) -> bytes:
    """One character in Windows-1258: precomposed when the code page has it, else letter + tone mark."""
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(p for p in parts if p in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONE_MARKS))
        return (base + tones).encode("cp1258", errors="replace")
