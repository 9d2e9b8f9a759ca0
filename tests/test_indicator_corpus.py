"""The indicator corpus: tests/corpus/indicators_list.yaml, each row's figures and the measure of each."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ocop_extract.indicators import annotate
from ocop_extract.pipeline import process_text

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "indicators_list.yaml").read_text(encoding="utf-8"))


def _rows():
    for i, row in enumerate(CORPUS["rows"]):
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        yield pytest.param(row["text"], row["expect"], id=f"indicators-{i}", marks=marks)


@pytest.mark.parametrize("text,expect", list(_rows()))
def test_indicator_row(text, expect):
    record = process_text("row", text)
    record.province = CORPUS["province"]
    annotate(record, text)
    assert [t.indicator for t in record.targets] == expect
