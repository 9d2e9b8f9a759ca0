"""Score the document fields of extract_metadata against gold (CONTRACT.md section 3).

Run as a script for a per-field table: ``python tests/metadata_eval.py``.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import regex

from ocop_extract.document import Doc
from ocop_extract.metadata import extract_metadata

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = {
    "seeds": (ROOT / "tests/gold/seeds.gold.jsonl", ROOT / "corpus"),
    "devset": (ROOT / "tests/gold/devset.gold.jsonl", ROOT / "tests/gold/devset"),
    "holdout4": (ROOT / "tests/gold/holdout4/gold.jsonl", ROOT / "tests/gold/holdout4/docs"),
}


def fold(value):
    if isinstance(value, str):
        return regex.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    return value


def field_ok(field: str, gold, pred) -> bool:
    if field == "references":
        numbers = {fold(r.number) for r in pred if r.number}
        return all(fold(g) in numbers for g in gold)
    if field == "plan_years":
        return (list(pred) if pred is not None else None) == gold
    options = gold if isinstance(gold, list) else [gold]
    return fold(pred) in [fold(o) for o in options]


def score(name: str) -> tuple[dict[str, list[int]], list[str]]:
    """{field: [hits, total]} and a list of misses for one gold set."""
    gold_path, text_dir = GOLD_SETS[name]
    items = [json.loads(l) for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    items = [i for i in items if i.get("kind") == "doc"]
    cache = {}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for item in items:
        doc_id = item["doc_id"]
        if doc_id not in cache:
            text = (text_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
            cache[doc_id] = extract_metadata(Doc.from_text(doc_id, text))
        meta = cache[doc_id]
        field = item["field"]
        pred = getattr(meta, field)
        ok = field_ok(field, item["value"], pred)
        counts[field][0] += ok
        counts[field][1] += 1
        counts["ALL"][0] += ok
        counts["ALL"][1] += 1
        if not ok:
            shown = [r.number for r in pred] if field == "references" else pred
            misses.append(f"{doc_id} {field}: gold={item['value']!r} pred={shown!r}")
    return dict(counts), misses


if __name__ == "__main__":
    for name in GOLD_SETS:
        counts, misses = score(name)
        print(f"== {name}")
        for field, (hit, total) in sorted(counts.items()):
            print(f"  {field:15s} {hit}/{total} = {hit / total:.3f}")
        for m in misses:
            print("  MISS", m)
