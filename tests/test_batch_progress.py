"""The progress bar: drawn on a terminal (documents, rate, errors), silent otherwise."""

from __future__ import annotations

import io
import re
from pathlib import Path

from batch_helpers import make_corpus, run_cli
from ocop_extract.progress import Progress


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def test_bar_shows_documents_rate_and_errors_on_a_terminal() -> None:
    stream = _Terminal()
    bar = Progress(total=10, initial=2, stream=stream)
    bar.update(3, errors=1)
    bar.update(5)
    bar.close()
    drawn = stream.getvalue()
    assert "10/10" in drawn and "doc/s" in drawn and "errors=1" in drawn


def test_bar_is_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = Progress(total=10, stream=stream)
    bar.update(10, errors=2)
    bar.close()
    assert stream.getvalue() == ""


def test_cli_stderr_is_only_the_summary_when_piped(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 12)
    proc = run_cli(str(corpus), "--workers", "2", "-o", str(tmp_path / "out.jsonl"))
    lines = proc.stderr.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(r"ocop_extract: 15 documents, \d+ targets, 3 errors, [\d.]+ s", lines[0]), lines


def test_cli_progress_can_be_forced(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 5, bad=False)
    proc = run_cli(str(corpus), "--progress", "-o", str(tmp_path / "out.jsonl"))
    assert "5/5" in proc.stderr and "errors=0" in proc.stderr
