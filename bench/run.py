"""Benchmark: how fast a batch runs, how it scales to 2 workers, how much memory it takes.

    python bench/run.py --docs 10000            # figures for the README
    python bench/run.py --docs 50000            # memory must be no higher than at 10,000

Builds a synthetic corpus of N documents from `corpus/` (see `synth.py`) in a
temporary folder, then, in one run, prints:

- characters per second per worker, end to end: `python -m ocop_extract
  CORPUS -o FILE --workers W` as a subprocess (start-up, reading, extraction,
  JSON, durable writing), for 1 and 2 workers (and --workers W if other);
- documents per second, and the speed-up from 1 to 2 workers;
- peak memory of each run's whole process tree (the sum of proportional set
  sizes, sampled from /proc; RSS where PSS is unavailable);
- the pipeline alone, in this process (no start-up, no writing);
- the ratio to one underthesea `word_tokenize` pass over the text of the
  same corpus (`--tokenize-docs` documents of it, 0 for all of them).

It prints figures and checks that every worker count wrote the same bytes;
it asserts nothing about time (a benchmark is not a test).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import synth  # noqa: E402

TARGETS = {"chars_per_worker": 1_000_000, "vs_tokenize": 5.0, "peak_mb": 400, "speedup": 1.7}


class TreeMemory:
    """Samples the memory of a process and all its descendants until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_memory_kb(p) for p in _tree(self.pid)))
            self._stop.wait(self.interval)


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _memory_kb(pid: int) -> int:
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(name).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


def run_cli(corpus: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """One end-to-end run as a subprocess; (seconds, peak tree memory in MB, CPU seconds of the tree)."""
    cpu_before = _children_cpu()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "ocop_extract", str(corpus), "-o", str(out),
                             "--workers", str(workers), "--no-progress"],
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if not _linux():
        _, err = proc.communicate()
        peak = 0.0
    else:
        with TreeMemory(proc.pid) as memory:
            _, err = proc.communicate()
        peak = memory.peak_kb / 1024
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run with {workers} workers failed:\n{err.decode(errors='replace')}")
    return seconds, peak, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pipeline_in_process(texts: list[tuple[str, bytes]]) -> float:
    """Seconds for the per-document function plus JSON over `texts`, in this process, warm."""
    from ocop_extract.engines.work import Item, process_item

    process_item(Item("warm.txt", texts[0][1]))
    gc.freeze()  # as a run does after its first batch: what is loaded once is not scanned again
    started = time.perf_counter()
    for path, data in texts:
        process_item(Item(path, data))
    return time.perf_counter() - started


def tokenize_pass(texts: list[str]) -> float:
    """Seconds for one underthesea `word_tokenize` over `texts` (warm: the model load is not counted)."""
    from underthesea import word_tokenize

    word_tokenize(texts[0][:200])
    gc.freeze()  # the same treatment as the pipeline gets
    started = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    return time.perf_counter() - started


def _linux() -> bool:
    return Path("/proc/self/stat").exists()


def _mark(ok: bool) -> str:
    return "meets target" if ok else "BELOW TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic corpus")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="also time this many workers (1 and 2 are always timed)")
    parser.add_argument("--tokenize-docs", type=int, default=1000,
                        help="documents for the underthesea pass (0: the whole corpus)")
    parser.add_argument("--in-process-docs", type=int, default=2000,
                        help="documents for the in-process pipeline figure (0: the whole corpus)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--format-docs", type=int, default=50,
                        help="documents rendered as HTML and PDF for the reader figures (0: none; see readers.py)")
    parser.add_argument("--scan-docs", type=int, default=4, help="of those, scanned and read by OCR")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    with tempfile.TemporaryDirectory(prefix="ocop_bench_") as tmp:
        corpus = args.keep or Path(tmp) / "corpus"
        started = time.perf_counter()
        docs, chars = synth.build(corpus, args.docs)
        print(f"corpus: {docs:,} documents, {chars:,} characters "
              f"({chars / docs:,.0f} per document), built in {time.perf_counter() - started:.1f} s")
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")

        runs: dict[int, tuple[float, float, float]] = {}
        outputs: dict[int, bytes] = {}
        for workers in sorted({1, 2, args.workers}):
            out = Path(tmp) / f"out_{workers}.jsonl"
            runs[workers] = run_cli(corpus, out, workers)
            outputs[workers] = out.read_bytes()
            seconds, peak, cpu = runs[workers]
            print(f"--workers {workers}: {seconds:7.2f} s  {docs / seconds:9,.0f} docs/s  "
                  f"{chars / seconds / workers:12,.0f} chars/s per worker  peak memory {peak:6.1f} MB  "
                  f"CPU {cpu:7.2f} s")
            out.unlink()
        same = len(set(outputs.values())) == 1
        print(f"outputs identical across worker counts: {'yes' if same else 'NO'}")
        del outputs

        paths = sorted(corpus.rglob("*.txt"))
        sample = paths[: args.in_process_docs or None]
        texts = [(str(p), p.read_bytes()) for p in sample]
        sample_chars = sum(len(d.decode("utf-8")) for _, d in texts)
        in_process = sample_chars / pipeline_in_process(texts)
        print(f"pipeline alone, in process ({len(sample):,} documents): {in_process:,.0f} chars/s")

        if args.format_docs:
            import readers

            reader_texts = [p.read_text(encoding="utf-8") for p in paths[: args.format_docs]]
            for line in readers.reader_figures(reader_texts, args.scan_docs):
                print(f"reader, {line}")

        token_paths = paths[: args.tokenize_docs or None]
        token_texts = [p.read_text(encoding="utf-8") for p in token_paths]
        token_chars = sum(map(len, token_texts))
        tokenize = token_chars / tokenize_pass(token_texts)
        print(f"underthesea word_tokenize ({len(token_paths):,} documents, {token_chars:,} chars): "
              f"{tokenize:,.0f} chars/s")

    t1, t2 = runs[1][0], runs[2][0]
    per_worker = chars / t1
    speedup = t1 / t2
    peak = max(p for _, p, _ in runs.values())
    print(f"\nsummary (machine: {os.cpu_count()} cores; load average before the run {load:.2f}: "
          "other work on the machine lowers the speed-up)")
    print(f"  chars/s per worker (1 worker, end to end): {per_worker:12,.0f}   "
          f"target >= {TARGETS['chars_per_worker']:,}: {_mark(per_worker >= TARGETS['chars_per_worker'])}")
    print(f"  docs/s (1 worker / 2 workers):       {docs / t1:8,.0f} / {docs / t2:,.0f}")
    print(f"  speed-up 1 -> 2 workers:             {speedup:8.2f}x     "
          f"target >= {TARGETS['speedup']}x: {_mark(speedup >= TARGETS['speedup'])}")
    cpu_bound = 2 * runs[1][2] / runs[2][2]
    print(f"  speed-up the CPU work allows:        {cpu_bound:8.2f}x     "
          "(2 x CPU seconds of 1 worker / CPU seconds of 2: what an idle 2-core machine would give)")
    print(f"  ratio to underthesea word_tokenize:  {per_worker / tokenize:8.1f}x     "
          f"target >= {TARGETS['vs_tokenize']}x: {_mark(per_worker / tokenize >= TARGETS['vs_tokenize'])}")
    print(f"  peak memory, process tree:           {peak:8.1f} MB   "
          f"target < {TARGETS['peak_mb']} MB: {_mark(peak < TARGETS['peak_mb'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
