"""The pipeline: one document's bytes in, one `Record` out. A pure function.

`process_text` runs the explicit tuple `COMPONENTS` over a typed `Doc`: the
metadata component sets `doc.meta`; the finders propose candidate figures
(`doc.candidates`); the resolvers settle status, year, and the fields read
from each figure's clause; the assembler builds `doc.targets`. Each component
is a function `(doc, options) -> None`.

`process_bytes` never raises for bad input: a document that cannot be read
gives a record whose `error` says why, with no targets.

>>> [c.__name__ for c in COMPONENTS]  # doctest: +NORMALIZE_WHITESPACE
['read_metadata', 'find_sentence_figures', 'find_table_figures', 'resolve_status', 'resolve_year',
 'resolve_clause_fields', 'assemble']
"""

from __future__ import annotations

import hashlib
from typing import Callable

from .document import Doc
from .errors import OcopExtractError
from .metadata import read_metadata
from .models import ErrorInfo, Record, Source
from .options import DEFAULT_OPTIONS, Options
from .reader import decode_bytes
from .targets import components as targets

Component = Callable[[Doc, Options], None]

COMPONENTS: tuple[Component, ...] = (
    read_metadata,                  # doc.meta: the document fields (metadata/)
    targets.find_sentence_figures,  # doc.candidates: quantities of content sentences (targets/finders.py)
    targets.find_table_figures,     # doc.candidates: figures of "|" tables (targets/tables.py)
    targets.resolve_status,         # candidate.status (targets/resolve_status.py)
    targets.resolve_year,           # candidate.year (targets/resolve_year.py)
    targets.resolve_clause_fields,  # candidate.per, stars, scope, metric (targets/resolve_fields.py)
    targets.assemble,               # doc.targets (targets/assemble.py)
)


def process_text(doc_id: str, text: str, path: str = "", options: Options = DEFAULT_OPTIONS,
                 sha256: str | None = None, encoding: str | None = None) -> Record:
    """Extract a record from already decoded text."""
    doc = Doc.from_text(doc_id, text, path)
    for component in COMPONENTS:
        component(doc, options)
    assert doc.meta is not None
    return Record(
        doc_id=doc_id,
        source=Source(path=path, sha256=sha256, encoding=encoding),
        targets=doc.targets,
        **doc.meta.record_fields(),
    )


def process_bytes(doc_id: str, data: bytes, path: str = "", options: Options = DEFAULT_OPTIONS) -> Record:
    """Decode and extract one document; bad input yields an error record."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode_bytes(data)
    except OcopExtractError as exc:
        return error_record(doc_id, path, exc, sha)
    return process_text(doc_id, text, path, options, sha256=sha, encoding=encoding)


def error_record(doc_id: str, path: str, exc: OcopExtractError, sha256: str | None = None) -> Record:
    """The record written for a document that could not be read."""
    return Record(
        doc_id=doc_id,
        source=Source(path=path, sha256=sha256),
        error=ErrorInfo(type=exc.kind, message=str(exc)),
    )
