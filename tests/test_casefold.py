"""The lower-cased stand-in for case-insensitive matching (ocop_extract/casefold.py)."""

import regex

from ocop_extract.casefold import _UNSAFE, lowered_text, unsafe_chars


def test_unsafe_set_covers_every_unsafe_character():
    unsafe = unsafe_chars()
    assert {cp for cp in unsafe if _UNSAFE.match(chr(cp))} == unsafe


def test_lowered_matches_like_ignorecase():
    text = "Tỉnh QUẢNG NAM, Thành phố Hồ Chí Minh; ĐẮK LẮK. Hòa Bình"
    low = lowered_text(text)
    for word in ("quảng nam", "hồ chí minh", "đắk lắk", "hòa bình"):
        a = [m.span() for m in regex.finditer(regex.escape(word), text, regex.I)]
        b = [m.span() for m in regex.finditer(regex.escape(word), low)]
        assert a == b and a
