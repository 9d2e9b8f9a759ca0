"""Readers, one per input format, behind one entry: bytes and a path in, the text the spans index out.

`read` picks the reader by the file's first bytes (`sniff`), then by its
extension, and imports that reader's libraries only then: a run over `.txt`
files loads none of them. Every reader returns an `Extracted`: the text, what
it is (`format`), and what the file itself says (title, date, warnings).

>>> doc = read("Kế hoạch năm 2024".encode("utf-8"), "a.txt")
>>> doc.format, doc.encoding, doc.text
('txt', 'utf-8', 'Kế hoạch năm 2024')
>>> read(b"\\x00" * 20 + b"%PDF", "x.bin").format
Traceback (most recent call last):
...
ocop_extract.errors.BinaryInput: the file holds NUL bytes: it is binary, not text
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module

from ..errors import TooLarge, UnsupportedFormat
from ..options import DEFAULT_OPTIONS
from .sniff import sniff

# format -> the module whose `read(data, path, limits)` reads it
READERS = {"html": "html", "pdf": "pdf", "docx": "docx", "doc": "doc"}


@dataclass(frozen=True)
class Limits:
    """How much one document may cost to read."""

    max_bytes: int = DEFAULT_OPTIONS.max_bytes
    seconds: float = DEFAULT_OPTIONS.time_limit


@dataclass(frozen=True)
class Extracted:
    """What a reader got from one file: the text the record's spans point into, and what it knows."""

    text: str
    format: str                      # txt, html, pdf, pdf-ocr, docx, doc
    encoding: str | None = None      # the byte encoding, for text and HTML
    title: str | None = None         # <title>/<h1>, a document's own title
    date: str | None = None          # ISO date the file's metadata gives (a page's publication date)
    warnings: tuple[str, ...] = field(default=())
    ocr: bool = False                # the text was read from page images

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read(data: bytes, path: str = "", limits: Limits = Limits()) -> Extracted:
    """The text of one file in any supported format; raises an `OcopExtractError` saying why not."""
    if len(data) > limits.max_bytes:
        raise TooLarge(f"the file has {len(data):,} bytes, over the limit of {limits.max_bytes:,} (--max-bytes)")
    return _read_cached(data, path, limits)


@lru_cache(maxsize=2)  # the step after the pipeline asks again for the text of the same document
def _read_cached(data: bytes, path: str, limits: Limits) -> Extracted:
    kind = sniff(data, path)
    if kind == "txt":
        from .text import decode_text, encoding_warning

        text, encoding = decode_text(data)
        warning = encoding_warning(encoding)
        return Extracted(text, "txt", encoding, warnings=(warning,) if warning else ())
    if kind not in READERS:
        raise UnsupportedFormat("a zip archive that is not a Word document (.docx): not a supported format")
    return import_module(f".{READERS[kind]}", __name__).read(data, path, limits)

