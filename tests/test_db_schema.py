"""The checked-in DDL follows the models; URLs parse; the DDL runs on both databases."""

from __future__ import annotations

import sqlite3

import pytest
from db_support import new_database_url

from ocop_extract.db import connect, parse_url
from ocop_extract.db.connect import redact
from ocop_extract.db.ddl import DIALECTS, check_ddl, ddl_file, ddl_text, write_ddl
from ocop_extract.db.tables import TABLES
from ocop_extract.errors import UsageError
from ocop_extract.models import ErrorInfo, Place, Record, Reference, Target


def test_checked_in_ddl_matches_the_models():
    assert check_ddl() == "", "regenerate with: python -m ocop_extract schema --write-sql"


def test_drift_is_detected(tmp_path):
    write_ddl(tmp_path)
    assert check_ddl(tmp_path) == ""
    path = ddl_file("sqlite", tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"stars" INTEGER', '"stars" TEXT'), encoding="utf-8")
    assert "sqlite.sql differs" in check_ddl(tmp_path)


@pytest.mark.parametrize("model, table", [(Target, "targets"), (Reference, "references"),
                                          (Place, "places"), (ErrorInfo, "errors"), (Record, "documents")])
def test_every_model_field_has_a_home(model, table):
    children = {"targets", "references", "places", "error"}
    names = [c.name for c in TABLES[table].columns]
    for field in model.model_fields:
        if model is Record and field in children:
            continue
        stem = {"plan_years": "plan_year", "span": "span"}.get(field, field)
        assert any(n == stem or n.startswith(stem + "_") for n in names), f"{model.__name__}.{field} has no column"


def test_sqlite_ddl_file_runs_as_is():
    conn = sqlite3.connect(":memory:")
    conn.executescript(ddl_text("sqlite"))
    created = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert created == {*TABLES, "ocop_schema"}


def test_postgresql_ddl_file_runs_as_is(tmp_path):
    url = new_database_url("postgresql", tmp_path, "ddl_file")
    with connect(url) as db:
        db.connection.execute(ddl_text("postgresql"))
        created = {r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = ?", ("public",))}
    assert created == {*TABLES, "ocop_schema"}


@pytest.mark.parametrize("url, dialect, target", [
    ("sqlite:///ocop.db", "sqlite", "ocop.db"),
    ("sqlite:////srv/data/ocop.db", "sqlite", "/srv/data/ocop.db"),
    ("sqlite:///:memory:", "sqlite", ":memory:"),
    ("out/ocop.sqlite", "sqlite", "out/ocop.sqlite"),
    ("postgresql://etl@db.example:5433/ocop", "postgresql", "postgresql://etl@db.example:5433/ocop"),
    ("postgres://etl@db.example/ocop", "postgresql", "postgresql://etl@db.example/ocop"),
    ("postgresql:///ocop?host=/run/postgresql", "postgresql", "postgresql:///ocop?host=/run/postgresql"),
])
def test_parse_url(url, dialect, target):
    parsed = parse_url(url)
    assert (parsed.dialect, parsed.target) == (dialect, target)


@pytest.mark.parametrize("url", ["mysql://root@localhost/ocop", "ocop", "sqlite://ocop.db"])
def test_unsupported_urls_are_usage_errors(url):
    with pytest.raises(UsageError):
        parse_url(url)


def test_passwords_are_redacted():
    assert redact("postgresql://etl:pa:ss@db/ocop") == "postgresql://etl:***@db/ocop"
    assert redact("postgresql://etl@db/ocop") == "postgresql://etl@db/ocop"


def test_every_dialect_has_a_checked_in_file():
    assert all(ddl_file(d).exists() for d in DIALECTS)


def test_schema_command_prints_the_checked_in_ddl(capsys):
    from ocop_extract.cli import main

    assert main(["schema", "--sql", "postgresql"]) == 0
    assert capsys.readouterr().out == ddl_file("postgresql").read_text(encoding="utf-8")
