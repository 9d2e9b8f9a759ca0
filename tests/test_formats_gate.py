"""Annotated sets rendered as pages, Word files and PDFs score as their plain text does (pinned tolerances).

HTML and DOCX within 0.01 of the `.txt` figure, text PDFs within 0.02, for
target F1, every field and the document fields. Scans are measured by
`bench/formats.py` (OCR of whole sets takes minutes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from format_render import to_docx, to_html, to_pdf

from ocop_extract.evaluate import evaluate_paths

GOLD = Path(__file__).parent / "gold"
SETS = {"devset": (GOLD / "devset.gold.jsonl", GOLD / "devset"),
        "holdout2": (GOLD / "holdout2" / "gold.jsonl", GOLD / "holdout2" / "docs")}
FORMATS = {"html": (".html", to_html, 0.01), "docx": (".docx", to_docx, 0.01), "pdf": (".pdf", to_pdf, 0.02)}
FIELDS = ("comparator", "unit", "stars", "year", "status")


@pytest.fixture(scope="module", params=sorted(SETS))
def baseline(request):
    gold, docs = SETS[request.param]
    return request.param, evaluate_paths(str(gold), [str(docs)])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_scores_as_the_text_does(baseline, fmt: str, tmp_path: Path) -> None:
    name, base = baseline
    gold, docs = SETS[name]
    ext, render, tolerance = FORMATS[fmt]
    for doc in sorted(docs.glob("*.txt")):
        (tmp_path / f"{doc.stem}{ext}").write_bytes(render(doc.read_text(encoding="utf-8")))
    report = evaluate_paths(str(gold), [str(tmp_path)])
    assert report.f1 >= base.f1 - tolerance, report.errors
    for field in FIELDS:
        assert report.field_accuracy(field) >= base.field_accuracy(field) - tolerance, (field, report.errors)
    assert report.doc_accuracy >= base.doc_accuracy - tolerance, report.errors
    assert report.predicted and report.grounded == report.predicted
