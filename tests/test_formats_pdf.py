"""PDFs: the text layer with its layout undone, scans read by OCR, and the PDFs that must become error records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from format_render import to_pdf, to_scan

from ocop_extract.errors import CorruptInput, EncryptedInput, MissingTool, TooLarge
from ocop_extract.formats import pdf as pdf_reader
from ocop_extract.formats import read
from ocop_extract.pipeline import OCR_WARNING, process_bytes

GOLD = Path(__file__).parent / "gold"
PLAN = GOLD / "devset" / "d02_vinhlong_qd_de_an_ocop_2021_2025.txt"      # two pages, a paragraph across the break
TABLE_DOC = GOLD / "holdout2" / "docs" / "g05_ninhbinh_news_bang_chi_tieu_6_thang.txt"
SHORT = Path(__file__).parent.parent / "corpus" / "001_d562fe19e08dfd69.txt"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    return to_pdf(PLAN.read_text(encoding="utf-8"))


def test_wrapped_lines_are_joined_and_page_furniture_dropped(plan_pdf: bytes) -> None:
    import pypdfium2

    assert len(pypdfium2.PdfDocument(plan_pdf)) >= 2
    doc = read(plan_pdf, "d02.pdf")
    assert doc.format == "pdf"
    assert _lines(doc.text) == _lines(PLAN.read_text(encoding="utf-8"))  # every line whole, nothing added
    assert "Trang 1/" not in doc.text and "Cổng thông tin điện tử tỉnh" not in doc.text


def test_table_rows_are_rebuilt_from_wrapped_cells() -> None:
    original = TABLE_DOC.read_text(encoding="utf-8")
    rows = [line for line in original.split("\n") if line.count(" | ") >= 5]
    text = read(to_pdf(original), "g05.pdf").text
    assert all(row in text.split("\n") for row in rows)


def test_pdf_record_matches_the_text_record(plan_pdf: bytes) -> None:
    from_pdf = process_bytes(PLAN.stem, plan_pdf, "d02.pdf")
    from_txt = process_bytes(PLAN.stem, PLAN.read_bytes(), str(PLAN))
    assert from_pdf.source.format == "pdf"
    assert [(t.value, t.comparator, t.year) for t in from_pdf.targets] == \
        [(t.value, t.comparator, t.year) for t in from_txt.targets]
    assert (from_pdf.number, from_pdf.issuer, from_pdf.issued_date) == \
        (from_txt.number, from_txt.issuer, from_txt.issued_date)


def test_password_protected_pdf_is_an_encrypted_record() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Ke hoach 2024")
    with pytest.raises(EncryptedInput):
        read(bytes(pdf.output()), "khoa.pdf")


def test_truncated_and_huge_pdfs_are_refused(plan_pdf: bytes, monkeypatch) -> None:
    with pytest.raises(CorruptInput):
        read(plan_pdf[:400], "cut.pdf")
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 1)
    with pytest.raises(TooLarge, match="pages"):
        read(plan_pdf + b"\n", "long.pdf")  # a new byte: not the cached reading


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed (scripts/setup.sh)")
def test_a_scan_is_read_by_ocr_with_a_warning_and_lower_confidence() -> None:
    import pypdfium2

    from ocop_extract.formats.pagetext import lines_to_text

    original = SHORT.read_text(encoding="utf-8")
    text_pdf = to_pdf(original)
    scan = to_scan(text_pdf, dpi=200, pages=1)
    record = process_bytes(SHORT.stem, scan, "scan.pdf")
    assert record.source.format == "pdf-ocr" and OCR_WARNING in record.warnings
    first_page = lines_to_text([pdf_reader.page_text_lines(pypdfium2.PdfDocument(text_pdf)[0])])
    from_txt = process_bytes(SHORT.stem, SHORT.read_bytes(), str(SHORT))
    expected = {(t.value, t.text) for t in from_txt.targets if t.text in first_page}
    found = {(t.value, t.text) for t in record.targets}
    assert expected and len(found & expected) >= 0.8 * len(expected)
    confidences = {t.text: t.confidence for t in from_txt.targets}
    assert all(t.confidence < confidences[t.text] for t in record.targets if t.text in confidences)


def test_a_scan_without_tesseract_names_the_packages(monkeypatch, tmp_path) -> None:
    scan = to_scan(to_pdf(SHORT.read_text(encoding="utf-8")), dpi=72, pages=1)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingTool, match="tesseract-ocr-vie"):
        read(scan, "scan.pdf")
