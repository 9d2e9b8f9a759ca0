"""Legacy Vietnamese encodings: the conversion tables both ways, detection, and what the record says."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ocop_extract.formats import legacy, read
from ocop_extract.formats.text import decode_text
from ocop_extract.pipeline import process_bytes

GOLD = Path(__file__).parent / "gold"
DOCS = sorted(GOLD.glob("devset/*.txt")) + sorted(GOLD.glob("holdout3/docs/*.txt"))
LOWER = "".join(legacy._TONED.values()) + "ăâêôơưđ"


@pytest.mark.parametrize("char, encoding, code", [
    ("ư", "tcvn3", b"\xad"), ("đ", "tcvn3", b"\xae"), ("ế", "tcvn3", b"\xd5"), ("ạ", "tcvn3", b"\xb9"),
    ("Đ", "tcvn3", b"\xa7"), ("ỵ", "tcvn3", b"\xfe"),
    ("ệ", "vni", b"e\xe4"), ("ư", "vni", b"\xf6"), ("Ờ", "vni", b"\xd4\xd8"), ("đ", "vni", b"\xf1"),
    ("ặ", "vni", b"a\xeb"), ("ĩ", "vni", b"\xf3"),
    ("ế", "cp1258", b"\xea\xec"), ("à", "cp1258", b"\xe0"), ("ự", "cp1258", b"\xfd\xf2"),
])
def test_table_codes(char: str, encoding: str, code: bytes) -> None:
    assert legacy.encode(char, encoding) == code
    assert legacy.decode(b"x" + code, encoding) == "x" + char  # not opening a line, where capitals are restored


@pytest.mark.parametrize("encoding", ["vni", "cp1258"])
def test_every_letter_round_trips_in_both_cases(encoding: str) -> None:
    text = " ".join([LOWER, LOWER.upper()])
    assert legacy.decode(legacy.encode(text, encoding), encoding) == text


def test_tcvn3_round_trips_lowercase_and_its_capital_codes() -> None:
    text = "x " + LOWER + " Ă Â Ê Ô Ơ Ư Đ"
    assert legacy.decode(legacy.encode(text, "tcvn3"), "tcvn3") == text


def test_legacy_font_text_is_converted() -> None:
    assert legacy.from_font_text("Ch\xad\xacng tr\xd7nh", "tcvn3") == "Chương trình"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
@pytest.mark.parametrize("doc", DOCS[::5], ids=lambda p: p.stem)
def test_annotated_documents_are_detected_and_converted(doc: Path, encoding: str) -> None:
    original = unicodedata.normalize("NFC", doc.read_text(encoding="utf-8"))
    expected = original.encode("cp1252", errors="replace").decode("cp1252") if encoding != "cp1258" else original
    text, found = decode_text(legacy.encode(original, encoding))
    assert found == encoding
    if encoding == "tcvn3":  # capitals of toned letters have no codes: only where they can be told back
        assert text.lower() == _tcvn3_expected(original).lower()
    else:
        assert text == _representable(original, encoding) or text == expected


def _representable(text: str, encoding: str) -> str:
    return legacy.decode(legacy.encode(text, encoding), encoding)


def _tcvn3_expected(text: str) -> str:
    return legacy.decode(legacy.encode(text, "tcvn3"), "tcvn3")


def test_record_names_the_legacy_encoding_and_warns() -> None:
    doc = DOCS[0]
    record = process_bytes(doc.stem, legacy.encode(doc.read_text(encoding="utf-8"), "vni"), str(doc))
    utf8 = process_bytes(doc.stem, doc.read_bytes(), str(doc))
    assert record.source.encoding == "vni" and record.source.format == "txt"
    assert any("VNI-Windows" in w for w in record.warnings)
    assert [t.value for t in record.targets] == [t.value for t in utf8.targets]


def test_utf16_without_byte_order_mark_and_windows_1258_tones_composed() -> None:
    assert decode_text("Năm 2024 có 30 sản phẩm".encode("utf-16-le")) == ("Năm 2024 có 30 sản phẩm", "utf-16-le")
    text = read(legacy.encode("Kế hoạch phát triển sản phẩm của tỉnh năm 2024", "cp1258"), "a.txt").text
    assert text == unicodedata.normalize("NFC", text) and "phát triển" in text


def test_bytes_in_no_supported_encoding_stay_an_error() -> None:
    from ocop_extract.errors import UndecodableInput

    with pytest.raises(UndecodableInput):
        decode_text("Größe und Maße der Straße: 30 Stück".encode("cp1252"))
