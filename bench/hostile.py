"""Hostile input: how the time to read one document grows with its size.

Prints, for each pathological pattern, the seconds at 1x, 2x and 4x the size and
the growth factor per doubling (about 2 for linear work; 4 would be quadratic).
No assertion: a figure to watch, run as `python bench/hostile.py [--size N]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocop_extract.pipeline import process_text  # noqa: E402

PATTERNS = {
    "digits and dots": "1.",
    "digits and spaces": "1 ",
    "slashed numbers": "12/",
    "dashed numbers": "10-",
    "number words": "một hai ba ",
    "one long clause list": "Phấn đấu ít nhất 70% sản phẩm; ",
    "sentences": "Đến nay có 5 sản phẩm. ",
    "capital lines": "ỦY BAN NHÂN DÂN\n",
    "table rows": "1 | Sản phẩm | sản phẩm | 25 | 11\n",
    "at signs": "x@y ",
    "newlines": "\n",
}


def seconds(text: str, repeats: int = 3) -> float:
    """The best of `repeats` runs: a run of a few milliseconds is easily slowed by the machine."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        process_text("hostile", text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters at 1x")
    args = parser.parse_args()
    process_text("warm-up", "Phấn đấu có 5 sản phẩm.")
    print(f"{'pattern':24s} {'1x':>8s} {'2x':>8s} {'4x':>8s}  growth per doubling")
    for name, unit in PATTERNS.items():
        times = [seconds(unit * (args.size * k // len(unit))) for k in (1, 2, 4)]
        growth = (times[2] / times[0]) ** 0.5 if times[0] > 0 else float("nan")
        print(f"{name:24s} {times[0]:8.3f} {times[1]:8.3f} {times[2]:8.3f}  {growth:5.2f}")


if __name__ == "__main__":
    main()
