"""Helpers for the batch, resume, dask and start-up tests: a generated corpus and the CLI in a subprocess."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"


def make_corpus(folder: Path, count: int, repeat: int = 1, bad: bool = True) -> Path:
    """`count` varied documents built from `corpus/*.txt` in nested folders, plus a few bad files.

    Each document shuffles the paragraphs of a seed text and shifts its
    numbers, so no two share content; `repeat` makes each longer. With
    `bad`, an empty, a binary and a non-UTF-8 file are added, which must
    give error records.
    """
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEED_CORPUS.glob("*.txt"))]
    for i in range(count):
        rng = random.Random(i)
        paragraphs = seeds[i % len(seeds)].split("\n\n")
        rng.shuffle(paragraphs)
        text = "\n\n".join(paragraphs * repeat)
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
        path = folder / f"g{i % 7}" / f"doc_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Văn bản số {i}\n{text}", encoding="utf-8")
    if bad:
        (folder / "bad").mkdir(parents=True, exist_ok=True)
        (folder / "bad" / "empty.txt").write_bytes(b"")
        (folder / "bad" / "binary.txt").write_bytes(b"\x00\x01\x02 binary" * 50)
        (folder / "bad" / "latin1.txt").write_bytes("Kế hoạch".encode("utf-8") + b" \xff\xfe\xfa")
    return folder


def cli_env() -> dict[str, str]:
    """The environment for `python -m ocop_extract` run from the source tree, installed or not."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the command line to completion; stdout and stderr captured as text."""
    proc = subprocess.run([sys.executable, "-m", "ocop_extract", *args], capture_output=True,
                          text=True, env=cli_env(), cwd=ROOT, stdin=subprocess.DEVNULL)
    if check and proc.returncode not in (0, 1):
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc
