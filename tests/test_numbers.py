"""The number parser: digits the Vietnamese way, and numbers in words."""

from __future__ import annotations

from hypothesis import given, strategies as st

from ocop_extract.targets.numbers import find_numbers, parse_digits, parse_words

UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def vietnamese_words(n: int) -> str:
    """Spell 0 < n < 1000 the way plans do ("hai mươi mốt", "một trăm lẻ năm")."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    parts = []
    if hundreds:
        parts += [UNITS[hundreds], "trăm"]
        if rest and tens == 0:
            parts += ["lẻ"]
    if tens == 1:
        parts.append("mười")
    elif tens > 1:
        parts += [UNITS[tens], "mươi"]
    if ones:
        if ones == 5 and tens >= 1:
            parts.append("lăm")
        elif ones == 1 and tens > 1:
            parts.append("mốt")
        else:
            parts.append(UNITS[ones])
    return " ".join(parts)


def grouped(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=1, max_value=999))
def test_words_round_trip(n):
    assert parse_words(vietnamese_words(n)) == n


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_dots_round_trip(n):
    assert parse_digits(grouped(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimal_comma_round_trip(whole, frac):
    text = f"{grouped(whole)},{frac:02d}"
    assert abs(parse_digits(text) - (whole + frac / 100)) < 1e-6


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["triệu", "tỷ", "nghìn"]))
def test_scales_multiply(n, scale):
    factor = {"triệu": 10**6, "tỷ": 10**9, "nghìn": 10**3}[scale]
    (match,) = find_numbers(f"bố trí {n} {scale} đồng")
    assert match.value == n * factor


def test_zero_padded_and_words():
    assert parse_digits("01") == 1 and parse_digits("08") == 8
    assert parse_words("mười lăm") == 15 and parse_words("hai mươi tư") == 24
    assert parse_words("một nghìn hai trăm") == 1200


def test_words_that_are_not_numbers():
    assert parse_words("tư") is None          # "tư vấn", "thứ tư"
    assert parse_words("lăm") is None
    assert parse_words("mười mười") is None
    assert parse_words("sản phẩm") is None


def test_an_email_address_is_masked_from_blank_to_blank():
    from ocop_extract.targets.quantities import masked_spans

    text = "Liên hệ: ocop@hagiang.gov.vn, hoặc\nso.nn@x.vn 20 sản phẩm; a@b@c"
    emails = [text[s:e] for s, e in masked_spans(text) if "@" in text[s:e]]
    assert emails == ["ocop@hagiang.gov.vn,", "so.nn@x.vn", "a@b@c"]
    assert masked_spans("không có địa chỉ thư nào ở đây") == []
