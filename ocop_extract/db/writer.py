"""Writing records into a database: one transaction per document, safe to run again.

A document is known by ``(doc_id, source_path)``. Loading it again
- leaves its rows alone when the file's hash (``source.sha256``) and the
  record itself are unchanged, so a second load of the same corpus changes
  nothing (not even ``loaded_at``);
- otherwise replaces all of its rows: the ``documents`` row is updated in
  place (its ``document_id`` stays) and its targets, references, places and
  error are deleted and written anew.
The record is compared as well as the file so that a newer extractor run
over the same files does not leave stale targets behind.

Each document is one transaction: a failure part-way (a constraint, a lost
connection, the loader killed) rolls back that document alone, which is
reported and does not stop the batch. Loads of one corpus into one database
at the same time take turns per document (PostgreSQL advisory locks, SQLite's
write lock), so each document is written once and the other load finds it
unchanged. Every value goes in as a parameter.

>>> from ocop_extract.models import Record
>>> rec = Record(doc_id="002_dbb531843058f8a7", source={"path": "corpus/002.txt", "sha256": "ab12"})
>>> report = write_records([rec, rec], "sqlite:///:memory:")
>>> report.inserted, report.unchanged
(1, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..errors import UsageError
from ..models import Record
from .connect import Database, connect, driver_errors
from .ddl import META_TABLE, fingerprint, quote, schema_statements
from .rows import child_rows, document_row, record_hash, record_json
from .tables import CHILD_TABLES, TABLES


@dataclass
class WriteReport:
    """What a load did, document by document."""

    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)   # (doc_id, reason)

    def line(self, where: str = "database") -> str:
        return (f"ocop_extract: {where}: {self.inserted} inserted, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, {len(self.failed)} failed")


_SCHEMA_LOCK = 0x0C0B_5C4E  # the advisory lock key taken while the tables are made


def ensure_schema(db: Database) -> None:
    """Create the tables when missing; refuse a database built from different DDL."""
    want = fingerprint(db.dialect)
    with db.transaction():
        if db.dialect == "postgresql":  # two loads creating the tables at once would collide: one waits
            db.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
        db.execute(f"CREATE TABLE IF NOT EXISTS {quote(META_TABLE)} "
                   f"({quote('name')} TEXT PRIMARY KEY, {quote('value')} TEXT NOT NULL)")
        row = db.execute(f"SELECT {quote('value')} FROM {quote(META_TABLE)} WHERE {quote('name')} = ?",
                         ("fingerprint",)).fetchone()
        if row is not None and row[0] != want:
            raise UsageError(
                f"{db.url} holds ocop_extract tables of another layout (fingerprint {row[0]}, "
                f"this version writes {want}): load into a new database or drop the old tables")
        for statement in schema_statements(db.dialect):
            db.execute(statement)
        if row is None:
            db.execute(f"INSERT INTO {quote(META_TABLE)} ({quote('name')}, {quote('value')}) VALUES (?, ?)",
                       ("fingerprint", want))


def _names(columns: Iterable) -> str:
    return ", ".join(quote(c.name) for c in columns)


class DatabaseWriter:
    """An open database that takes records one at a time (`write`), then `close`.

    Use it as a context manager; `report` says what happened.
    """

    def __init__(self, url: str):
        self.db = connect(url)
        self.report = WriteReport()
        self.indicator_rows: int | None = None   # rows of the indicators table, once rebuilt on exit
        try:
            ensure_schema(self.db)
        except BaseException:
            self.db.close()
            raise
        docs = TABLES["documents"]
        cols = docs.value_columns
        updates = ", ".join(f"{quote(c.name)} = excluded.{quote(c.name)}" for c in cols)
        self._upsert = (
            f"INSERT INTO {quote('documents')} ({_names(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
            f"ON CONFLICT ({_names(docs.column(n) for n in docs.unique[0])}) "
            f"DO UPDATE SET {updates}, {quote('loaded_at')} = CURRENT_TIMESTAMP "
            f"RETURNING {quote('document_id')}"
        )
        lock = " FOR UPDATE" if self.db.dialect == "postgresql" else ""
        # PostgreSQL: a second load of the same document waits for the first to commit, then finds it
        # (SQLite's BEGIN IMMEDIATE already makes writers take turns)
        self._document_lock = ("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"
                               if self.db.dialect == "postgresql" else None)
        self._lookup = (f"SELECT {quote('source_sha256')}, {quote('record_sha256')} FROM {quote('documents')} "
                        f"WHERE {quote('doc_id')} = ? AND {quote('source_path')} = ?{lock}")
        self._delete = {t: f"DELETE FROM {quote(t)} WHERE {quote('document_id')} = ?" for t in CHILD_TABLES}
        self._insert = {
            t: (f"INSERT INTO {quote(t)} ({_names(TABLES[t].value_columns)}) "
                f"VALUES ({', '.join('?' for _ in TABLES[t].value_columns)})")
            for t in CHILD_TABLES
        }
        self._errors = driver_errors()

    def write(self, record: Record) -> str:
        """Write one record in its own transaction; returns 'inserted', 'replaced', 'unchanged' or 'failed'."""
        try:
            outcome = self._write(record)
        except self._errors as exc:
            self.report.failed.append((record.doc_id, f"{type(exc).__name__}: {exc}".strip()))
            return "failed"
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        return outcome

    def _write(self, record: Record) -> str:
        text = record_json(record)
        with self.db.transaction():
            if self._document_lock:
                self.db.execute(self._document_lock, (f"{record.doc_id}\n{record.source.path}",))
            old = self.db.execute(self._lookup, (record.doc_id, record.source.path)).fetchone()
            if old is not None and tuple(old) == (record.source.sha256, record_hash(text)):
                return "unchanged"
            document_id = self.db.execute(self._upsert, document_row(record, text)).fetchone()[0]
            for table in CHILD_TABLES:
                if old is not None:
                    self.db.execute(self._delete[table], (document_id,))
                self.db.executemany(self._insert[table], child_rows(record, table, document_id))
        return "replaced" if old is not None else "inserted"

    def line(self) -> str:
        """One line for stderr: what this load did."""
        return self.report.line(self.db.url)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "DatabaseWriter":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            if exc_type is None:
                from .indicators import rebuild_indicators

                self.indicator_rows = rebuild_indicators(self.db)
        finally:
            self.close()


def write_records(records: Iterable[Record], db_url: str) -> WriteReport:
    """Write every record into the database at `db_url` (created when missing); see the module doc."""
    with DatabaseWriter(db_url) as writer:
        for record in records:
            writer.write(record)
        return writer.report
