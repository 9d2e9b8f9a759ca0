"""The component tuple: finders propose, resolvers settle one field each, the assembler builds records."""

from __future__ import annotations

import re

from ocop_extract import pipeline
from ocop_extract.document import Doc
from ocop_extract.metadata import Metadata
from ocop_extract.options import Options
from ocop_extract.targets import components
from ocop_extract.targets.candidates import Candidate

TEXT = ("Năm 2023, toàn huyện có 12 sản phẩm OCOP đạt 3 sao. "
        "Phấn đấu đến năm 2025 có thêm ít nhất 8 sản phẩm OCOP, mỗi năm hỗ trợ 200 triệu đồng.")


def _doc(text: str = TEXT) -> Doc:
    doc = Doc.from_text("t", text)
    doc.meta = Metadata(genre="official", province="Bắc Giang", plan_years=(2024, 2025), issued_date="2024-03-01")
    return doc


def _run(doc: Doc, steps) -> Doc:
    for step in steps:
        step(doc, Options())
    return doc


def test_finders_propose_without_settling():
    doc = _run(_doc(), [components.find_sentence_figures, components.find_table_figures])
    assert [(c.value, c.comparator) for c in doc.candidates] == [(12, "="), (8, ">="), (200_000_000, "=")]
    assert all(c.status is None and c.year is None and c.scope is None for c in doc.candidates)
    assert doc.targets == []


def test_each_resolver_settles_its_own_field():
    doc = _run(_doc(), [components.find_sentence_figures, components.resolve_status])
    assert [c.status for c in doc.candidates] == ["actual", "target", "target"]
    assert all(c.year is None for c in doc.candidates)
    _run(doc, [components.resolve_year])
    assert [c.year for c in doc.candidates] == [2023, 2025, 2025]
    assert all(c.stars is None and c.per is None for c in doc.candidates)
    _run(doc, [components.resolve_clause_fields])
    assert [(c.stars, c.per) for c in doc.candidates] == [(3, None), (3, None), (None, "year")]  # "sản phẩm OCOP": 3


def test_a_new_component_can_propose_and_settle():
    def find_hives(doc: Doc, options: Options) -> None:  # a second domain's finder
        for m in re.finditer(r"(\d+) đàn ong", doc.text):
            doc.candidates.append(Candidate(m.start(), m.end(), float(m.group(1)), None, "=", "other", "đàn ong",
                                            "bees", 0.8, status="actual", scope="Bắc Giang"))

    def all_targets(doc: Doc, options: Options) -> None:  # a classifier that settles status its own way
        for c in doc.candidates:
            c.status = "target"

    steps = list(components.TARGET_COMPONENTS)
    steps.insert(2, find_hives)
    steps.insert(steps.index(components.resolve_status) + 1, all_targets)
    doc = _run(_doc("Hợp tác xã nuôi 40 đàn ong. Phấn đấu có 8 sản phẩm OCOP."), steps)
    assert [(t.value, t.rule, t.status) for t in doc.targets] == [(40, "bees", "target"),
                                                                  (8, "count_with_unit", "target")]


def test_the_pipeline_runs_its_component_tuple():
    assert pipeline.COMPONENTS[1:] == components.TARGET_COMPONENTS
    record = pipeline.process_text("t", "KẾ HOẠCH\nPhấn đấu đến năm 2025 có 8 sản phẩm OCOP.")
    assert [(t.value, t.status, t.year) for t in record.targets] == [(8, "target", 2025)]
