"""The reader entry: format by content, what the record says about its text, --text-dir, limits, bad files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from batch_helpers import ROOT, run_cli as cli

from ocop_extract.formats import Limits, read
from ocop_extract.formats.sniff import sniff
from ocop_extract.pipeline import process_bytes

SEED = ROOT / "corpus" / "004_d1491496f308dd18.txt"


@pytest.mark.parametrize("head, name, kind", [
    (b"%PDF-1.7\n", "a.txt", "pdf"),
    (b"  <!doctype html><html>", "a.txt", "html"),
    (b"\xef\xbb\xbf<html><head>", "", "html"),
    ("<b>Kế hoạch</b> năm 2024".encode(), "trang.htm", "html"),
    ("Kế hoạch <số 57> năm 2024".encode(), "a.txt", "txt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, "a.txt", "doc"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "a.bin", "docx"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"data.csv", "a.zip", "zip"),
])
def test_format_is_told_by_content_first(head: bytes, name: str, kind: str) -> None:
    assert sniff(head, name) == kind


def test_txt_record_names_its_format_and_the_hash_of_its_text() -> None:
    data = SEED.read_bytes()
    record = process_bytes(SEED.stem, data, str(SEED))
    assert record.source.format == "txt" and record.source.encoding == "utf-8"
    assert record.source.text_sha256 == hashlib.sha256(data.decode("utf-8").encode("utf-8")).hexdigest()
    assert record.source.sha256 == hashlib.sha256(data).hexdigest()


def test_text_dir_holds_exactly_the_text_the_spans_index(tmp_path: Path) -> None:
    from ocop_extract.formats.legacy import encode

    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "seed.txt").write_bytes(SEED.read_bytes())
    (docs / "old.txt").write_bytes(encode(SEED.read_text(encoding="utf-8"), "vni"))
    out, texts = tmp_path / "out.jsonl", tmp_path / "texts"
    assert cli(str(docs), "-o", str(out), "--text-dir", str(texts)).returncode == 0
    for record in map(json.loads, out.read_text(encoding="utf-8").splitlines()):
        text = (texts / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == record["source"]["text_sha256"]
        assert record["targets"] and all(text[t["span"][0]:t["span"][1]] == t["text"] for t in record["targets"])
    assert (texts / "old.txt").read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_max_bytes_turns_a_big_file_into_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    proc = cli(str(tmp_path / "big.txt"), "-o", str(out), "--max-bytes", "1000")
    record = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 1 and record["error"]["type"] == "too_large"
    assert "--max-bytes" in record["error"]["message"] and record["targets"] == []


def test_limits_apply_to_the_reader_directly() -> None:
    from ocop_extract.errors import TooLarge

    with pytest.raises(TooLarge):
        read(b"x" * 100, "a.txt", Limits(max_bytes=10))


@pytest.mark.parametrize("name, data, kind", [
    ("cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "corrupt"),
    ("cut.docx", b"PK\x03\x04\x14\x00\x00\x00word/document.xml", "corrupt"),
    ("other.zip", b"PK\x03\x04" + b"\x00" * 40, "unsupported"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "corrupt"),
])
def test_broken_files_give_error_records_with_a_reason(name: str, data: bytes, kind: str) -> None:
    record = process_bytes(Path(name).stem, data, name)
    assert record.error is not None and record.error.type == kind, record.error
    assert record.error.message and record.targets == []
