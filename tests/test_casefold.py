"""The lower-cased stand-in for case-insensitive matching (ocop_extract/casefold.py)."""

import regex

from ocop_extract.casefold import _OUTSIDE_SAFE, _UNSAFE, lowered_text, unsafe_chars


def test_unsafe_set_covers_every_unsafe_character():
    unsafe = unsafe_chars()
    assert {cp for cp in unsafe if _UNSAFE.match(chr(cp))} == unsafe


def test_no_unsafe_character_is_among_the_known_safe_ones():
    # unsafe_chars() is the ground truth; the quick check may only skip the scan for safe characters
    assert all(_OUTSIDE_SAFE.match(chr(cp)) for cp in unsafe_chars())


def test_an_unsafe_character_refuses_the_lowered_copy():
    assert lowered_text("Straße số 5") is None and lowered_text("Tỉnh Quảng Nam ₫") == "tỉnh quảng nam ₫"


def test_lowered_matches_like_ignorecase():
    text = "Tỉnh QUẢNG NAM, Thành phố Hồ Chí Minh; ĐẮK LẮK. Hòa Bình"
    low = lowered_text(text)
    for word in ("quảng nam", "hồ chí minh", "đắk lắk", "hòa bình"):
        a = [m.span() for m in regex.finditer(regex.escape(word), text, regex.I)]
        b = [m.span() for m in regex.finditer(regex.escape(word), low)]
        assert a == b and a
