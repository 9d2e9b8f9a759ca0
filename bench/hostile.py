"""Hostile input: how the time to read one document grows with its size, and 10 MB pathological texts.

Prints, for each pathological pattern, the seconds at 1x, 2x and 4x the size and
the growth factor per doubling (about 2 for linear work; 4 would be quadratic);
then the seconds each 10 MB text of `BIG` takes through `pipeline.process_bytes`
(no time budget), with its targets and warnings. No assertion: figures to watch,
run as `python bench/hostile.py [--size N] [--big-size BYTES] [--no-big]`.
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
    "slashes": "/",
    "bars": "|",
    "ít nhất": "ít nhất ",
    "figures, no final mark": "Phấn đấu có ít nhất 70% sản phẩm đạt 3 sao, hỗ trợ 12 hợp tác xã ",
}


def _dotted(size: int) -> str:
    """One line of digits and dots: "1.2.3.4.…"."""
    return ".".join(str(i % 10) for i in range(size // 2 + 1))[:size]


def _one_line(size: int) -> str:
    """The annotated documents with every line break made a blank: one line without a newline."""
    root = Path(__file__).resolve().parent.parent
    paths = sorted(root.glob("corpus/*.txt")) + sorted(root.glob("tests/gold/*/docs/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return _fill(" ".join(" ".join(t.split()) for t in texts) + " ", size)


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to `size` bytes of UTF-8 (about)."""
    per = len(unit.encode())
    return unit * max(1, size // per)


# The pathological texts of 10 MB: name -> how to make one of about `size` bytes.
_ROW = "1 | Sản phẩm OCOP công nhận mới | sản phẩm | 25 | 11\n"
BIG = {
    'a line of "1.2.3.…"': _dotted,
    '"ít nhất " repeated (200,000 times and more)': lambda size: _fill("ít nhất ", size),
    'a million "/" and more': lambda size: "/" * size,
    "one line without a newline (the annotated documents)": _one_line,
    'rows of "|" cells': lambda size: _fill(_ROW, size),
    'a table: header, then "|" rows': lambda size: "STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện\n" + _fill(_ROW, size),
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
    parser.add_argument("--big-size", type=int, default=10_000_000, help="bytes of each text of BIG")
    parser.add_argument("--no-big", action="store_true", help="leave out the texts of BIG")
    args = parser.parse_args()
    process_text("warm-up", "Phấn đấu có 5 sản phẩm.")
    print(f"{'pattern':24s} {'1x':>8s} {'2x':>8s} {'4x':>8s}  growth per doubling")
    for name, unit in PATTERNS.items():
        times = [seconds(unit * (args.size * k // len(unit))) for k in (1, 2, 4)]
        growth = (times[2] / times[0]) ** 0.5 if times[0] > 0 else float("nan")
        print(f"{name:24s} {times[0]:8.3f} {times[1]:8.3f} {times[2]:8.3f}  {growth:5.2f}", flush=True)
    if not args.no_big:
        big(args.big_size)


def big(size: int) -> None:
    """Time each text of `BIG`, once, through the pipeline as a batch reads a file."""
    from ocop_extract.pipeline import process_bytes

    print(f"\n{'text of about ' + format(size, ',') + ' bytes':54s} {'bytes':>11s} {'seconds':>8s} {'targets':>8s}")
    for name, make in BIG.items():
        data = make(size).encode()
        started = time.perf_counter()
        record = process_bytes("hostile", data)
        took = time.perf_counter() - started
        said = f"  error {record.error.type}" if record.error else ""
        print(f"{name:54s} {len(data):11,d} {took:8.2f} {len(record.targets):8,d}{said}", flush=True)


if __name__ == "__main__":
    main()
