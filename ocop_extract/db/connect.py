"""Database URLs and connections: SQLite through `sqlite3`, PostgreSQL through psycopg 3.

No ORM: the layout is five tables generated from the models, the writer needs
one upsert, a few deletes and inserts per document, and both drivers speak
DB-API. A thin `Database` wrapper hides the two differences that matter here
(the parameter marker and how a transaction is opened), so every statement
stays plain, parameterised SQL that an analyst can read.

>>> parse_url("sqlite:///ocop.db")
DatabaseURL(dialect='sqlite', target='ocop.db')
>>> parse_url("sqlite:////var/data/ocop.db").target
'/var/data/ocop.db'
>>> parse_url("postgresql+psycopg://etl@db.example/ocop")
DatabaseURL(dialect='postgresql', target='postgresql://etl@db.example/ocop')
>>> redact("postgresql://etl:s3cret@db.example/ocop")
'postgresql://etl:***@db.example/ocop'
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..errors import UsageError
from .ddl import Dialect


@dataclass(frozen=True)
class DatabaseURL:
    """Which database to write: the dialect and what its driver is given (a file path or a conninfo URL)."""

    dialect: Dialect
    target: str


def parse_url(url: str) -> DatabaseURL:
    """Read `sqlite:///FILE`, `sqlite:////ABS/FILE`, `postgresql://...` or a bare `FILE.db` path.

    Raises `UsageError` for any other scheme.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        if url.endswith((".db", ".sqlite", ".sqlite3")) or url == ":memory:":
            return DatabaseURL("sqlite", url)
        raise UsageError(f"not a database URL: {url!r} (try sqlite:///ocop.db or postgresql://user@host/db)")
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise UsageError(f"an SQLite URL names a file: sqlite:///relative.db or sqlite:////absolute.db, not {url!r}")
        return DatabaseURL("sqlite", rest[1:])
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return DatabaseURL("postgresql", "postgresql://" + rest)
    raise UsageError(f"unsupported database {scheme!r}: use sqlite:///FILE or postgresql://...")


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


class Database:
    """One open connection and its dialect; statements are written with `?` markers.

    >>> db = connect("sqlite:///:memory:")
    >>> db.execute("SELECT ? || ?", ("Quảng ", "Nam")).fetchone()[0]
    'Quảng Nam'
    >>> db.close()
    """

    def __init__(self, dialect: Dialect, connection: Any, url: str):
        self.dialect = dialect
        self.connection = connection
        self.url = redact(url)

    def _sql(self, sql: str) -> str:
        # psycopg uses %s markers; statements with parameters hold no literal '?' or '%'.
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run one statement with its parameters (none for DDL) and return its cursor."""
        if params is None:  # DDL: sent as is (its CHECK lists hold a literal '%')
            return self.connection.execute(sql)
        return self.connection.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one parameterised statement once per row."""
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        if self.dialect == "postgresql":
            with self.connection.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.connection.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        if self.dialect == "postgresql":
            with self.connection.transaction():
                yield
            return
        # BEGIN IMMEDIATE takes the write lock up front, so two loaders queue instead of deadlocking.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(url: str) -> Database:
    """Open the database a URL names; SQLite files (and their folders) are created when missing."""
    parsed = parse_url(url)
    if parsed.dialect == "sqlite":
        if parsed.target != ":memory:":
            Path(parsed.target).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(parsed.target, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise UsageError(f"cannot open SQLite database {parsed.target}: {exc}") from exc
        conn.execute("PRAGMA foreign_keys = ON")
        return Database("sqlite", conn, url)
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a main dependency
        raise UsageError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
    try:
        conn = psycopg.connect(parsed.target, autocommit=True)
    except psycopg.Error as exc:
        raise UsageError(f"cannot connect to {redact(url)}: {exc}") from exc
    return Database("postgresql", conn, url)


def driver_errors() -> tuple[type[BaseException], ...]:
    """The exception classes a failed statement raises, for both drivers."""
    errors: list[type[BaseException]] = [sqlite3.Error]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)
