"""Word files: paragraphs and tables in reading order, headers and footers, legacy fonts, damaged and hostile files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from format_render import to_docx

from ocop_extract.errors import CorruptInput, TooLarge
from ocop_extract.formats import Limits, legacy, read
from ocop_extract.pipeline import process_bytes

GOLD = Path(__file__).parent / "gold"
TABLE_DOC = GOLD / "holdout2" / "docs" / "g05_ninhbinh_news_bang_chi_tieu_6_thang.txt"
PLAN = GOLD / "devset" / "d01_hagiang_kh_ocop_2024.txt"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_paragraphs_and_table_rows_come_back_in_order() -> None:
    original = TABLE_DOC.read_text(encoding="utf-8")
    doc = read(to_docx(original), "g05.docx")
    assert doc.format == "docx"
    body = _lines(doc.text)
    assert body[:len(_lines(original))] == _lines(original)  # tables as "a | b | c", every line in place


def test_header_text_is_kept_after_the_body_and_page_numbers_dropped() -> None:
    doc = read(to_docx(PLAN.read_text(encoding="utf-8")), "d01.docx")
    assert doc.text.rstrip().endswith("Ủy ban nhân dân tỉnh - văn bản điện tử")
    assert "Trang 1" not in doc.text


@pytest.mark.parametrize("font, encoding", [(".VnTime", "tcvn3"), ("VNI-Times", "vni")])
def test_runs_in_legacy_fonts_are_converted(font: str, encoding: str) -> None:
    original = PLAN.read_text(encoding="utf-8")
    data = to_docx(original, font=font, encode=lambda s: legacy.encode(s, encoding).decode("cp1252"))
    record = process_bytes("d01", data, "d01.docx")
    utf8 = process_bytes("d01", PLAN.read_bytes(), str(PLAN))
    assert [(t.value, t.text) for t in record.targets] == [(t.value, t.text) for t in utf8.targets]
    assert record.issuer == utf8.issuer and record.number == utf8.number
    assert any("TCVN3/VNI" in w for w in record.warnings)


def test_a_truncated_docx_is_a_corrupt_record() -> None:
    data = to_docx(PLAN.read_text(encoding="utf-8"))
    with pytest.raises(CorruptInput):
        read(data[: len(data) // 2], "cut.docx")


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000 + b"</w:document>")
    assert len(out.getvalue()) < 200_000
    with pytest.raises(TooLarge, match="zip bomb"):
        read(out.getvalue(), "bomb.docx", Limits(max_bytes=10_000_000))
