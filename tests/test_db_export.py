"""Flat CSV and Parquet tables for spreadsheets and notebooks."""

from __future__ import annotations

import csv

import pytest
from db_support import sample_records

from ocop_extract.db.export import FLAT_TABLES, FlatWriter, parquet_available


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables(tmp_path):
    with FlatWriter(tmp_path, ("csv",)) as writer:
        for record in sample_records():
            writer.add(record)
    docs = read_csv(tmp_path / "documents.csv")
    targets = read_csv(tmp_path / "targets.csv")
    refs = read_csv(tmp_path / "references.csv")
    assert (len(docs), len(targets), len(refs)) == (3, 5, 2)
    assert list(docs[0]) == [c.name for c in FLAT_TABLES["documents"]]
    first = targets[0]
    assert (first["doc_id"], first["number"], first["province"], first["value"], first["comparator"],
            first["unit"], first["stars"], first["year"]) == (
        "002_dbb531843058f8a7", "2134/KH-UBND", "Quảng Nam", "70.0", ">=", "%", "3", "2024")
    assert first["metric"].startswith("số sản phẩm đăng ký")
    empty = next(d for d in docs if d["doc_id"] == "005_empty")
    assert (empty["error_type"], empty["error_message"]) == ("empty", "the file is empty")
    assert refs[0]["number"] == "07/2021/NQ-HĐND" and refs[0]["number_parts_body_code"] == "HĐND"


def test_failed_run_keeps_the_old_files(tmp_path):
    with FlatWriter(tmp_path) as writer:
        writer.add(sample_records()[0])
    with pytest.raises(RuntimeError):
        with FlatWriter(tmp_path) as writer:
            for record in sample_records():
                writer.add(record)
            raise RuntimeError("crash mid-run")
    assert len(read_csv(tmp_path / "targets.csv")) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.csv", "references.csv", "targets.csv"]


@pytest.mark.skipif(not parquet_available(), reason="pyarrow not installed (optional extra 'parquet')")
def test_parquet_tables_keep_types(tmp_path):
    import pyarrow.parquet as pq

    with FlatWriter(tmp_path, ("csv", "parquet")) as writer:
        for record in sample_records():
            writer.add(record)
    targets = pq.read_table(tmp_path / "targets.parquet")
    assert targets.num_rows == 5
    assert str(targets.schema.field("value").type) == "double"
    assert str(targets.schema.field("stars").type) == "int64"
    assert targets.column("value").to_pylist()[:4] == [70.0, 268.0, 15.0, 700_000_000.0]
    assert pq.read_table(tmp_path / "documents.parquet").column("province").to_pylist()[:2] == [
        "Quảng Nam", "Thừa Thiên Huế"]
