"""`python -m ocop_extract PATH --db URL --csv DIR` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from db_support import count, db_url, rows  # noqa: F401 (fixture)

from ocop_extract.cli import main
from ocop_extract.db import connect

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "targets", "references", "places", "errors")



def test_unreadable_files_load_into_errors(db_url, tmp_path, capsys):
    corpus = tmp_path / "inbox"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01\x02")
    flat = tmp_path / "flat"
    assert main([str(corpus), "--db", db_url, "--csv", str(flat)]) == 1      # 1: some documents had errors
    err = capsys.readouterr().err
    assert "2 inserted, 0 replaced, 0 unchanged, 0 failed" in err
    assert main([str(corpus), "--db", db_url]) == 1
    assert "0 inserted, 0 replaced, 2 unchanged, 0 failed" in capsys.readouterr().err
    with connect(db_url) as db:
        found = db.execute('SELECT d."doc_id", e."type" FROM "errors" AS e JOIN "documents" AS d '
                           'ON d."document_id" = e."document_id" ORDER BY d."doc_id"').fetchall()
    assert [tuple(r) for r in found] == [("empty", "empty"), ("scan", "corrupt")]
    assert (flat / "documents.csv").read_text(encoding="utf-8").count("\n") == 3


def test_jsonl_output_alongside_the_database(tmp_path, capsys):
    corpus = tmp_path / "inbox"
    corpus.mkdir()
    (corpus / "blank.txt").write_bytes(b"   \n")
    out = tmp_path / "records.jsonl"
    main([str(corpus), "--db", f"sqlite:///{tmp_path / 'o.db'}", "-o", str(out)])
    assert capsys.readouterr().out == ""                   # with --db, stdout stays quiet
    assert '"type": "empty"' in out.read_text(encoding="utf-8")


def test_double_load_of_the_corpus(db_url, tmp_path, capsys):
    corpus = str(ROOT / "corpus")
    main([corpus, "--db", db_url, "--csv", str(tmp_path / "flat")])
    first = capsys.readouterr().err
    counts = {t: count(db_url, t) for t in TABLES}
    before = {t: rows(db_url, t) for t in TABLES}
    main([corpus, "--db", db_url])
    second = capsys.readouterr().err
    print(f"row counts after loading corpus/ twice: {counts}\n{first}{second}")
    n_docs = len(list((ROOT / "corpus").glob("*.txt")))
    assert counts["documents"] == n_docs
    assert f"0 inserted, 0 replaced, {n_docs} unchanged, 0 failed" in second
    assert {t: rows(db_url, t) for t in TABLES} == before
    with connect(db_url) as db:
        joined = db.execute('SELECT COUNT(*) FROM "targets" AS t JOIN "documents" AS d '
                            'ON d."document_id" = t."document_id"').fetchone()[0]
    assert joined == counts["targets"]


def test_workers_load_the_same_rows(tmp_path, capsys):
    corpus = str(ROOT / "corpus")
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert main([corpus, "--db", one, "--workers", "1"]) == 0
    assert main([corpus, "--db", two, "--workers", "2"]) == 0
    capsys.readouterr()
    for table in ("targets", "references", "places"):
        assert rows(one, table) == rows(two, table) and rows(one, table)
    assert main([corpus, "--db", one, "--resume"]) == 2  # resume is for -o FILE alone
