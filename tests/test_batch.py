"""Batch runs: the same bytes for any number of workers, in path order, with nothing dropped."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from batch_helpers import make_corpus, run_cli
from ocop_extract.batch import find_documents, run_batch, run_file, stream_lines
from ocop_extract.engines import SerialEngine, make_engine, ordered_window
from ocop_extract.engines import pool
from ocop_extract.engines.pool import PoolEngine
from ocop_extract.errors import UsageError
from ocop_extract.options import BatchOptions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 60)


@pytest.fixture(scope="module")
def serial_output(corpus: Path) -> str:
    out = io.StringIO()
    run_batch([corpus], out, batch=BatchOptions(workers=1))
    return out.getvalue()


def test_one_line_per_document_in_path_order(corpus: Path, serial_output: str) -> None:
    records = [json.loads(line) for line in serial_output.splitlines()]
    paths = [r["source"]["path"] for r in records]
    assert paths == [str(p) for p in find_documents([corpus])]
    assert paths == sorted(paths) and len(paths) == 63


def test_bad_files_give_error_records_not_gaps(serial_output: str) -> None:
    errors = {Path(r["source"]["path"]).name: r["error"]["type"]
              for r in map(json.loads, serial_output.splitlines()) if r["error"]}
    assert errors == {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "undecodable"}


@pytest.mark.parametrize("workers, batch_size", [(2, None), (2, 1), (3, 5)])
def test_workers_write_the_same_bytes_as_one(corpus: Path, serial_output: str,
                                             workers: int, batch_size: int | None) -> None:
    out = io.StringIO()
    summary = run_batch([corpus], out, batch=BatchOptions(workers=workers, batch_size=batch_size))
    assert out.getvalue() == serial_output
    assert (summary.documents, summary.errors) == (63, 3)


def test_spawned_workers_write_the_same_bytes(corpus: Path, serial_output: str) -> None:
    engine = PoolEngine(2, start_method="spawn")
    try:
        lines = [done.line for done in stream_lines(find_documents([corpus]), engine, batch_size=4)]
    finally:
        engine.close()
    assert "\n".join(lines) + "\n" == serial_output


def test_replaced_workers_write_the_same_bytes(corpus: Path, serial_output: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_TASKS_PER_WORKER", 2)  # a fresh worker every 2 batches
    engine = PoolEngine(2)
    try:
        first = set(child.pid for child in engine._pool._pool)
        lines = [done.line for done in stream_lines(find_documents([corpus]), engine, batch_size=3)]
        now = set(child.pid for child in engine._pool._pool)
    finally:
        engine.close()
    assert "\n".join(lines) + "\n" == serial_output
    assert now - first, "the workers were replaced along the way"


def test_cli_workers_one_and_two_agree(corpus: Path, tmp_path: Path) -> None:
    one = run_cli(str(corpus), "--workers", "1")
    two = run_cli(str(corpus), "--workers", "2", "-o", str(tmp_path / "two.jsonl"))
    assert one.returncode == two.returncode == 1  # the bad files are errors
    assert (tmp_path / "two.jsonl").read_text(encoding="utf-8") == one.stdout
    assert not (tmp_path / "two.jsonl.part").exists()
    assert "63 documents" in two.stderr


def test_a_failing_document_becomes_an_internal_error_record(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kế hoạch", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kế hoạch khác", encoding="utf-8")
    out = io.StringIO()
    summary = run_batch([tmp_path], out, batch=BatchOptions(workers=1), function=_fails_on_b)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["doc_id"] for r in records] == ["a", "b"]
    assert records[0]["error"] is None
    assert records[1]["error"] == {"type": "internal", "message": "ValueError: cannot handle b"}
    assert records[1]["source"]["sha256"]
    assert summary.errors == 1


def _fails_on_b(doc_id: str, data: bytes, path: str, options):
    """A per-document function with a bug that shows on one document."""
    from ocop_extract.pipeline import process_bytes

    if doc_id == "b":
        raise ValueError("cannot handle b")
    return process_bytes(doc_id, data, path, options)


def test_output_file_is_replaced_only_when_the_run_ends(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old complete output\n", encoding="utf-8")
    with pytest.raises(UsageError):
        run_file([corpus, tmp_path / "missing"], target)
    assert target.read_text(encoding="utf-8") == "old complete output\n"
    run_file([corpus], target, batch=BatchOptions(workers=2))
    assert target.read_text(encoding="utf-8").count("\n") == 63


def test_the_window_bounds_what_is_in_flight() -> None:
    """Memory stays flat: results are yielded while later tasks are still unread."""
    pulled = []

    def tasks():
        for i in range(10_000):
            pulled.append(i)
            yield (i,)

    results = ordered_window(lambda task: task[0], lambda r: r, tasks(), window=4)
    assert next(results) == 0
    assert len(pulled) == 4
    assert list(results) == list(range(1, 10_000))


def test_serial_engine_streams_documents_lazily(corpus: Path) -> None:
    documents = find_documents([corpus])
    stream = stream_lines(documents, SerialEngine(), batch_size=2)
    first = next(stream)
    assert json.loads(first.line)["source"]["path"] == str(documents[0])


@pytest.mark.parametrize("request_, message", [
    (dict(name="local", workers=0), "at least 1"),
    (dict(name="local", scheduler="tcp://x:1"), "--engine dask"),
    (dict(name="dask"), "--scheduler"),
    (dict(name="ray"), "unknown engine"),
])
def test_impossible_engine_requests_are_usage_errors(request_: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        make_engine(**request_)


def test_cli_usage_errors_exit_2(corpus: Path) -> None:
    assert run_cli(str(corpus), "--resume", check=False).returncode == 2
    assert run_cli(str(corpus), "--workers", "0", check=False).returncode == 2
    assert run_cli(str(corpus), "--engine", "dask", check=False).returncode == 2
