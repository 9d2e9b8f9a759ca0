"""One record as table rows: the values of each table's columns, in column order.

Used by the database writer and by the flat CSV/Parquet export, so both
write exactly the columns of `tables.TABLES`.

>>> from ocop_extract.models import Record
>>> rec = Record(doc_id="002_dbb531843058f8a7", source={"path": "corpus/002_dbb531843058f8a7.txt"},
...              number="2134/KH-UBND", plan_years=(2022, 2022), warnings=["không rõ người ký"])
>>> row = dict(zip([c.name for c in TABLES["documents"].value_columns], document_row(rec)))
>>> row["number"], row["plan_year_last"], row["warnings"]
('2134/KH-UBND', 2022, '["không rõ người ký"]')
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..models import Record
from .tables import CHILD_TABLES, TABLES, Column, child_items


def record_json(record: Record) -> str:
    """The record's full JSON, as written to JSON Lines (contract key order)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def record_hash(record_text: str) -> str:
    return hashlib.sha256(record_text.encode("utf-8")).hexdigest()


def cell(column: Column, obj: Any) -> Any:
    """One column's value read off a model object; JSON columns become JSON text."""
    value = column.get(obj)
    if column.kind == "json" and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value


def document_row(record: Record, text: str | None = None) -> tuple[Any, ...]:
    """Values for `documents.value_columns`: the record's own fields, its JSON and that JSON's hash."""
    text = record_json(record) if text is None else text
    extra = {"record_json": text, "record_sha256": record_hash(text)}
    return tuple(extra[c.name] if c.name in extra else cell(c, record)
                 for c in TABLES["documents"].value_columns)


def child_rows(record: Record, table: str, document_id: Any) -> list[tuple[Any, ...]]:
    """Values for a child table's columns: the parent key, the item's position, its fields.

    >>> from ocop_extract.models import Record, ErrorInfo
    >>> bad = Record(doc_id="x", source={"path": "x.txt"}, error=ErrorInfo(type="empty", message="the file is empty"))
    >>> child_rows(bad, "errors", 7)
    [(7, 'empty', 'the file is empty')]
    """
    columns = TABLES[table].value_columns
    rows = []
    for ordinal, item in enumerate(child_items(record, table)):
        fixed = {"document_id": document_id, "ordinal": ordinal}
        rows.append(tuple(fixed[c.name] if c.name in fixed else cell(c, item) for c in columns))
    return rows


__all__ = ["CHILD_TABLES", "child_rows", "document_row", "record_hash", "record_json"]
