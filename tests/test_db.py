"""Loading records into SQLite and a real PostgreSQL server: load, reload, change, bad documents, joins."""

from __future__ import annotations

import json

import pytest
from db_support import (count, db_url, empty_file, hue_news, quang_nam_plan, rows,  # noqa: F401 (fixture)
                        sample_records)

from ocop_extract.db import connect, write_records
from ocop_extract.db.ddl import META_TABLE
from ocop_extract.errors import UsageError
from ocop_extract.models import Record, Target

TABLES = ("documents", "targets", "references", "places", "errors")


def table_counts(url: str) -> dict[str, int]:
    return {t: count(url, t) for t in TABLES}


def snapshot(url: str) -> dict[str, list[tuple]]:
    return {t: rows(url, t) for t in TABLES}


def test_load_writes_normalised_tables(db_url):
    report = write_records(sample_records(), db_url)
    assert (report.inserted, report.replaced, report.unchanged, report.failed) == (3, 0, 0, [])
    assert table_counts(db_url) == {"documents": 3, "targets": 5, "references": 2, "places": 2, "errors": 1}
    with connect(db_url) as db:
        doc = db.execute('SELECT "number", "issuer", "plan_year_first", "plan_year_last", "record_json" '
                         'FROM "documents" WHERE "doc_id" = ?', ("002_dbb531843058f8a7",)).fetchone()
        ranged = db.execute('SELECT "value", "value_max", "comparator", "per", "explain" FROM "targets" '
                            'WHERE "comparator" = ?', ("range",)).fetchone()
    assert doc[:4] == ("2134/KH-UBND", "UBND tỉnh Quảng Nam", 2022, 2024)
    stored = doc[4] if isinstance(doc[4], dict) else json.loads(doc[4])
    assert Record.model_validate(stored) == quang_nam_plan()     # the full record is kept beside the columns
    explain = ranged[4] if isinstance(ranged[4], list) else json.loads(ranged[4])
    assert ranged[:4] == (15.0, 20.0, "range", "year") and explain == ["cue: từ … đến", "unit: hội chợ"]


def test_reload_leaves_the_same_rows(db_url):
    write_records(sample_records(), db_url)
    before = snapshot(db_url)
    report = write_records(sample_records(), db_url)
    assert (report.inserted, report.replaced, report.unchanged) == (0, 0, 3)
    assert snapshot(db_url) == before


def test_changed_file_replaces_only_its_own_rows(db_url):
    write_records(sample_records(), db_url)
    with connect(db_url) as db:
        old_id = db.execute('SELECT "document_id" FROM "documents" WHERE "doc_id" = ?',
                            ("002_dbb531843058f8a7",)).fetchone()[0]
    others_before = [r for r in rows(db_url, "targets") if r[0] != old_id]
    changed = quang_nam_plan(sha256="c" * 64).model_copy(update={
        "targets": [Target(value=80, comparator=">=", unit="%", unit_text="%", stars=3, year=2025,
                           span=(1834, 1845), text="ít nhất 80%")],
        "references": [],
    })
    report = write_records([changed, hue_news(), empty_file()], db_url)
    assert (report.inserted, report.replaced, report.unchanged) == (0, 1, 2)
    assert table_counts(db_url) == {"documents": 3, "targets": 2, "references": 0, "places": 2, "errors": 1}
    with connect(db_url) as db:
        mine = db.execute('SELECT "document_id", "ordinal", "value", "year" FROM "targets" WHERE "document_id" = ?',
                          (old_id,)).fetchall()
        sha = db.execute('SELECT "source_sha256" FROM "documents" WHERE "document_id" = ?', (old_id,)).fetchone()[0]
    assert [tuple(r) for r in mine] == [(old_id, 0, 80.0, 2025)]   # same document_id, new rows
    assert sha == "c" * 64
    assert [r for r in rows(db_url, "targets") if r[0] != old_id] == others_before


def test_new_extractor_output_on_same_file_replaces_rows(db_url):
    write_records([hue_news()], db_url)
    relabelled = hue_news().model_copy(update={"province_2025": "Huế"})   # same bytes, better record
    report = write_records([relabelled], db_url)
    assert report.replaced == 1
    with connect(db_url) as db:
        assert db.execute('SELECT "province_2025" FROM "documents"').fetchone()[0] == "Huế"


def test_document_that_becomes_unreadable_moves_to_errors(db_url):
    write_records([quang_nam_plan()], db_url)
    broken = Record(doc_id="002_dbb531843058f8a7", source={"path": "corpus/002_dbb531843058f8a7.txt", "sha256": None},
                    error={"type": "undecodable", "message": "not valid UTF-8 (byte 0xff at offset 12)"})
    assert write_records([broken], db_url).replaced == 1
    assert table_counts(db_url) == {"documents": 1, "targets": 0, "references": 0, "places": 0, "errors": 1}
    assert write_records([quang_nam_plan()], db_url).replaced == 1
    assert table_counts(db_url) == {"documents": 1, "targets": 4, "references": 2, "places": 2, "errors": 0}


def _bad_plan(sha256: str) -> Record:
    """A record that slipped past validation: its last target claims 9 stars, which the DDL's CHECK refuses."""
    good = quang_nam_plan(sha256=sha256)
    bad_target = Target.model_construct(**{**good.targets[-1].model_dump(), "stars": 9})
    return Record.model_construct(**{**dict(good), "targets": [*good.targets, bad_target]})


def test_bad_document_in_batch_is_rolled_back_alone(db_url):
    report = write_records([hue_news(), _bad_plan("d" * 64), empty_file()], db_url)
    assert (report.inserted, len(report.failed)) == (2, 1)
    assert report.failed[0][0] == "002_dbb531843058f8a7" and "stars" in report.failed[0][1]
    # nothing of the bad document: not its documents row, nor its first four (valid) targets
    assert table_counts(db_url) == {"documents": 2, "targets": 1, "references": 0, "places": 0, "errors": 1}


def test_failed_replace_keeps_the_previous_rows(db_url):
    write_records(sample_records(), db_url)
    before = snapshot(db_url)
    report = write_records([_bad_plan("f" * 64)], db_url)
    assert len(report.failed) == 1
    assert snapshot(db_url) == before          # the crash left the old document whole


def test_join_targets_to_documents(db_url):
    write_records(sample_records(), db_url)
    sql = """
        SELECT d."province", d."number", t."value", t."unit", t."stars", t."year"
        FROM "targets" AS t
        JOIN "documents" AS d ON d."document_id" = t."document_id"
        WHERE t."status" = ? AND t."stars" >= ?
        ORDER BY d."province", t."value"
    """
    with connect(db_url) as db:
        found = [tuple(r) for r in db.execute(sql, ("target", 3)).fetchall()]
        actual = [tuple(r) for r in db.execute(sql, ("actual", 3)).fetchall()]
    assert found == [("Quảng Nam", "2134/KH-UBND", 70.0, "%", 3, 2024)]
    assert actual == [("Thừa Thiên Huế", None, 333.0, "product", 3, None)]


def test_values_are_parameters_not_sql(db_url):
    tricky = hue_news().model_copy(update={"doc_id": "x'); DROP TABLE \"targets\"; --",
                                           "signer": "O'Neil ?  %s %(x)s"})
    assert write_records([tricky], db_url).inserted == 1
    with connect(db_url) as db:
        got = db.execute('SELECT "doc_id", "signer" FROM "documents"').fetchone()
    assert tuple(got) == (tricky.doc_id, tricky.signer)
    assert count(db_url, "targets") == 1


def test_identity_is_doc_id_and_source_path(db_url):
    copy = hue_news().model_copy(update={"source": hue_news().source.model_copy(update={"path": "other/d08.txt"})})
    assert write_records([hue_news(), copy], db_url).inserted == 2
    assert count(db_url, "documents") == 2


def test_database_of_another_layout_is_refused(db_url):
    write_records([hue_news()], db_url)
    with connect(db_url) as db, db.transaction():
        db.execute(f'UPDATE "{META_TABLE}" SET "value" = ? WHERE "name" = ?', ("0000000000000000", "fingerprint"))
    with pytest.raises(UsageError, match="another layout"):
        write_records([hue_news()], db_url)


def test_child_rows_cascade_with_their_document(db_url):
    write_records(sample_records(), db_url)
    with connect(db_url) as db, db.transaction():
        db.execute('DELETE FROM "documents" WHERE "doc_id" = ?', ("002_dbb531843058f8a7",))
    assert table_counts(db_url) == {"documents": 2, "targets": 1, "references": 0, "places": 0, "errors": 1}
