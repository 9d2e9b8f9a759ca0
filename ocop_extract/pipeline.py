"""The pipeline: one document's bytes in, one `Record` out. A pure function.

`process_bytes` never raises for bad input: a document that cannot be read
gives a record whose `error` says why, with no targets.
"""

from __future__ import annotations

import hashlib

from .document import Doc
from .errors import OcopExtractError
from .models import ErrorInfo, Record, Source
from .options import DEFAULT_OPTIONS, Options
from .reader import decode_bytes


def process_text(doc_id: str, text: str, path: str = "", options: Options = DEFAULT_OPTIONS,
                 sha256: str | None = None, encoding: str | None = None) -> Record:
    """Extract a record from already decoded text."""
    from .metadata import extract_metadata
    from .targets import extract_targets

    doc = Doc.from_text(doc_id, text, path)
    meta = extract_metadata(doc)
    targets = extract_targets(doc, meta, options)
    return Record(
        doc_id=doc_id,
        source=Source(path=path, sha256=sha256, encoding=encoding),
        targets=targets,
        **meta.record_fields(),
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
