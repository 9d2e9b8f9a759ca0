"""Fuzz families for the readers of other formats: pages, PDFs and Word files, broken as downloads break.

Each starts from a real file made once from an annotated document (`format_render`) and
then breaks it: an HTML page with unclosed tags, huge attributes and stray bytes; a
DOCX whose XML is cut or garbled inside an intact zip, or whose zip is truncated; a
PDF truncated or with bytes flipped. The pipeline must turn every one into a record
(an error record is fine) whose spans point into the text the reader produced.

>>> from random import Random
>>> from fuzz.families import RandomDraw
>>> draw = RandomDraw(Random(3))
>>> all(isinstance(f.make(draw), bytes) for f in FORMAT_FAMILIES)
True
"""

from __future__ import annotations

import io
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

from .families import Draw, Family, cut_seed, seed_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # format_render lives in tests/

_TAGS = ("<div", "<p", "<table><tr><td", "<span", "<article", "<nav", "<script>", "<!--", "<b", "<li")


def broken_html(draw: Draw) -> bytes:
    """A piece of a document as a page, then cut, given unclosed tags, a huge attribute or stray bytes."""
    from format_render import to_html

    page = bytearray(to_html(cut_seed(draw), semantic=bool(draw.integer(0, 1))))
    for _ in range(draw.integer(0, 6)):
        at = draw.integer(0, len(page))
        kind = draw.integer(0, 3)
        if kind == 0:
            piece = draw.choice(_TAGS).encode()
        elif kind == 1:
            piece = b'<div class="' + b"x" * draw.integer(1000, 200_000) + b'">'
        elif kind == 2:
            piece = draw.data(64)
        else:
            piece = b"</" + draw.choice(_TAGS)[1:].encode()
        page[at:at] = piece
    if draw.integer(0, 3) == 0:
        del page[draw.integer(0, len(page)):]
    return bytes(page)


@lru_cache(maxsize=1)
def _docx_files() -> tuple[bytes, ...]:
    from format_render import to_docx

    return tuple(to_docx(text[:3000]) for text in seed_texts()[:3])


def broken_docx(draw: Draw) -> bytes:
    """A Word file whose document XML is cut or garbled inside an intact zip, or whose zip is cut."""
    original = draw.choice(_docx_files())
    if draw.integer(0, 2) == 0:
        return original[:draw.integer(0, len(original))]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = _garbled(draw, data)
            target.writestr(item, data)
    return out.getvalue()


def _garbled(draw: Draw, xml: bytes) -> bytes:
    xml = bytearray(xml)
    kind = draw.integer(0, 2)
    if kind == 0:
        del xml[draw.integer(0, len(xml)):]
    elif kind == 1:
        for _ in range(draw.integer(1, 20)):
            xml[draw.integer(0, len(xml) - 1)] = draw.choice(b"<>&\"/\x00")
    else:
        at = draw.integer(0, len(xml))
        xml[at:at] = b"<w:p><w:r><w:t>" * draw.integer(1, 50)
    return bytes(xml)


@lru_cache(maxsize=1)
def _pdf_files() -> tuple[bytes, ...]:
    from format_render import to_pdf

    return tuple(to_pdf(text[:2500]) for text in seed_texts()[:2])


def broken_pdf(draw: Draw) -> bytes:
    """A PDF truncated at random, or with bytes flipped in its body or its cross-reference table."""
    pdf = bytearray(draw.choice(_pdf_files()))
    if draw.integer(0, 1) == 0:
        return bytes(pdf[:draw.integer(0, len(pdf))])
    for _ in range(draw.integer(1, 30)):
        at = draw.integer(0, len(pdf) - 1)
        pdf[at] = draw.integer(0, 255)
    return bytes(pdf)


FORMAT_FAMILIES = [
    Family("html, broken", broken_html, ".html"),
    Family("docx, broken", broken_docx, ".docx"),
    Family("pdf, broken", broken_pdf, ".pdf"),
]
