"""Scanned PDFs: each page rendered with pypdfium2 and read by Tesseract's Vietnamese model (pytesseract).

Tesseract is a program, not a Python package: when it or its Vietnamese
data is missing, the error names the Debian packages to install. Words come
back with their boxes, so the page layout is undone as for a text PDF
(`pagetext`).
"""

from __future__ import annotations

import os
import shutil
import time
from typing import TYPE_CHECKING

from ..errors import CorruptInput, MissingTool, TimeLimit
from .pagetext import group_pieces, lines_to_text

if TYPE_CHECKING:
    from . import Extracted, Limits

DPI = 300            # pages are rendered at this resolution for Tesseract (it reads best near 300 dpi)
LANGUAGE = "vie"
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"


def check_tesseract() -> None:
    """Raise `MissingTool` naming the packages when Tesseract or its Vietnamese data is not installed."""
    if shutil.which("tesseract") is None:
        raise MissingTool(f"the PDF is a scan and OCR needs Tesseract, which is not installed ({INSTALL})")
    import pytesseract

    if LANGUAGE not in pytesseract.get_languages(config=""):
        raise MissingTool(f"the PDF is a scan and Tesseract has no Vietnamese data ({INSTALL})")


def ocr_pdf(pdf, deadline: float, limits: "Limits") -> "Extracted":
    """The text of every page of an open `pypdfium2.PdfDocument`, by OCR."""
    from . import Extracted

    check_tesseract()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per document: workers run documents side by side
    import pypdfium2 as pdfium

    from .pdf import damaged_warning

    pages, damaged = [], []
    for index in range(len(pdf)):
        if time.monotonic() > deadline:
            raise TimeLimit(f"OCR stopped at page {index + 1}: over the limit of {limits.seconds:g} s (--time-limit)")
        try:
            image = pdf[index].render(scale=DPI / 72, grayscale=True).to_pil()
        except pdfium.PdfiumError:
            damaged.append(index + 1)
            continue
        pages.append(ocr_lines(image))
    if not pages:
        raise CorruptInput("no page of the PDF can be read: truncated or damaged")
    warnings = (damaged_warning(damaged),) if damaged else ()
    return Extracted(lines_to_text(pages), "pdf-ocr", warnings=warnings, ocr=True)


def ocr_lines(image) -> list:
    """The lines Tesseract reads on one page image, as `PageLine`s in pixels."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANGUAGE, config="--psm 3", output_type=pytesseract.Output.DICT)
    words: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= 0:
            words.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    pieces = []
    for indexes in words.values():
        left = min(data["left"][i] for i in indexes)
        right = max(data["left"][i] + data["width"][i] for i in indexes)
        top = min(data["top"][i] for i in indexes)
        bottom = max(data["top"][i] + data["height"][i] for i in indexes)
        pieces.append((" ".join(data["text"][i] for i in indexes), left, right, top, bottom))
    return group_pieces(pieces)
