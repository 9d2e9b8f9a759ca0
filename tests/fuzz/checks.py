"""What must hold for every input, however hostile: the fuzzer's checks.

`check(data, path)` runs the pipeline on one input as a run does
(`pipeline.process_bytes`, then the indicator step) and returns what it saw:
the seconds, the record's error type, its number of targets and warnings,
and the problems found. A problem is any of

- an exception escaping the pipeline (a run would turn it into an `internal`
  error record: the whole document lost);
- a record line that is not strict JSON (NaN, Infinity) or does not validate
  against `schemas/record.schema.json`;
- a target whose span does not give its `text` in the text the record
  indexes, or a place or reference whose span lies outside it.

>>> check("Phấn đấu có ít nhất 40 sản phẩm OCOP.".encode()).problems
[]
"""

from __future__ import annotations

import json
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache

from .families import ROOT


@dataclass
class Outcome:
    """What one input gave."""

    seconds: float = 0.0
    error: str | None = None          # the record's error type, if it has one
    targets: int = 0
    warnings: int = 0
    left_out: list[str] = field(default_factory=list)  # items a failure cost (notes of `ocop_extract.contain`)
    problems: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _validator():
    """The record schema's validator: jsonschema-rs (a test dependency, some 50 times faster), else jsonschema."""
    schema = json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    try:
        import jsonschema_rs
    except ImportError:
        from jsonschema import Draft202012Validator

        return Draft202012Validator(schema)
    return jsonschema_rs.validator_for(schema)


def _schema_problems(obj: dict) -> list[str]:
    problems = []
    for error in _validator().iter_errors(obj):
        where = getattr(error, "instance_path", None) or getattr(error, "absolute_path", ())
        problems.append(f"schema: {'/'.join(map(str, where))}: {error.message}")
    return problems


def _strict(constant: str):
    raise ValueError(f"{constant} is not JSON")


def indexed_text(data: bytes, path: str) -> str:
    """The text a record's spans index: the decoded source of a text file, the reader's text of any other."""
    if path.endswith(".txt"):
        from ocop_extract.reader import decode_bytes

        return decode_bytes(data)[0]
    from ocop_extract.pipeline import read_document

    return read_document(data, path).text


def check(data: bytes, path: str = "fuzz.txt") -> Outcome:
    """Run one input through the pipeline and check its record."""
    from ocop_extract.engines.work import annotate_bytes, record_line
    from ocop_extract.pipeline import process_bytes

    out = Outcome()
    started = time.perf_counter()
    try:
        record = annotate_bytes(process_bytes("fuzz", data, path), data)
    except Exception:  # noqa: BLE001 - the very thing looked for
        out.seconds = time.perf_counter() - started
        out.problems.append("exception escaped: " + traceback.format_exc(limit=-3).strip())
        return out
    out.seconds = time.perf_counter() - started
    out.error = record.error.type if record.error else None
    out.targets, out.warnings = len(record.targets), len(record.warnings)
    out.left_out = [w for w in record.warnings if w.endswith(": left out")]
    line = record_line(record)
    try:
        obj = json.loads(line, parse_constant=_strict)
    except ValueError as exc:
        out.problems.append(f"not strict JSON: {exc}")
        return out
    out.problems += _schema_problems(obj)
    if record.error is None:
        out.problems += _grounding(obj, indexed_text(data, path))
    elif record.targets:
        out.problems.append("an error record with targets")
    return out


def _grounding(obj: dict, text: str) -> list[str]:
    problems = []
    for i, t in enumerate(obj["targets"]):
        start, end = t["span"]
        if text[start:end] != t["text"] or not 0 <= start < end <= len(text):
            problems.append(f"targets/{i}: span {t['span']} gives {text[start:end]!r}, not {t['text']!r}")
    for kind in ("places", "references"):
        for i, item in enumerate(obj.get(kind) or []):
            span = item.get("span")
            if span is not None and not 0 <= span[0] <= span[1] <= len(text):
                problems.append(f"{kind}/{i}: span {span} outside the text of {len(text)} characters")
    return problems
