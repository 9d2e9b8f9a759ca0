"""The indicator taxonomy and the mapper run after the pipeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ocop_extract.indicators import annotate, indicator_ids
from ocop_extract.pipeline import process_text

GUIDE = Path(__file__).parent / "gold" / "INDICATORS.md"


def test_ids_are_the_guides_table():
    guide = re.findall(r"^\| `([a-z_0-9]+)` \|", GUIDE.read_text(encoding="utf-8"), re.M)
    assert sorted(indicator_ids()) == sorted(guide)


def test_annotate_sets_indicator_and_scope_place():
    text = ("Huyện Lục Ngạn phấn đấu năm 2024 có thêm 15 sản phẩm OCOP đạt 3 sao trở lên. "
            "Tổng kinh phí thực hiện 950 triệu đồng, trong đó ngân sách tỉnh 500 triệu đồng.")
    record = process_text("d", text)
    record.province = "Bắc Giang"
    assert all(t.indicator is None for t in record.targets)
    annotate(record, text)
    got = [(t.value, t.indicator) for t in record.targets]
    assert got == [(15, "ocop_products_new"), (950e6, "budget"), (500e6, "budget_local")]
    first = record.targets[0]
    assert (first.scope_name, first.scope_level, first.scope_province, first.scope_province_2025) == (
        "huyện Lục Ngạn", "district", "Bắc Giang", "Bắc Ninh")


def _corpus_rows():
    data = yaml.safe_load((Path(__file__).parent / "corpus" / "indicators.yaml").read_text(encoding="utf-8"))
    for kind in ("rows", "negative"):
        for i, row in enumerate(data.get(kind) or []):
            marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
            yield pytest.param(row, id=f"{kind}-{i}", marks=marks)


@pytest.mark.parametrize("row", list(_corpus_rows()))
def test_indicator_corpus_row(row):
    text = row["text"]
    record = annotate(process_text("row", text), text)
    got: dict[float, list[str]] = {}
    for t in record.targets:
        got.setdefault(t.value, []).append(t.indicator)
    for value, want in row["expect"].items():
        assert float(value) in got, f"{text!r}: no figure {value} in {got}"
        accept = want if isinstance(want, list) else [want]
        assert got[float(value)][0] in accept, f"{text!r}: {value} → {got[float(value)]}, want {want}"
