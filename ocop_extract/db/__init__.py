"""Loading records into databases and flat files.

- `write_records(records, db_url)`: normalised tables in SQLite (`sqlite:///ocop.db`)
  or PostgreSQL (`postgresql://user@host/dbname`), one transaction per document,
  safe to run again (`writer`);
- `FlatWriter`: documents/targets/references as CSV, and Parquet when pyarrow is
  installed (`export`);
- the table layout and its DDL are generated from `ocop_extract.models`
  (`tables`, `ddl`; checked in as `schemas/sqlite.sql`, `schemas/postgresql.sql`).

>>> from ocop_extract.models import Record
>>> write_records([Record(doc_id="d01", source={"path": "d01.txt"})], "sqlite:///:memory:").inserted
1
"""

from __future__ import annotations

from .connect import connect, parse_url
from .writer import DatabaseWriter, WriteReport, write_records

__all__ = ["DatabaseWriter", "WriteReport", "connect", "parse_url", "write_records"]
