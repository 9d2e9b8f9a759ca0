"""The lower-cased stand-in for case-insensitive matching (ocop_extract/casefold.py).

The property is checked with `regex`'s own case-insensitive search, for the
`regex` and Python installed, not against a table from one release.
"""

import sys

import regex

from ocop_extract import casefold
from ocop_extract.casefold import _NEVER_LITERAL, _OUTSIDE_COMMON, is_unsafe, lowered_text


def _safe_text() -> str:
    return "".join(chr(cp) for cp in range(sys.maxunicode + 1)
                   if not 0xD800 <= cp <= 0xDFFF and not is_unsafe(chr(cp)))


def _literals() -> list[str]:
    """The letters lower-case patterns are written with: the common alphabet's lower-case letters."""
    return [chr(cp) for cp in range(0x2100)
            if not _OUTSIDE_COMMON.match(chr(cp)) and chr(cp).isalpha()
            and chr(cp).lower() == chr(cp) and chr(cp) not in _NEVER_LITERAL]


def test_a_literal_matches_a_safe_character_exactly_when_it_is_its_lower_case():
    safe = _safe_text()
    lowered = safe.lower()
    assert len(lowered) == len(safe)
    for letter in _literals():
        insensitive = [m.start() for m in regex.finditer(regex.escape(letter), safe, regex.I)]
        sensitive = [m.start() for m in regex.finditer(regex.escape(letter), lowered)]
        assert insensitive == sensitive, (letter, [hex(ord(safe[i])) for i in set(insensitive) ^ set(sensitive)])


def test_characters_every_release_gets_wrong_are_unsafe():
    assert all(is_unsafe(c) for c in "ſıİßŉǰΐ")
    assert not any(is_unsafe(c) for c in "aAsSiIkKđĐỹỸ")


def test_the_common_alphabet_check_falls_back_to_every_character(monkeypatch):
    texts = ["Tỉnh QUẢNG NAM ≥ 50%", "Straße số 5", "İzmir", "ĐẮK LẮK 😀"]
    quick = [lowered_text(t) for t in texts]
    monkeypatch.setattr(casefold, "_common_alphabet_holds", lambda: False)
    assert [lowered_text(t) for t in texts] == quick


def test_an_unsafe_character_refuses_the_lowered_copy():
    assert lowered_text("Straße số 5") is None and lowered_text("Tỉnh Quảng Nam ₫") == "tỉnh quảng nam ₫"


def test_lowered_matches_like_ignorecase():
    text = "Tỉnh QUẢNG NAM, Thành phố Hồ Chí Minh; ĐẮK LẮK. Hòa Bình"
    low = lowered_text(text)
    for word in ("quảng nam", "hồ chí minh", "đắk lắk", "hòa bình"):
        a = [m.span() for m in regex.finditer(regex.escape(word), text, regex.I)]
        b = [m.span() for m in regex.finditer(regex.escape(word), low)]
        assert a == b and a
