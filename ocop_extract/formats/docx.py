"""Word files (.docx), read with python-docx: paragraphs and tables in reading order, then headers and footers.

A table row becomes one line "a | b | c", the way the text files write
tables. Runs set in a pre-Unicode Vietnamese font (TCVN3 ".VnTime",
".VnTimeH", VNI "VNI-Times" …) hold that font's byte codes as characters:
they are converted to Unicode (`legacy.from_font_text`).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Iterator

from ..errors import CorruptInput, TooLarge
from . import legacy

if TYPE_CHECKING:
    from . import Extracted, Limits

_PAGE_NUMBER = re.compile(r"^\W*(?:trang\s*)?\d{1,4}\W*$", re.I)


def legacy_font(name: str | None) -> tuple[str, bool] | None:
    """The legacy encoding of a font name, and whether it draws capitals, or None for a Unicode font.

    >>> legacy_font(".VnTimeH"), legacy_font("VNI-Times"), legacy_font("Times New Roman")
    (('tcvn3', True), ('vni', False), None)
    """
    if not name:
        return None
    if name.startswith(".Vn"):
        return "tcvn3", name.endswith("H")
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return "vni", False
    return None


def read(data: bytes, path: str, limits: "Limits") -> "Extracted":
    """The text of a .docx; raises `CorruptInput` or `TooLarge` (a zip bomb)."""
    from . import Extracted

    _check_archive(data, limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptInput(f"the Word file cannot be opened ({exc}): truncated or not a .docx") from exc
    except Exception as exc:  # noqa: BLE001 - lxml raises its own syntax errors on a damaged part
        raise CorruptInput(f"the Word file is damaged ({type(exc).__name__}: {exc})") from exc
    lines = list(_body_lines(document))
    extra = [line for line in _header_footer_lines(document) if line not in lines]
    if extra:
        lines += [""] + extra
    text = "\n".join(lines).strip("\n")
    legacy_runs = any(legacy_font(_font(run, paragraph)) for paragraph in document.paragraphs[:200]
                      for run in paragraph.runs)
    warnings = ("runs in a TCVN3/VNI font were converted to Unicode",) if legacy_runs else ()
    return Extracted(text, "docx", warnings=warnings)


def _check_archive(data: bytes, limits: "Limits") -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise CorruptInput(f"the Word file is not a whole zip archive ({exc}): truncated or damaged") from exc
    if unpacked > limits.max_bytes:
        raise TooLarge(f"the Word file unpacks to {unpacked:,} bytes, over the limit of {limits.max_bytes:,}: "
                       "a zip bomb, or not a document")
    if "word/document.xml" not in names:
        raise CorruptInput("the archive has no word/document.xml: not a Word document")


def _body_lines(document) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield paragraph_text(Paragraph(child, document))
        elif tag == "tbl":
            yield from table_lines(Table(child, document))


def table_lines(table) -> Iterator[str]:
    """Each row of a table as "a | b | c"; cells merged across columns count once."""
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(paragraph_text(p) for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            yield " | ".join(cells)


def paragraph_text(paragraph) -> str:
    """A paragraph's text, runs in legacy fonts converted to Unicode."""
    parts = []
    for run in paragraph.runs:
        font = legacy_font(_font(run, paragraph))
        parts.append(legacy.from_font_text(run.text, *font) if font else run.text)
    return "".join(parts) if paragraph.runs else paragraph.text


def _font(run, paragraph) -> str | None:
    name = run.font.name
    if name is None and paragraph.style is not None and paragraph.style.font is not None:
        name = paragraph.style.font.name
    return name


def _header_footer_lines(document) -> Iterator[str]:
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous and section is not document.sections[0]:
                continue
            for paragraph in part.paragraphs:
                text = paragraph_text(paragraph).strip()
                if text and not _PAGE_NUMBER.match(text):
                    yield text
