"""DDL for SQLite and PostgreSQL, generated from the table layout in `tables`.

`schemas/sqlite.sql` and `schemas/postgresql.sql` are this module's output,
checked in; a test fails when they drift from the models
(`python -m ocop_extract schema --sql sqlite > schemas/sqlite.sql` regenerates one,
`python -m ocop_extract schema --write-sql` both).

>>> print(column_sql(TABLES["targets"].column("stars"), "postgresql"))
"stars" INTEGER CHECK ("stars" >= 1 AND "stars" <= 5)
>>> print(column_sql(TABLES["documents"].column("document_id"), "sqlite"))
"document_id" INTEGER PRIMARY KEY
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from .tables import TABLES, Column, Table

Dialect = Literal["sqlite", "postgresql"]
DIALECTS: tuple[Dialect, ...] = ("sqlite", "postgresql")

SCHEMA_DIR = Path(__file__).resolve().parent.parent.parent / "schemas"

# The one table outside the record's layout: which DDL built this database.
META_TABLE = "ocop_schema"

_TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {"key": "INTEGER PRIMARY KEY", "ref": "INTEGER", "text": "TEXT", "integer": "INTEGER",
               "real": "REAL", "json": "TEXT", "timestamp": "TEXT"},
    # JSONB so analysts can query inside record_json (record_json -> 'targets').
    "postgresql": {"key": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "ref": "BIGINT",
                   "text": "TEXT", "integer": "INTEGER", "real": "DOUBLE PRECISION", "json": "JSONB",
                   "timestamp": "TIMESTAMPTZ"},
}


def quote(name: str) -> str:
    """A quoted SQL identifier; every table and column name is quoted ("references" is a keyword).

    >>> quote("references")
    '"references"'
    """
    if '"' in name:
        raise ValueError(f"bad identifier {name!r}")
    return f'"{name}"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def column_sql(column: Column, dialect: Dialect) -> str:
    """One column definition: name, type, NOT NULL, default and checks."""
    parts = [quote(column.name), _TYPES[dialect][column.kind]]
    if not column.nullable and column.kind != "key":
        parts.append("NOT NULL")
    if column.default_sql:
        parts.append(f"DEFAULT {column.default_sql}")
    checks = []
    if column.choices:
        checks.append(f"{quote(column.name)} IN ({', '.join(_literal(c) for c in column.choices)})")
    if column.ge is not None:
        checks.append(f"{quote(column.name)} >= {_number(column.ge)}")
    if column.le is not None:
        checks.append(f"{quote(column.name)} <= {_number(column.le)}")
    if checks:
        parts.append(f"CHECK ({' AND '.join(checks)})")
    return " ".join(parts)


def table_sql(table: Table, dialect: Dialect) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for one table, each without a trailing semicolon."""
    lines = [column_sql(c, dialect) for c in table.columns]
    if table.primary_key and table.columns[0].kind != "key":
        lines.append(f"PRIMARY KEY ({', '.join(quote(c) for c in table.primary_key)})")
    for unique in table.unique:
        lines.append(f"UNIQUE ({', '.join(quote(c) for c in unique)})")
    if table.parent:
        lines.append(f"FOREIGN KEY ({quote('document_id')}) REFERENCES {quote(table.parent)} "
                     f"({quote('document_id')}) ON DELETE CASCADE")
    body = ",\n    ".join(lines)
    statements = [f"CREATE TABLE IF NOT EXISTS {quote(table.name)} (\n    {body}\n)"]
    for index in table.indexes:
        statements.append(f"CREATE INDEX IF NOT EXISTS {quote(index.name)} ON {quote(table.name)} "
                          f"({', '.join(quote(c) for c in index.columns)})")
    return statements


def schema_statements(dialect: Dialect) -> list[str]:
    """Every statement that creates the record tables, parents first."""
    statements: list[str] = []
    for table in TABLES.values():
        statements += table_sql(table, dialect)
    return statements


def meta_statement() -> str:
    """The bookkeeping table: its one row holds the fingerprint of the DDL that built the database."""
    return (f"CREATE TABLE IF NOT EXISTS {quote(META_TABLE)} "
            f"({quote('name')} TEXT PRIMARY KEY, {quote('value')} TEXT NOT NULL)")


def fingerprint(dialect: Dialect) -> str:
    """A short hash of the record DDL; a database built by other DDL is refused, not mixed."""
    return hashlib.sha256(";\n".join(schema_statements(dialect)).encode("utf-8")).hexdigest()[:16]


def ddl_text(dialect: Dialect) -> str:
    """The whole DDL file for one dialect, as checked in under schemas/."""
    header = (f"-- ocop_extract {dialect} schema, generated from ocop_extract/models.py: do not edit.\n"
              f"-- Regenerate: python -m ocop_extract schema --sql {dialect} > schemas/{dialect}.sql\n"
              f"-- Fingerprint: {fingerprint(dialect)}\n")
    return header + "\n" + "".join(s + ";\n\n" for s in schema_statements(dialect)) + meta_statement() + ";\n"


def ddl_file(dialect: Dialect, directory: Path = SCHEMA_DIR) -> Path:
    return directory / f"{dialect}.sql"


def check_ddl(directory: Path = SCHEMA_DIR) -> str:
    """Empty when every checked-in DDL file equals the generated one, else what differs."""
    problems = []
    for dialect in DIALECTS:
        path = ddl_file(dialect, directory)
        if not path.exists():
            problems.append(f"{path.name} is missing: run `python -m ocop_extract schema --write-sql`")
        elif path.read_text(encoding="utf-8") != ddl_text(dialect):
            problems.append(f"{path.name} differs from the models: run `python -m ocop_extract schema --write-sql`")
    return "\n".join(problems)


def write_ddl(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Regenerate the checked-in DDL files; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for dialect in DIALECTS:
        path = ddl_file(dialect, directory)
        path.write_text(ddl_text(dialect), encoding="utf-8", newline="\n")
        written.append(path)
    return written
