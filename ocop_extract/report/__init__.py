"""The report a person opens in a browser: `python -m ocop_extract report PATH… -o report.html`.

One self-contained HTML file (no network): an overview of the documents, a
province × year table per indicator with targets beside actuals, a chart of
targets and actuals over the years for a chosen indicator, and every text with
its targets, dates, references, issuer and places highlighted (`build.py`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .build import build_report


def run_report(paths: list[str], output: str) -> int:
    """The `report` command: read the inputs, write the page atomically; a summary on stderr. Exit status."""
    from ..indicators.inputs import iter_inputs

    pairs, problems = [], 0
    for item in iter_inputs(paths):
        if item.warning:
            problems += 1
            print(f"ocop_extract: {item.warning}", file=sys.stderr)
        else:
            pairs.append((item.record, item.source))
    html = build_report(pairs)
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(html)
    os.replace(tmp, target)
    errors = sum(1 for r, _ in pairs if r.error)
    print(f"ocop_extract: {output}: {len(pairs)} documents, {len(html.encode('utf-8')):,} bytes"
          f"{f', {errors} unreadable documents' if errors else ''}", file=sys.stderr)
    return 1 if problems or errors else 0


__all__ = ["build_report", "run_report"]
