"""Faults while loading a database: a load killed outright, and two loads of one corpus at once.

Against the real servers of `db_support`: an SQLite file, and the suite's
private PostgreSQL server. The loads are real `python -m ocop_extract … --db`
processes; the kill is SIGKILL, so nothing of the loader gets to clean up.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from db_support import db_url, new_database_url  # noqa: F401 (fixture)

from ocop_extract.db import connect

ROOT = Path(__file__).resolve().parent.parent
CHILDREN = {"targets": "targets", "references": "references", "places": "places"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Some 170 documents: the annotated ones, three times over under other names."""
    folder = tmp_path_factory.mktemp("corpus")
    sources = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/gold/*/docs/*.txt"))
    for copy in range(3):
        for path in sources:
            shutil.copy(path, folder / f"{copy}_{path.name}")
    return folder


def _load(corpus: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ocop_extract", str(corpus), "--db", url, "-w", "1",
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _documents(url: str) -> int:
    try:
        with connect(url) as db:
            return db.execute('SELECT COUNT(*) FROM "documents"').fetchone()[0]
    except Exception:  # noqa: BLE001 - the loader may not have made the tables yet
        return 0


def _half_written(url: str) -> list[str]:
    """Documents whose child rows are not all those their stored record holds."""
    out = []
    with connect(url) as db:
        docs = db.execute('SELECT "document_id", "doc_id", "record_json" FROM "documents"').fetchall()
        for document_id, doc_id, record in docs:
            record = json.loads(record) if isinstance(record, str) else record
            for table, field in CHILDREN.items():
                have = db.execute(f'SELECT COUNT(*) FROM "{table}" WHERE "document_id" = ?', (document_id,)).fetchone()[0]
                if have != len(record[field]):
                    out.append(f"{doc_id}: {have} {table} rows, its record has {len(record[field])}")
            errors = db.execute('SELECT COUNT(*) FROM "errors" WHERE "document_id" = ?', (document_id,)).fetchone()[0]
            if errors != (record["error"] is not None):
                out.append(f"{doc_id}: {errors} errors rows")
    return out


def _content(url: str) -> dict[str, list]:
    """Every table's rows, with each row's document named by (doc_id, source_path), less ids and load times."""
    out = {}
    with connect(url) as db:
        names = {r[0]: (r[1], r[2]) for r in db.execute(
            'SELECT "document_id", "doc_id", "source_path" FROM "documents"').fetchall()}
        for table in ("documents", "targets", "references", "places", "errors"):
            cursor = db.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            found = []
            for row in cursor.fetchall():
                values = dict(zip(columns, row))
                key = names[values.pop("document_id")]
                values.pop("loaded_at", None)
                found.append(repr((key, sorted(values.items()))))
            out[table] = sorted(found)
    return out


def test_a_load_killed_outright_leaves_whole_documents_and_a_rerun_finishes_it(corpus, db_url, tmp_path):
    loader = _load(corpus, db_url)
    deadline = time.monotonic() + 120
    while _documents(db_url) < 15 and loader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert loader.poll() is None, "the load ended before it could be killed: make the corpus larger"
    os.kill(loader.pid, signal.SIGKILL)
    loader.wait()
    loaded = _documents(db_url)
    total = len(list(corpus.iterdir()))
    assert 15 <= loaded < total
    assert _half_written(db_url) == []
    again = _load(corpus, db_url)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{total - loaded} inserted, 0 replaced, {loaded} unchanged, 0 failed" in err
    (tmp_path / "clean").mkdir()
    clean = new_database_url("sqlite" if db_url.startswith("sqlite") else "postgresql", tmp_path / "clean", "clean")
    first = _load(corpus, clean)
    first.communicate(timeout=300)
    assert _content(db_url) == _content(clean)


def test_two_loads_of_one_corpus_at_once_into_postgresql(corpus, tmp_path):
    url = new_database_url("postgresql", tmp_path, "two_loads")
    loads = [_load(corpus, url), _load(corpus, url)]  # into a new database: both make the tables too
    said = [load.communicate(timeout=300)[1] for load in loads]
    assert [load.returncode for load in loads] == [0, 0], said
    total = len(list(corpus.iterdir()))
    assert _documents(url) == total
    assert _half_written(url) == []
    counts = [[int(w) for w in line.split(": ")[-1].replace(",", "").split() if w.isdigit()]
              for text in said for line in text.splitlines() if "inserted" in line]
    assert [sum(c) for c in zip(*counts)] == [total, 0, total, 0]  # inserted, replaced, unchanged, failed
    clean = new_database_url("postgresql", tmp_path, "clean_load")
    _load(corpus, clean).communicate(timeout=300)
    assert _content(url) == _content(clean)
