"""The normaliser: uniform text for the extractors, offsets that survive it."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings, strategies as st

from ocop_extract.normalize import normalize

VIETNAMESE = "aăâeêioôơuưy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ" + "đĐ"
ALPHABET = st.sampled_from(list(VIETNAMESE + "hqtnkgQUOHAE0123456789 .,;:%/-\n\t")
                           + ["\u00a0", "\u200b", "\u2013", "\u2014", "\u0300", "\u0301", "\u0309", "\u0323", "\ufeff"])


@given(st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=40))
@settings(max_examples=400)
def test_every_span_maps_back_into_the_source(source):
    n = normalize(source)
    if n.starts is None:
        assert len(n.text) == len(source)
    for i in range(len(n.text)):
        s, e = n.to_source(i, i + 1)
        assert 0 <= s < e <= len(source)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 6) + 1):
            s, e = n.to_source(i, j)
            assert n.source_text(i, j) == source[s:e]
            assert s <= e


@given(st.text(alphabet=ALPHABET, max_size=80))
def test_output_is_nfc_and_idempotent(source):
    text = normalize(source).text
    assert unicodedata.is_normalized("NFC", text)
    assert normalize(text).text == text


def test_old_tone_placement_becomes_new():
    assert normalize("Uỷ ban, hoà bình, xoá nghèo, thuỷ lợi, khoẻ mạnh").text == \
        "Ủy ban, hòa bình, xóa nghèo, thủy lợi, khỏe mạnh"


def test_qu_syllables_and_closed_syllables_keep_their_tone():
    assert normalize("quý, Quỳ Hợp, hoàn thành, thuyết phục, khoản").text == \
        "quý, Quỳ Hợp, hoàn thành, thuyết phục, khoản"


def test_decomposed_input_is_composed_and_mapped_to_all_its_characters():
    source = "ha\u0300ng"  # "hàng" with a combining grave
    n = normalize(source)
    assert n.text == "hàng"
    assert n.to_source(1, 2) == (1, 3)


def test_odd_spaces_and_dashes_are_plain():
    n = normalize("2021\u2013 2025\u00a0và\u200b 10\u201415%")
    assert n.text == "2021- 2025 và 10-15%"
    assert n.source_text(0, len(n.text)) == "2021\u2013 2025\u00a0và\u200b 10\u201415%"


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_from_source_inverts_to_source(source):
    n = normalize(source)
    for i in range(len(n.text)):
        s, _ = n.to_source(i, i + 1)
        assert n.from_source(s) <= i
