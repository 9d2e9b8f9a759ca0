"""The command line end to end: records, summary, bad input, exit status, validation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ocop_extract", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, list[dict]]:
    out = tmp_path_factory.mktemp("run") / "records.jsonl"
    proc = cli(str(CORPUS), "-o", str(out))
    return proc, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_corpus_gives_five_valid_records(corpus_run, tmp_path):
    proc, records = corpus_run
    assert proc.returncode == 0, proc.stderr
    assert [r["doc_id"] for r in records] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert all(r["error"] is None and r["targets"] for r in records)
    assert "5 documents" in proc.stderr and "0 errors" in proc.stderr
    out = tmp_path / "r.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert cli("validate", str(out)).returncode == 0


def test_every_span_points_at_its_text(corpus_run):
    _, records = corpus_run
    for record in records:
        source = Path(record["source"]["path"]).read_text(encoding="utf-8")
        for t in record["targets"]:
            assert source[t["span"][0]:t["span"][1]] == t["text"]


def test_stdout_output_is_deterministic():
    first, second = cli("corpus"), cli("corpus")
    assert first.returncode == 0 and first.stdout == second.stdout
    assert len(first.stdout.splitlines()) == 5


def test_dash_output_means_stdout(tmp_path):
    proc = cli("corpus", "-o", "-", cwd=ROOT)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 5
    assert not (ROOT / "-").exists()


def test_bad_files_get_error_records_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text("Phấn đấu năm 2024 có ít nhất 30 sản phẩm OCOP.", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "d_latin1.txt").write_bytes(b"K\xea ho\xb9ch n\xe3m 2024: 30 s\xb6n ph\xa9m")
    (tmp_path / "e_good.txt").write_text("Đến nay toàn tỉnh có 146 sản phẩm OCOP.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = cli(str(tmp_path), "-o", str(out))
    assert proc.returncode == 1
    records = {r["doc_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(records) == {"a_good", "b_empty", "c_binary", "d_latin1", "e_good"}
    assert records["b_empty"]["error"]["type"] == "empty"
    assert records["c_binary"]["error"]["type"] == "binary"
    assert records["d_latin1"]["error"]["type"] == "undecodable"
    assert records["a_good"]["targets"][0]["value"] == 30
    assert records["e_good"]["targets"][0]["status"] == "actual"
    assert "3 errors" in proc.stderr


def test_unreadable_file_is_reported(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    (folder / "inner.txt").write_text("Tổ chức 02 hội chợ.", encoding="utf-8")
    proc = cli(str(folder))
    assert proc.returncode == 0 and json.loads(proc.stdout)["targets"][0]["value"] == 2


def test_missing_path_is_a_usage_error_not_a_traceback(tmp_path):
    proc = cli(str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr


def test_no_arguments_is_a_usage_error():
    assert cli().returncode == 2


def test_validate_names_line_and_field(tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = json.loads(cli("corpus/000_7e323b54cade7752.txt").stdout)
    broken = json.loads(json.dumps(good))
    broken["targets"][0]["comparator"] = "about"
    bad.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(broken, ensure_ascii=False) + "\n{\n",
                   encoding="utf-8")
    proc = cli("validate", str(bad))
    assert proc.returncode == 1
    assert "bad.jsonl:2: targets/0/comparator" in proc.stderr
    assert "bad.jsonl:3: not JSON" in proc.stderr


def test_explain_says_why(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("Năm 2024, huyện phấn đấu có ít nhất 05 sản phẩm đạt 3 sao trở lên.", encoding="utf-8")
    record = json.loads(cli(str(f), "--explain").stdout)
    why = " ".join(record["targets"][0]["explain"])
    assert "ít nhất" in why and "2024" in why and "count_with_unit" == record["targets"][0]["rule"]


def test_schema_in_repository_matches_models():
    assert cli("schema", "--check").returncode == 0


def test_evaluate_prints_figures():
    proc = cli("evaluate", "--gold", "tests/gold/seeds.gold.jsonl", "corpus", "--json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["targets"]["f1"] > 0.9 and data["grounded_spans"] == 1.0
