"""The JSON Schema of a record, generated from the pydantic models.

`schemas/record.schema.json` is this module's output, checked in; the test
suite fails when the file and the models drift apart
(`python -m ocop_extract schema > schemas/record.schema.json` regenerates it).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .models import Record

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "record.schema.json"


@lru_cache(maxsize=1)
def record_schema() -> dict:
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "record.schema.json"
    return schema


def record_schema_text() -> str:
    return json.dumps(record_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def check_schema(path: Path = SCHEMA_FILE) -> str:
    """Empty string when the checked-in schema equals the generated one, else what differs."""
    if not path.exists():
        return f"{path.name} is missing: run `python -m ocop_extract schema > schemas/{path.name}`"
    if path.read_text(encoding="utf-8") != record_schema_text():
        return f"{path.name} differs from the models: regenerate it with `python -m ocop_extract schema`"
    return ""
