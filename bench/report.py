"""Benchmark of the HTML report: its size and how long it takes to build and to open.

    python bench/report.py --docs 1000

Builds a synthetic corpus of N documents from `corpus/` (`synth.py`), writes its
records once (`python -m ocop_extract CORPUS -o records.jsonl`), then prints:

- the time `python -m ocop_extract report records.jsonl -o report.html` takes,
  start-up included (the records are read, not extracted again), and the time
  from the documents (extraction included);
- the size of the file, and how many items it highlights;
- with Chromium installed: the times the page itself reports (`data-ready-ms`:
  from the start of navigation to its script done, the whole page parsed and the
  chart drawn; `data-load-ms`: the load event), and the wall-clock time of a
  headless screenshot of the first screen less that of an empty page (so
  browser start-up is left out), each the best of `--repeat` runs.

It prints figures and asserts nothing about time (a benchmark is not a test).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402


def _timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True)
    return time.perf_counter() - started


def _chromium(browser: str, url: str, profile: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={profile}", *args, url],
                          capture_output=True, text=True, timeout=600)
    return time.perf_counter() - started, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    py = [sys.executable, "-m", "ocop_extract"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synth.build(root / "corpus", args.docs)
        records = root / "records.jsonl"
        subprocess.run([*py, str(root / "corpus"), "-o", str(records)], check=True, capture_output=True)
        page = root / "report.html"
        from_records = min(_timed([*py, "report", str(records), "-o", str(page)]) for _ in range(args.repeat))
        from_docs = _timed([*py, "report", str(root / "corpus"), "-o", str(root / "r2.html")])
        html = page.read_text(encoding="utf-8")
        items = int(re.search(r'<body data-items="(\d+)"', html).group(1))
        print(f"documents                     {args.docs}")
        print(f"report file                   {page.stat().st_size / 1e6:.1f} MB, {items:,} highlighted items")
        print(f"build from records            {from_records:.2f} s")
        print(f"build from documents          {from_docs:.2f} s (extraction included)")
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser is None:
            print("chromium not installed: load time not measured")
            return 0
        empty = root / "empty.html"
        empty.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
        runs = [_chromium(browser, page.as_uri(), root / "p", "--dump-dom") for _ in range(args.repeat)]
        ready = min(int(re.search(r'data-ready-ms="(\d+)"', dom).group(1)) for _, dom in runs)
        load = min(int(re.search(r'data-load-ms="(\d+)"', dom).group(1)) for _, dom in runs)
        print(f"page script done (in page)    {ready} ms after navigation start")
        print(f"load event (in page)          {load} ms after navigation start")
        shot = ("--window-size=1280,1000", f"--screenshot={root / 'shot.png'}")
        base = min(_chromium(browser, empty.as_uri(), root / "p", *shot)[0] for _ in range(args.repeat))
        first = min(_chromium(browser, page.as_uri(), root / "p", *shot)[0] for _ in range(args.repeat))
        print(f"first screen, headless        {first - base:.2f} s more than an empty page "
              f"(which takes {base:.2f} s: browser start-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
