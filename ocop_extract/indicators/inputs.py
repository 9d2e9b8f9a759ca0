"""Records to tabulate or show: from documents (run through the pipeline) or from JSON Lines already written.

A `.jsonl` path is read as records; any other path is a document or a folder of
them, processed as a run would (`batch.process_path`, indicators included).
Records written before indicators existed (targets without `indicator`) get them
here, from their source file when it can still be read. A line that is not a
record is skipped with a warning; the batch goes on.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> rec = {"doc_id": "d", "source": {"path": str(folder / "gone.txt")}, "targets": [
...     {"value": 950000000, "comparator": "=", "unit": "VND", "unit_text": "triệu đồng",
...      "span": [14, 28], "text": "950 triệu đồng", "metric": "tổng kinh phí"}]}
>>> _ = (folder / "r.jsonl").write_text(json.dumps(rec) + "\\nnot json\\n", encoding="utf-8")
>>> got = list(iter_inputs([str(folder / "r.jsonl")]))
>>> got[0].record.targets[0].indicator, got[0].source is None, got[1].warning[:24]
('budget', True, 'r.jsonl, line 2: not a r')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional

from ..models import Record


class Input(NamedTuple):
    """One record with its decoded source text (None when gone), or a warning instead of a record."""

    record: Optional[Record]
    source: Optional[str]
    warning: Optional[str] = None


def read_source(path: str, sha256: Optional[str] = None) -> Optional[str]:
    """The decoded text of a record's source file; None when it cannot be read, or when its
    bytes no longer have the record's `sha256` (the spans would not point into it)."""
    import hashlib

    from ..reader import decode_bytes

    try:
        data = Path(path).read_bytes()
        if sha256 and hashlib.sha256(data).hexdigest() != sha256:
            return None
        return decode_bytes(data)[0]
    except Exception:  # noqa: BLE001 - a file gone or unreadable: the record is shown without its text
        return None


def _from_jsonl(path: Path) -> Iterator[Input]:
    from . import annotate

    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        yield Input(None, None, f"{path.name}: cannot read: {exc.strerror or exc}")
        return
    with fh:
        for number, line in enumerate(_lines(fh), 1):
            if line is None:
                yield Input(None, None, f"{path.name}, line {number}: not UTF-8 text")
            elif line.strip():
                yield _record_of(path, number, line, annotate)


def _lines(fh) -> Iterator[Optional[str]]:
    """The lines of a text file, None for one that cannot be decoded (and the reading stops)."""
    try:
        yield from fh
    except UnicodeDecodeError:
        yield None


def _record_of(path: Path, number: int, line: str, annotate) -> Input:
    try:
        record = Record.model_validate(json.loads(line))
    except ValueError as exc:
        return Input(None, None, f"{path.name}, line {number}: not a record ({type(exc).__name__})")
    source = read_source(record.source.path, record.source.sha256)
    if any(t.indicator is None for t in record.targets):
        annotate(record, source)
    return Input(record, source)


def iter_inputs(paths: Iterable[str]) -> Iterator[Input]:
    """Every record under `paths`, in order: JSON Lines as written, documents through the pipeline."""
    from ..batch import find_documents, process_path

    for path in paths:
        if str(path).endswith(".jsonl"):
            yield from _from_jsonl(Path(path))
            continue
        for file in find_documents([path]):
            record = process_path(file)
            yield Input(record, None if record.error else read_source(str(file)))
