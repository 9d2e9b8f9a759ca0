"""--resume: a run killed part way and started again ends with exactly the uninterrupted output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_helpers import ROOT, cli_env, make_corpus, run_cli
from ocop_extract.batch import find_documents, run_file
from ocop_extract.options import BatchOptions
from ocop_extract.resume import part_path, verified_prefix


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Long enough documents that a run lasts a few seconds, so it can be killed part way.
    return make_corpus(tmp_path_factory.mktemp("corpus"), 300, repeat=6)


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "out.jsonl"
    run_cli(str(corpus), "-o", str(out), "--workers", "2")
    return out.read_bytes()


def _kill_part_way(args: list[str], part: Path, min_lines: int) -> int:
    """Start the CLI, SIGKILL it (and its workers) once `part` holds `min_lines` lines; return them."""
    proc = subprocess.Popen([sys.executable, "-m", "ocop_extract", *args], env=cli_env(), cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while proc.poll() is None:
            if part.exists() and part.read_bytes().count(b"\n") >= min_lines:
                os.killpg(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    return part.read_bytes().count(b"\n")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_run_resumes_to_the_uninterrupted_output(corpus: Path, uninterrupted: bytes,
                                                        tmp_path: Path, workers: str) -> None:
    out = tmp_path / "out.jsonl"
    written = _kill_part_way([str(corpus), "-o", str(out), "--workers", workers], part_path(out), 20)
    assert not out.exists()
    assert 20 <= written < 303
    resumed = run_cli(str(corpus), "-o", str(out), "--resume", "--workers", workers)
    assert out.read_bytes() == uninterrupted
    assert not part_path(out).exists()
    assert f"({written} resumed)" in resumed.stderr
    assert "303 documents" in resumed.stderr and "3 errors" in resumed.stderr


def test_torn_last_line_is_dropped_and_redone(corpus: Path, uninterrupted: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = uninterrupted.splitlines(keepends=True)
    part_path(out).write_bytes(b"".join(lines[:50]) + lines[50][: len(lines[50]) // 2])
    summary = run_file([corpus], out, batch=BatchOptions(workers=2, resume=True))
    assert out.read_bytes() == uninterrupted
    assert summary.resumed == 50 and summary.documents == 303


def test_changed_document_is_redone_with_everything_after_it(corpus: Path, uninterrupted: bytes,
                                                             tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    make_corpus(docs, 30)
    out = tmp_path / "out.jsonl"
    run_file([docs], out, batch=BatchOptions(workers=1))
    out.rename(part_path(out))  # as if killed just before the end
    changed = find_documents([docs])[10]
    changed.write_text("Kế hoạch sửa lại: 12 sản phẩm.", encoding="utf-8")
    summary = run_file([docs], out, batch=BatchOptions(workers=1, resume=True))
    assert summary.resumed == 10
    fresh = tmp_path / "fresh.jsonl"
    run_file([docs], fresh, batch=BatchOptions(workers=1))
    assert out.read_bytes() == fresh.read_bytes()


def test_resume_of_a_complete_file_does_nothing(corpus: Path, uninterrupted: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(uninterrupted)
    before = out.stat().st_mtime_ns
    summary = run_file([corpus], out, batch=BatchOptions(resume=True))
    assert out.read_bytes() == uninterrupted and out.stat().st_mtime_ns == before
    assert (summary.resumed, summary.documents, summary.errors) == (303, 303, 3)
    assert not part_path(out).exists()


def test_resume_of_a_complete_file_of_fewer_documents_extends_it(corpus: Path, uninterrupted: bytes,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(uninterrupted.splitlines(keepends=True)[:100]))
    summary = run_file([corpus], out, batch=BatchOptions(workers=2, resume=True))
    assert out.read_bytes() == uninterrupted and summary.resumed == 100


def test_without_resume_a_stale_part_is_started_over(corpus: Path, uninterrupted: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    part_path(out).write_bytes(b'{"doc_id": "stale"}\n' * 5)
    summary = run_file([corpus], out, batch=BatchOptions(workers=2))
    assert out.read_bytes() == uninterrupted and summary.resumed == 0


def test_prefix_stops_at_a_record_out_of_place(corpus: Path, uninterrupted: bytes, tmp_path: Path) -> None:
    lines = uninterrupted.splitlines(keepends=True)
    part = tmp_path / "x.part"
    part.write_bytes(lines[0] + lines[2] + lines[1])
    documents = find_documents([corpus])
    prefix, rest = verified_prefix(part, documents)
    assert (prefix.done, prefix.offset) == (1, len(lines[0]))
    assert list(rest) == documents[1:]


def test_prefix_reads_a_stream_of_documents_one_past_what_it_keeps(corpus: Path, uninterrupted: bytes,
                                                                   tmp_path: Path) -> None:
    lines = uninterrupted.splitlines(keepends=True)
    part = tmp_path / "x.part"
    part.write_bytes(b"".join(lines[:40]) + lines[41] + lines[40])
    documents = find_documents([corpus])
    read: list[Path] = []

    def stream():
        for path in documents:
            read.append(path)
            yield path

    prefix, rest = verified_prefix(part, stream())
    assert prefix.done == 40 and len(read) == 41
    assert list(rest) == documents[40:]  # the document whose line failed comes first


def test_prefix_of_more_lines_than_documents_keeps_one_per_document(corpus: Path, uninterrupted: bytes,
                                                                    tmp_path: Path) -> None:
    part = tmp_path / "x.part"
    part.write_bytes(uninterrupted)
    documents = find_documents([corpus])[:10]
    prefix, rest = verified_prefix(part, iter(documents))
    assert prefix.done == 10 and list(rest) == []


def test_resume_of_a_finished_file_drops_the_records_of_vanished_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    make_corpus(docs, 12, bad=False)
    out = tmp_path / "out.jsonl"
    run_file([docs], out, batch=BatchOptions(workers=1))
    find_documents([docs])[-1].unlink()
    summary = run_file([docs], out, batch=BatchOptions(workers=1, resume=True))
    fresh = tmp_path / "fresh.jsonl"
    run_file([docs], fresh, batch=BatchOptions(workers=1))
    assert out.read_bytes() == fresh.read_bytes() and fresh.read_bytes().count(b"\n") == 11
    assert (summary.resumed, summary.documents) == (11, 11)


def test_unreadable_error_records_are_kept_when_still_unreadable(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    make_corpus(docs, 3)
    out = tmp_path / "out.jsonl"
    run_file([docs], out, batch=BatchOptions(workers=1))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(r["source"]["sha256"] for r in records)  # even empty and binary files carry a hash
    out.rename(part_path(out))
    summary = run_file([docs], out, batch=BatchOptions(workers=1, resume=True))
    assert summary.resumed == 6 and summary.errors == 3
