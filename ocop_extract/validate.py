"""Validation of an output file against the record JSON Schema.

Each problem names the line and the field, e.g.
``out.jsonl:3: targets/0/comparator: 'about' is not one of ['>=', ...]``.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from .schema import record_schema


def validate_lines(lines, name: str = "<input>") -> list[str]:
    """Problems found in an iterable of JSON text lines (empty when all is well)."""
    validator = Draft202012Validator(record_schema())
    problems: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{name}:{number}: not JSON ({exc.msg} at column {exc.colno})")
            continue
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(record)"
            problems.append(f"{name}:{number}: {where}: {error.message}")
        if isinstance(obj, dict):
            problems.extend(f"{name}:{number}: {p}" for p in _span_problems(obj))
    return problems


def _span_problems(obj: dict) -> list[str]:
    """What the schema cannot say: a target's text must be as long as its span."""
    out = []
    for i, target in enumerate(obj.get("targets") or []):
        span, text = target.get("span"), target.get("text")
        if isinstance(span, list) and len(span) == 2 and isinstance(text, str):
            if span[1] - span[0] != len(text):
                out.append(f"targets/{i}/span: {span} does not fit text of length {len(text)}")
    return out


def validate_file(path: str | Path) -> list[str]:
    """Problems in a JSON Lines file; a missing file is one problem."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            return validate_lines(fh, path.name)
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path}: cannot read: {exc}"]
