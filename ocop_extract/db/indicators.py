"""The `indicators` table of a database: rebuilt from every document's record after each load.

The rows depend on all documents together (a plan and the news about it are one
row), so the table is not written document by document: after a load it is
emptied and filled again from `documents.record_json`, in one transaction. The
same documents therefore always leave the same rows, however often they are
loaded and in whatever order.

>>> from ocop_extract.db.connect import connect
>>> from ocop_extract.db.writer import write_records
>>> from ocop_extract.models import Record
>>> db_path = __import__("tempfile").mkdtemp() + "/x.db"
>>> _ = write_records([Record(doc_id="x", source={"path": "x.txt"})], "sqlite:///" + db_path)
>>> with connect("sqlite:///" + db_path) as db:
...     rebuild_indicators(db), db.execute('SELECT COUNT(*) FROM "indicators"').fetchone()[0]
(0, 0)
"""

from __future__ import annotations

import json

from ..models import Record
from .connect import Database
from .ddl import quote
from .rows import cell
from .tables import TABLES


def _record(value: object) -> Record:
    """A record from `record_json` (text on SQLite, already parsed JSONB on PostgreSQL)."""
    return Record.model_validate(json.loads(value) if isinstance(value, (str, bytes)) else value)


_REBUILD_LOCK = 0x0C0B_1D1C  # the advisory lock key taken while the table is rebuilt


def rebuild_indicators(db: Database) -> int:
    """Replace the `indicators` table's rows with those of every loaded document; returns their number."""
    from ..indicators.table import build_rows

    table = TABLES["indicators"]
    columns = table.value_columns
    insert = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
              f"VALUES ({', '.join('?' for _ in columns)})")
    with db.transaction():
        if db.dialect == "postgresql":  # two loads rebuilding at once would collide: one waits for the other
            db.execute("SELECT pg_advisory_xact_lock(?)", (_REBUILD_LOCK,))
        found = db.execute(f"SELECT {quote('record_json')} FROM {quote('documents')} "
                           f"ORDER BY {quote('doc_id')}, {quote('source_path')}").fetchall()
        rows = build_rows(_record(value) for (value,) in found)
        db.execute(f"DELETE FROM {quote(table.name)}")
        db.executemany(insert, [tuple(ordinal if c.name == "ordinal" else cell(c, row) for c in columns)
                                for ordinal, row in enumerate(rows)])
    return len(rows)
