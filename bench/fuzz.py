"""Fuzzing at scale: a million hostile inputs through the pipeline, every record checked.

Input i is made by family i mod len(FAMILIES) from `random.Random(f"{seed}:{i}")`
(`tests/fuzz/families.py`), so any input can be made again from its number:
`--only I` runs that one input and writes it to --save. Each input goes through
`tests/fuzz/checks.py` (no exception escapes, strict JSON valid against the
schema, every span grounded). Prints the counts per family and outcome, the
time per input, and the slowest input with its size; inputs with problems are
saved to --save DIR. No assertion: exit status 1 when any input had a problem.

    python bench/fuzz.py --inputs 1000000 --workers 2
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from fuzz.checks import check  # noqa: E402
from fuzz.families import FAMILIES, RandomDraw, seed_texts  # noqa: E402

CHUNK = 2_000


def make(seed: int, i: int) -> tuple[str, bytes]:
    """Input number `i`: its family's name and its bytes."""
    family = FAMILIES[i % len(FAMILIES)]
    return family.name, family.make(RandomDraw(random.Random(f"{seed}:{i}")))


def run_chunk(job: tuple[int, int, int]) -> tuple[Counter, list, tuple, float, int]:
    """Check inputs [first, first + count): counts, problems, slowest, seconds and bytes in all."""
    seed, first, count = job
    counts: Counter = Counter()
    problems = []
    slowest = (0.0, -1, 0, "")
    total, size = 0.0, 0
    for i in range(first, first + count):
        name, data = make(seed, i)
        family = FAMILIES[i % len(FAMILIES)]
        outcome = check(data, "fuzz" + family.suffix)
        said = "left out" if outcome.left_out else "warnings" if outcome.warnings else "ok"
        counts[(name, outcome.error or said)] += 1
        counts[("targets", name)] += outcome.targets
        total, size = total + outcome.seconds, size + len(data)
        if outcome.seconds > slowest[0]:  # timed again: a first use may load a model or a lexicon
            seconds = min(outcome.seconds, check(data, "fuzz" + family.suffix).seconds)
            slowest = max(slowest, (seconds, i, len(data), name))
        if outcome.problems or outcome.left_out:  # an item left out is a bug contained: show it too
            problems.append((i, name, outcome.problems[:3] or outcome.left_out[:3]))
    return counts, problems, slowest, total, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--save", default="out/fuzz", help="folder for the inputs that had problems, and the slowest")
    parser.add_argument("--only", type=int, metavar="I", help="make and check input I alone")
    args = parser.parse_args()
    save = Path(args.save)
    for text in seed_texts():  # warm-up: lexicons, patterns and models load once, before the workers fork
        check(text.encode())
    if args.only is not None:
        name, data = make(args.seed, args.only)
        save.mkdir(parents=True, exist_ok=True)
        (save / f"input-{args.only}.bin").write_bytes(data)
        outcome = check(data)
        print(f"input {args.only} ({name}, {len(data)} bytes): {outcome}")
        return 1 if outcome.problems else 0
    jobs = [(args.seed, first, min(CHUNK, args.inputs - first)) for first in range(0, args.inputs, CHUNK)]
    counts: Counter = Counter()
    problems: list = []
    slowest = (0.0, -1, 0, "")
    seconds = size = done = 0
    started = time.perf_counter()
    with Pool(args.workers) as pool:
        for c, p, s, t, b in pool.imap_unordered(run_chunk, jobs):
            counts.update(c)
            problems += p
            slowest = max(slowest, s)
            seconds, size, done = seconds + t, size + b, done + sum(v for k, v in c.items() if k[0] != "targets")
            print(f"\r{done:,} inputs, {len(problems)} with problems, {time.perf_counter() - started:.0f} s",
                  end="", file=sys.stderr, flush=True)
    wall = time.perf_counter() - started
    print(file=sys.stderr)
    _report(counts, problems, slowest, seconds, size, done, wall, args)
    save.mkdir(parents=True, exist_ok=True)
    for i, _, _ in problems[:100]:
        (save / f"input-{i}.bin").write_bytes(make(args.seed, i)[1])
    if slowest[1] >= 0:
        (save / "slowest.bin").write_bytes(make(args.seed, slowest[1])[1])
    return 1 if problems else 0


def _report(counts: Counter, problems: list, slowest: tuple, seconds: float, size: int, done: int,
            wall: float, args) -> None:
    print(f"{done:,} inputs ({size / 1e6:,.1f} MB) in {wall:,.0f} s with {args.workers} worker(s); "
          f"pipeline {seconds:,.0f} s, {seconds / max(done, 1) * 1e3:.2f} ms per input")
    print(f"{'family':34s} {'outcome':12s} {'inputs':>9s}")
    for (name, outcome), n in sorted(counts.items()):
        if name != "targets":
            print(f"{name:34s} {outcome:12s} {n:9,d}")
    for (kind, name), n in sorted(counts.items()):
        if kind == "targets":
            print(f"{'targets from ' + name:47s} {n:9,d}")
    print(f"slowest: input {slowest[1]} ({slowest[3]}), {slowest[2]:,} bytes, {slowest[0] * 1e3:.1f} ms")
    print(f"inputs with problems: {len(problems)}")
    for i, name, said in problems[:20]:
        print(f"  input {i} ({name}): {said[0][:300]}")


if __name__ == "__main__":
    sys.exit(main())
