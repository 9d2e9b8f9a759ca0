"""Run options: one frozen object with every default in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """How a run behaves. `Options()` is the default run.

    >>> Options().explain
    False
    """

    explain: bool = False        # attach to each target the reasons it was kept
    min_confidence: float = 0.5  # targets below this are left out (a wrong number is worse than none)
    indicators: bool = True      # after the pipeline, set each target's indicator and scope place
    max_bytes: int = 100_000_000  # a bigger file gets an error record (--max-bytes)
    time_limit: float = 300.0    # seconds reading one document may take (PDF pages, OCR)
    text_dir: str | None = None  # write there <doc_id>.txt, the text the spans index (--text-dir)
    time_budget: float = 5.0     # seconds per 100 KB (5 s at least) before a document is a "timeout"; 0: none


DEFAULT_OPTIONS = Options()


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs (not what it extracts): engine, workers, resume, progress.

    >>> BatchOptions().engine, BatchOptions().workers
    ('local', None)
    """

    engine: str = "local"             # "local" (this machine) or "dask" (a cluster)
    workers: int | None = None        # local worker processes; None: the machine's cores
    scheduler: str | None = None      # dask scheduler address, with engine="dask"
    resume: bool = False              # keep what an interrupted run to the same file wrote
    progress: bool | None = None      # progress bar on stderr; None: only when it is a terminal
    batch_size: int | None = None     # documents per task; None: the engine's own choice


DEFAULT_BATCH = BatchOptions()
