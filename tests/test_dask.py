"""The dask engine: the same pure function over a dask.distributed cluster writes the same output."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from batch_helpers import make_corpus, run_cli
from ocop_extract.batch import run_batch, run_file
from ocop_extract.options import BatchOptions

import distributed  # in the [cluster] and [test] extras
from ocop_extract.engines.cluster import DaskEngine
from ocop_extract.errors import UsageError


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 80)


@pytest.fixture(scope="module")
def local_output(corpus: Path) -> str:
    out = io.StringIO()
    run_batch([corpus], out, batch=BatchOptions(workers=1))
    return out.getvalue()


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, started and stopped by this test module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as cluster:
        yield cluster


@pytest.mark.parametrize("batch_size", [None, 3])
def test_dask_engine_writes_the_local_output(corpus: Path, local_output: str, cluster,
                                             tmp_path: Path, batch_size: int | None) -> None:
    out = tmp_path / "out.jsonl"
    batch = BatchOptions(engine="dask", scheduler=cluster.scheduler_address, batch_size=batch_size)
    summary = run_file([corpus], out, batch=batch)
    assert out.read_text(encoding="utf-8") == local_output
    assert (summary.documents, summary.errors) == (83, 3)


def test_dask_engine_from_the_command_line(corpus: Path, local_output: str, cluster, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = run_cli(str(corpus), "-o", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert proc.returncode == 1, proc.stderr  # the three bad files
    assert out.read_text(encoding="utf-8") == local_output


def test_dask_engine_resumes_a_local_run(corpus: Path, local_output: str, cluster, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    Path(f"{out}.part").write_text("".join(local_output.splitlines(keepends=True)[:40]), encoding="utf-8")
    batch = BatchOptions(engine="dask", scheduler=cluster.scheduler_address, resume=True)
    summary = run_file([corpus], out, batch=batch)
    assert out.read_text(encoding="utf-8") == local_output and summary.resumed == 40


def test_threaded_cluster_too(corpus: Path, local_output: str) -> None:
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster:
        out = io.StringIO()
        run_batch([corpus], out, batch=BatchOptions(engine="dask", scheduler=cluster.scheduler_address))
    assert out.getvalue() == local_output


def test_unreachable_scheduler_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="cannot reach the dask scheduler"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1)
