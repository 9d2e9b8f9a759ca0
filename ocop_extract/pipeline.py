"""The pipeline: one document's bytes in, one `Record` out. A pure function.

`process_text` runs the explicit tuple `COMPONENTS` over a typed `Doc`: the
metadata component sets `doc.meta`; the finders propose candidate figures
(`doc.candidates`); the resolvers settle status, year, a news title's figure
as its echo in the body, and the fields read from each figure's clause; the
assembler builds `doc.targets`. Each component
is a function `(doc, options) -> None`.

`process_bytes` never raises for bad input: a document that cannot be read
gives a record whose `error` says why, with no targets. The bytes may be in
any format `ocop_extract.formats` reads; the record's spans index the text
that reader made (`source.format`, `source.text_sha256`).

>>> [c.__name__ for c in COMPONENTS]  # doctest: +NORMALIZE_WHITESPACE
['read_metadata', 'find_sentence_figures', 'find_table_figures', 'resolve_status', 'resolve_year',
 'resolve_echoes', 'resolve_clause_fields', 'assemble']
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from .contain import collecting
from .document import Doc
from .errors import OcopExtractError
from .formats import Extracted, Limits, read
from .formats.sniff import sniff
from .metadata import read_metadata
from .models import ErrorInfo, Record, Source
from .options import DEFAULT_OPTIONS, Options
from .targets import components as targets

OCR_CONFIDENCE = 0.85  # targets read from OCR text keep this share of their confidence
OCR_WARNING = "text read from page images by OCR (Tesseract, vie): figures may be misread"

Component = Callable[[Doc, Options], None]

COMPONENTS: tuple[Component, ...] = (
    read_metadata,                  # doc.meta: the document fields (metadata/)
    targets.find_sentence_figures,  # doc.candidates: quantities of content sentences (targets/finders.py)
    targets.find_table_figures,     # doc.candidates: figures of "|" tables (targets/tables.py)
    targets.resolve_status,         # candidate.status (targets/resolve_status.py)
    targets.resolve_year,           # candidate.year (targets/resolve_year.py)
    targets.resolve_echoes,         # a news title's figure as its echo in the body (targets/echoes.py)
    targets.resolve_clause_fields,  # candidate.per, stars, scope, metric (targets/resolve_fields.py)
    targets.assemble,               # doc.targets (targets/assemble.py)
)


def process_text(doc_id: str, text: str, path: str = "", options: Options = DEFAULT_OPTIONS,
                 sha256: str | None = None, encoding: str | None = None) -> Record:
    """Extract a record from already decoded text."""
    doc = Doc.from_text(doc_id, text, path)
    with collecting() as left_out:  # an item that fails is left out with a note (`contain`)
        for component in COMPONENTS:
            component(doc, options)
    assert doc.meta is not None
    doc.meta.warnings.extend(left_out)
    return Record(
        doc_id=doc_id,
        source=Source(path=path, sha256=sha256, encoding=encoding),
        targets=doc.targets,
        **doc.meta.record_fields(),
    )


def read_document(data: bytes, path: str = "", options: Options = DEFAULT_OPTIONS) -> Extracted:
    """The text of one file in any format, within the run's limits (raises `OcopExtractError`)."""
    return read(data, path, Limits(options.max_bytes, options.time_limit))


def process_bytes(doc_id: str, data: bytes, path: str = "", options: Options = DEFAULT_OPTIONS) -> Record:
    """Read and extract one document; bad input yields an error record."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        doc = read_document(data, path, options)
    except OcopExtractError as exc:
        return error_record(doc_id, path, exc, sha, _format_name(data, path))
    record = process_text(doc_id, doc.text, path, options, sha256=sha, encoding=doc.encoding)
    return with_reader_facts(record, doc)


def with_reader_facts(record: Record, doc: Extracted) -> Record:
    """The record with what the reader knew: format, text hash, warnings, a page's date; OCR lowers confidence."""
    update: dict = {"source": record.source.model_copy(update={"format": doc.format,
                                                                "text_sha256": doc.text_sha256})}
    warnings = list(doc.warnings) + ([OCR_WARNING] if doc.ocr else [])
    if warnings:
        update["warnings"] = warnings + record.warnings
    if doc.date and record.published_date is None and record.genre == "news":
        update["published_date"] = doc.date
    if doc.ocr and record.targets:
        update["targets"] = [t.model_copy(update={"confidence": round((t.confidence or 1.0) * OCR_CONFIDENCE, 3)})
                             for t in record.targets]
    return record.model_copy(update=update)


def save_text(record: Record, data: bytes, options: Options) -> None:
    """With --text-dir, write the text the record's spans index as DIR/<doc_id>.txt (not for error records)."""
    if options.text_dir is None or record.error is not None:
        return
    text = read_document(data, record.source.path, options).text
    folder = Path(options.text_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{record.doc_id}.txt").write_text(text, encoding="utf-8", newline="")


def _format_name(data: bytes, path: str) -> str | None:
    kind = sniff(data, path)
    return kind if kind in ("txt", "html", "pdf", "docx", "doc") else None


def error_record(doc_id: str, path: str, exc: OcopExtractError, sha256: str | None = None,
                 fmt: str | None = None) -> Record:
    """The record written for a document that could not be read."""
    return Record(
        doc_id=doc_id,
        source=Source(path=path, sha256=sha256, format=fmt),
        error=ErrorInfo(type=exc.kind, message=str(exc)),
    )
