"""Saved news pages: the article without the furniture, the page's date and headline, declared charsets."""

from __future__ import annotations

from pathlib import Path

from format_render import FURNITURE_RELATED, to_html

from ocop_extract.formats import legacy, read
from ocop_extract.pipeline import process_bytes

GOLD = Path(__file__).parent / "gold"
NEWS = GOLD / "devset" / "d08_thuathienhue_news_ocop_2023.txt"


def test_furniture_gives_no_targets_and_the_article_gives_all_of_its_own() -> None:
    original = NEWS.read_text(encoding="utf-8")
    page = process_bytes(NEWS.stem, to_html(original), "d08.html")
    text = process_bytes(NEWS.stem, NEWS.read_bytes(), str(NEWS))
    assert page.source.format == "html" and page.error is None
    assert [(t.value, t.text, t.status) for t in page.targets] == [(t.value, t.text, t.status) for t in text.targets]
    extracted = read(to_html(original), "d08.html").text
    for furniture in (*FURNITURE_RELATED, "Tin liên quan", "Chia sẻ", "Giấy phép số 12/GP-BTTTT", "GMT+7"):
        assert furniture not in extracted


def test_page_metadata_date_is_a_candidate_for_published_date() -> None:
    article = ("Hội nghị tổng kết Chương trình OCOP huyện\n\n"
               "Năm 2025, huyện phấn đấu có thêm ít nhất 12 sản phẩm OCOP đạt từ 3 sao trở lên, "
               "nâng tổng số sản phẩm của huyện lên 60 sản phẩm.\n\n"
               "Huyện cũng đặt mục tiêu 100% số xã có sản phẩm OCOP được công nhận.")
    record = process_bytes("tin", to_html(article, meta_date="2025-03-14T08:30:00+07:00"), "tin.html")
    assert record.published_date == "2025-03-14"
    doc = read(to_html(article), "tin.html")
    assert doc.title == "Hội nghị tổng kết Chương trình OCOP huyện" and doc.date is None


def test_windows_1258_page_is_decoded_by_its_declared_charset() -> None:
    original = NEWS.read_text(encoding="utf-8")
    page = to_html(original, charset="windows-1258").decode("windows-1258", errors="replace")
    doc = read(legacy.encode(page, "cp1258"), "d08.html")
    assert doc.encoding == "cp1258"
    assert "Thừa Thiên Huế phấn đấu có thêm 50 sản phẩm OCOP trong năm 2023" in doc.text


def test_a_page_without_an_article_is_an_error_record() -> None:
    page = b"<!DOCTYPE html><html><head><title>Trang chu</title></head><body><nav><a href='/'>Trang chu</a></nav></body></html>"
    record = process_bytes("rong", page, "rong.html")
    assert record.error is not None and record.error.type == "empty"
    assert "no article" in record.error.message
