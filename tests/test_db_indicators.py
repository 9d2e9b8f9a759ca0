"""The `indicators` table of a database load, rebuilt from the records, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

from db_support import db_url, rows  # noqa: F401 (fixture)
from test_indicator_table import NEWS, PLAN

from ocop_extract.cli import main
from ocop_extract.db import connect
from ocop_extract.indicators.inputs import iter_inputs
from ocop_extract.indicators.table import build_rows

QUERY = ('SELECT "indicator", "year", "stars", "status", "value", "conflict", "doc_id", "documents", "values" '
         'FROM "indicators" ORDER BY "ordinal"')


def _table(url: str) -> list[tuple]:
    with connect(url) as db:
        found = [tuple(r) for r in db.execute(QUERY).fetchall()]
    # JSON columns are text on SQLite and parsed JSONB on PostgreSQL
    return [r[:7] + tuple(json.loads(v) if isinstance(v, str) else v for v in r[7:]) for r in found]


def test_load_builds_the_indicator_rows_of_the_command(db_url, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_news.txt").write_text(NEWS.format(n=45), encoding="utf-8")
    (inbox / "b_plan.txt").write_text(PLAN, encoding="utf-8")
    assert main([str(inbox), "--db", db_url]) == 0
    assert "indicators table rebuilt, 3 rows" in capsys.readouterr().err
    want = build_rows(i.record for i in iter_inputs([str(inbox)]))
    got = _table(db_url)
    assert [(r[0], r[1], r[4], r[6], r[7]) for r in got] == [
        (w.indicator, w.year, w.value, w.doc_id, w.documents) for w in want]
    new = next(r for r in got if r[0] == "ocop_products_new")
    assert new[2:] == (3, "target", 45, 0, "b_plan", ["b_plan", "a_news"], ["45 product: b_plan, a_news"])


def test_reload_and_change_rebuild_the_table_idempotently(db_url, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_news.txt").write_text(NEWS.format(n=45), encoding="utf-8")
    (inbox / "b_plan.txt").write_text(PLAN, encoding="utf-8")
    main([str(inbox), "--db", db_url])
    first = rows(db_url, "indicators")
    main([str(inbox), "--db", db_url])
    assert rows(db_url, "indicators") == first
    # the news now reports another figure: the row is flagged, the plan's value kept
    (inbox / "a_news.txt").write_text(NEWS.format(n=50), encoding="utf-8")
    main([str(inbox), "--db", db_url])
    new = next(r for r in _table(db_url) if r[0] == "ocop_products_new")
    assert (new[4], new[5], new[8]) == (45, 1, ["45 product: b_plan", "50 product: a_news"])
    assert len(_table(db_url)) == len(first)
