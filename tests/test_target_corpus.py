"""The table-driven target corpus: tests/corpus/<dimension>.yaml, one generic runner.

Each row is a sentence with the targets it must yield, in text order; only the
fields a row names are checked. `negative:` sentences must yield nothing.
`meta:` sets the document context (plan years, genre, dates, province).
A row with `xfail: reason` is a known failure kept visible (strict).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ocop_extract.document import Doc
from ocop_extract.layout import line_kinds
from ocop_extract.metadata import Metadata
from ocop_extract.metadata.issuer import parse_issuer
from ocop_extract.options import Options
from ocop_extract.targets import extract_targets

CORPUS = Path(__file__).parent / "corpus"
DIMENSIONS = ("numbers", "comparators", "units", "years", "status", "stars", "scope", "metric", "tables", "layout")
DEFAULT_META = {"plan_years": [2024, 2024], "province": "Quảng Nam", "genre": "official"}


def _meta(row_meta: dict | None) -> Metadata:
    m = {**DEFAULT_META, **(row_meta or {})}
    years = m.get("plan_years")
    meta = Metadata(genre=m.get("genre"), province=m.get("province"),
                    plan_years=tuple(years) if years else None,
                    published_date=m.get("published_date"), issued_date=m.get("issued_date"),
                    goal_year=m.get("goal_year"), doc_type=m.get("doc_type"), period_closed=m.get("period_closed"))
    if m.get("issuer"):
        meta.set_issuer(parse_issuer(m["issuer"]))
    return meta


def _rows():
    for dim in DIMENSIONS:
        data = yaml.safe_load((CORPUS / f"{dim}.yaml").read_text(encoding="utf-8"))
        for i, row in enumerate(data.get("rows", [])):
            row = {**row, "meta": {**(data.get("meta") or {}), **(row.get("meta") or {})}}
            marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
            yield pytest.param(row, id=f"{dim}-{i}", marks=marks)
        for i, text in enumerate(data.get("negative", [])):
            yield pytest.param({"text": text, "expect": [], "meta": data.get("meta")}, id=f"{dim}-neg-{i}")


def extract(text: str, meta: dict | None = None):
    return extract_targets(Doc.from_text("row", text), _meta(meta), Options())


@pytest.mark.parametrize("row", list(_rows()))
def test_corpus_row(row):
    targets = extract(row["text"], row.get("meta"))
    got = [{k: getattr(t, k) for k in ("value", "value_max", "comparator", "unit", "unit_text",
                                        "stars", "year", "per", "status", "scope", "metric")} for t in targets]
    assert len(got) == len(row["expect"]), f"{row['text']!r}: got {got}"
    if "kinds" in row:  # the layout corpus: the kind of every line
        assert line_kinds(Doc.from_text("row", row["text"])) == row["kinds"]
    for want, have in zip(row["expect"], got):
        for key, value in want.items():
            assert have[key] == value, f"{row['text']!r}: {key} {have[key]!r} != {value!r} in {have}"


def test_corpus_is_large_enough():
    total = sum(1 for _ in _rows())
    assert total >= 200, total
