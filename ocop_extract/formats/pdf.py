"""PDF files, read with pypdfium2: the text layer, or OCR of the page images when there is none.

Each page's text is read as drawn lines (PDFium's text rectangles, grouped by
height on the page), then `pagetext.lines_to_text` undoes the layout. A PDF
whose pages hold almost no text is a scan, handed to `ocr`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..errors import CorruptInput, EncryptedInput, TimeLimit, TooLarge
from .pagetext import PageLine, group_pieces, lines_to_text

if TYPE_CHECKING:
    from . import Extracted, Limits

MAX_PAGES = 2000        # more is not a plan or an article: an error record
SCAN_CHARS = 20         # a page with fewer characters than this has no text layer


def read(data: bytes, path: str, limits: "Limits") -> "Extracted":
    """The text of a PDF; raises `EncryptedInput`, `CorruptInput`, `TooLarge` or `TimeLimit`."""
    import pypdfium2 as pdfium

    from . import Extracted

    deadline = time.monotonic() + limits.seconds
    pdf = _open(pdfium, data)
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise TooLarge(f"the PDF has {count} pages, over the limit of {MAX_PAGES}")
        if count == 0:
            raise CorruptInput("the PDF has no pages")
        pages, chars, damaged = [], 0, []
        for index in range(count):
            _check(deadline, limits, index)
            try:
                page_lines = page_text_lines(pdf[index])
            except pdfium.PdfiumError:  # one damaged page costs that page, with a warning
                page_lines = []
                damaged.append(index + 1)
            chars += sum(len(line.text) for line in page_lines)
            pages.append(page_lines)
        if len(damaged) == count:
            raise CorruptInput("no page of the PDF can be read: truncated or damaged")
        warnings = (damaged_warning(damaged),) if damaged else ()
        if chars < SCAN_CHARS * (count - len(damaged)):
            from .ocr import ocr_pdf

            return ocr_pdf(pdf, deadline, limits)
        return Extracted(lines_to_text(pages), "pdf", warnings=warnings)
    finally:
        pdf.close()


def damaged_warning(pages: list[int]) -> str:
    """The warning for pages left out because they cannot be read.

    >>> damaged_warning([2, 5])
    'PDF pages 2, 5 cannot be read (damaged) and are left out'
    """
    return f"PDF pages {', '.join(map(str, pages))} cannot be read (damaged) and are left out"


def _open(pdfium, data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise EncryptedInput("the PDF is password-protected") from exc
        raise CorruptInput(f"the PDF cannot be opened ({message}): truncated or damaged") from exc


def _check(deadline: float, limits: "Limits", index: int) -> None:
    if time.monotonic() > deadline:
        raise TimeLimit(f"reading stopped at page {index + 1}: over the limit of {limits.seconds:g} s (--time-limit)")


def page_text_lines(page) -> list[PageLine]:
    """The drawn lines of one page, top to bottom, as `PageLine`s (y grows downwards)."""
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        pieces = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
            if text:
                pieces.append((text, left, right, height - top, height - bottom))
        return group_pieces(pieces)
    finally:
        textpage.close()
