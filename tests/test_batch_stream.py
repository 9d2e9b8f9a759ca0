"""The runners read the paths as they go: no list of the corpus, the same output, pools sized from a peek."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from batch_helpers import make_corpus
from ocop_extract import batch as batch_module
from ocop_extract.batch import run_batch, run_file
from ocop_extract.engines import SerialEngine
from ocop_extract.options import BatchOptions
from ocop_extract.resume import part_path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 40, bad=False)


@pytest.fixture
def pulled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the runner has taken from the walk so far."""
    taken: list[str] = []
    real = batch_module.iter_document_paths

    def counting(paths: Iterable[str | Path]) -> Iterator[str]:
        for path in real(paths):
            taken.append(path)
            yield path

    monkeypatch.setattr(batch_module, "iter_document_paths", counting)
    return taken


class _Lines(io.StringIO):
    """An output that notes how many paths had been taken when each line came."""

    def __init__(self, pulled: list[str]):
        super().__init__()
        self.pulled, self.taken_at = pulled, []

    def write(self, text: str) -> int:
        self.taken_at.append(len(self.pulled))
        return super().write(text)


@pytest.mark.parametrize("workers, ahead", [(1, 2 * 2), (2, 2 * 3 * 2)])
def test_run_batch_takes_paths_as_the_engine_asks(corpus: Path, pulled: list[str], workers: int, ahead: int) -> None:
    out = _Lines(pulled)
    summary = run_batch([corpus], out, batch=BatchOptions(workers=workers, batch_size=2, progress=False))
    assert out.taken_at[0] <= ahead  # a window of batches, not the corpus
    assert len(pulled) == summary.documents == 40
    paths = [json.loads(line)["source"]["path"] for line in out.getvalue().splitlines()]
    assert paths == pulled  # every path peeked or read ahead is written, once, in order


def test_run_file_takes_paths_as_it_goes_after_a_resumed_prefix(corpus: Path, pulled: list[str],
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_file([corpus], out, batch=BatchOptions(workers=1, progress=False))
    whole = out.read_bytes()
    part_path(out).write_bytes(b"".join(whole.splitlines(keepends=True)[:25]))
    out.unlink()
    pulled.clear()
    taken_at: list[int] = []
    summary = run_file([corpus], out, batch=BatchOptions(workers=1, batch_size=2, resume=True, progress=False),
                       function=_noting(pulled, taken_at))
    assert out.read_bytes() == whole and summary.resumed == 25
    assert taken_at[0] <= 25 + 2 * 2
    assert len(taken_at) == 15 and len(pulled) == 40


def _noting(pulled: list[str], taken_at: list[int]):
    def function(doc_id: str, data: bytes, path: str, options):
        from ocop_extract.pipeline import process_bytes

        taken_at.append(len(pulled))
        return process_bytes(doc_id, data, path, options)

    return function


@pytest.mark.parametrize("documents, workers, batch_size, pool", [
    (5, 4, None, 1),      # 5 documents: one batch of 32, no pool worth starting
    (70, 4, None, 3),     # 3 batches of 32
    (20, 4, 2, 4),        # 10 batches of 2
    (80, 2, None, 2),
])
def test_a_pool_gets_no_more_workers_than_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  documents: int, workers: int, batch_size: int | None,
                                                  pool: int) -> None:
    corpus = make_corpus(tmp_path / "c", documents, bad=False)
    asked: list[int | None] = []
    monkeypatch.setattr(batch_module, "make_engine",
                        lambda name, workers=None, scheduler=None: asked.append(workers) or SerialEngine())
    out = io.StringIO()
    summary = run_batch([corpus], out, batch=BatchOptions(workers=workers, batch_size=batch_size, progress=False))
    assert asked == [pool]
    assert summary.documents == documents == out.getvalue().count("\n")


def test_an_empty_corpus_starts_no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_module, "make_engine", lambda *a, **k: pytest.fail("an engine was started"))
    out = io.StringIO()
    assert run_batch([tmp_path], out, batch=BatchOptions(workers=2)).documents == 0
    assert out.getvalue() == ""


def test_documents_are_counted_only_for_a_progress_bar(corpus: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    walks: list[int] = []
    real = batch_module.iter_document_paths
    monkeypatch.setattr(batch_module, "iter_document_paths", lambda paths: walks.append(1) or real(paths))
    out = tmp_path / "out.jsonl"
    run_file([corpus], out, batch=BatchOptions(workers=1, progress=False))
    run_batch([corpus], io.StringIO(), batch=BatchOptions(workers=1, progress=False))
    assert len(walks) == 2  # one walk each: no count
    lines = out.read_bytes().splitlines(keepends=True)
    part_path(out).write_bytes(b"".join(lines[:30]))
    run_file([corpus], out, batch=BatchOptions(workers=1, resume=True, progress=True))
    assert len(walks) == 4  # the run's walk and a counting one
    assert "40/40" in capsys.readouterr().err  # the whole run's count, resumed documents included


def test_an_output_inside_the_corpus_is_not_read_as_a_document(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    docs = make_corpus(tmp_path / "docs", 12, bad=False)
    outside = tmp_path / "outside.jsonl"
    run_file([docs], outside, batch=BatchOptions(workers=2, progress=False))
    inside = docs / "z" / "out.jsonl"  # sorts after every document: its .part is reached while it is written
    summary = run_file([docs], inside, batch=BatchOptions(workers=2, progress=False))
    assert inside.read_bytes() == outside.read_bytes() and summary.documents == 12
    lines = outside.read_bytes().splitlines(keepends=True)
    inside.unlink()
    part_path(inside).write_bytes(b"".join(lines[:5]))
    summary = run_file([docs], inside, batch=BatchOptions(workers=1, resume=True, progress=True))
    assert inside.read_bytes() == outside.read_bytes() and summary.resumed == 5
    assert "12/12" in capsys.readouterr().err
