"""The evaluator follows CONTRACT.md section 3 to the letter."""

from __future__ import annotations

import pytest

from ocop_extract.evaluate import evaluate, quote_span

TEXT = "Phấn đấu ít nhất 70% sản phẩm. Phấn đấu ít nhất 70% sản phẩm. Có 20 sản phẩm, 5 chủ thể."


def pred(value, quote, occurrence=1, **fields):
    start, end = quote_span(TEXT, quote, occurrence)
    base = {"value": value, "value_max": None, "comparator": "=", "unit": "product", "stars": None,
            "year": None, "status": "target", "span": [start, end], "text": TEXT[start:end]}
    return {**base, **fields}


def gold(value, quote, occurrence=1, **fields):
    base = {"doc_id": "d", "kind": "target", "quote": quote, "occurrence": occurrence, "value": value,
            "value_max": None, "comparator": "=", "unit": "product", "stars": None, "year": None,
            "status": "target", "optional": False}
    return {**base, **fields}


def run(golds, preds):
    return evaluate(golds, [{"doc_id": "d", "targets": preds}], {"d": TEXT})


def test_match_needs_equal_value_and_overlapping_span():
    r = run([gold(20, "20 sản phẩm")], [pred(20, "20 sản phẩm")])
    assert (r.tp, r.fp, r.fn) == (1, 0, 0)
    r = run([gold(20, "20 sản phẩm")], [pred(21, "20 sản phẩm")])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)
    r = run([gold(20, "20 sản phẩm")], [pred(20, "5 chủ thể")])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)


def test_occurrence_places_the_quote():
    r = run([gold(70, "ít nhất 70%", 2)], [pred(70, "ít nhất 70%", 1)])
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)


def test_each_gold_matches_one_prediction():
    r = run([gold(20, "20 sản phẩm")], [pred(20, "20 sản phẩm"), pred(20, "20 sản")])
    assert (r.tp, r.fp, r.fn) == (1, 1, 0)


def test_optional_items_neither_miss_nor_false_positive():
    g = [gold(5, "5 chủ thể", optional=True)]
    assert (run(g, []).fn, run(g, [pred(5, "5 chủ thể")]).fp) == (0, 0)


def test_group_counts_once():
    g = [gold(70, "ít nhất 70%", 1, group="g"), gold(70, "ít nhất 70%", 2, group="g")]
    both = run(g, [pred(70, "ít nhất 70%", 1), pred(70, "ít nhất 70%", 2)])
    assert (both.tp, both.fp, both.fn) == (1, 0, 0)
    none = run(g, [])
    assert (none.tp, none.fn) == (0, 1)


def test_list_valued_gold_field_accepts_any():
    g = [gold(20, "20 sản phẩm", stars=[None, 3], comparator=["=", ">="])]
    r = run(g, [pred(20, "20 sản phẩm", stars=3, comparator=">=")])
    assert r.field_accuracy("stars") == 1.0 and r.field_accuracy("comparator") == 1.0
    r = run(g, [pred(20, "20 sản phẩm", stars=4)])
    assert r.field_accuracy("stars") == 0.0


def test_value_max_must_match_too():
    r = run([gold(10, "20 sản phẩm", value_max=15)], [pred(10, "20 sản phẩm")])
    assert r.tp == 0


def test_document_fields_fold_and_lists():
    golds = [
        {"doc_id": "d", "kind": "doc", "field": "issuer", "value": "UBND tỉnh Quảng Nam"},
        {"doc_id": "d", "kind": "doc", "field": "doc_type", "value": ["Kế hoạch", "Quyết định"]},
        {"doc_id": "d", "kind": "doc", "field": "plan_years", "value": [2023, 2025]},
        {"doc_id": "d", "kind": "doc", "field": "references", "value": ["07/2021/NQ-HĐND"]},
        {"doc_id": "d", "kind": "doc", "field": "signer", "value": None},
    ]
    record = {"doc_id": "d", "targets": [], "issuer": "UBND  tỉnh Qua\u0309ng Nam", "doc_type": "Quyết định",
              "plan_years": [2023, 2025], "references": [{"number": "07/2021/NQ-HĐND"}, {"number": "1/KH"}],
              "signer": None}
    r = evaluate(golds, [record], {"d": TEXT})
    assert r.doc_accuracy == 1.0
    record["references"] = [{"number": "1/KH"}]
    record["signer"] = "Trần Văn A"
    r = evaluate(golds, [record], {"d": TEXT})
    assert r.doc_hits["references"] == 0 and r.doc_hits["signer"] == 0


@pytest.mark.parametrize("gold, got, ok", [
    ([2023, 2025], [2023, 2025], True),
    ([2023, 2025], [2024, 2025], False),
    ([[2021, 2025], None], [2021, 2025], True),
    ([[2021, 2025], None], None, True),
    ([[2021, 2025], None], [2022, 2025], False),
    (None, None, True),
])
def test_plan_years_gold_is_a_pair_or_the_pairs_it_accepts(gold, got, ok):
    golds = [{"doc_id": "d", "kind": "doc", "field": "plan_years", "value": gold}]
    r = evaluate(golds, [{"doc_id": "d", "targets": [], "plan_years": got}], {"d": TEXT})
    assert r.doc_hits["plan_years"] == int(ok)


def test_grounded_share_counts_spans_that_point_at_their_text():
    good = pred(20, "20 sản phẩm")
    bad = {**pred(5, "5 chủ thể"), "text": "something else"}
    r = run([], [good, bad])
    assert r.as_dict()["grounded_spans"] == pytest.approx(0.5)


def test_gold_is_read_from_a_file_or_the_one_jsonl_file_of_a_folder(tmp_path):
    from ocop_extract.evaluate import load_gold

    (tmp_path / "gold.jsonl").write_text('{"doc_id": "d", "kind": "doc"}\n\n', encoding="utf-8")
    assert load_gold(tmp_path) == load_gold(tmp_path / "gold.jsonl") == [{"doc_id": "d", "kind": "doc"}]


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.jsonl", "cannot read the gold file"),
    (lambda d: (d / "a.jsonl").write_text("{}\n") and (d / "b.jsonl").write_text("{}\n") and d, "2 .jsonl files"),
    (lambda d: (d / "bad.jsonl").write_text('{"doc_id": "d"}\nnot json\n') and d / "bad.jsonl", "line 2"),
])
def test_unreadable_gold_is_a_usage_error(tmp_path, make, message):
    from ocop_extract.errors import UsageError
    from ocop_extract.evaluate import load_gold

    with pytest.raises(UsageError, match=message):
        load_gold(make(tmp_path))


def test_indicator_is_scored_only_where_gold_carries_it():
    golds = [gold(20, "20 sản phẩm", indicator="ocop_products_new"),
             gold(5, "5 chủ thể", unit="entity", indicator=["ocop_entities", "ocop_cooperatives"]),
             gold(70, "ít nhất 70%", unit="%")]
    preds = [pred(20, "20 sản phẩm", indicator="ocop_products"),
             pred(5, "5 chủ thể", unit="entity", indicator="ocop_cooperatives"),
             pred(70, "ít nhất 70%", unit="%", indicator=None)]
    r = run(golds, preds)
    assert (r.indicator_total, r.indicator_hits) == (2, 1)
    assert r.indicator_accuracy == 0.5 and r.indicator_other_rate == 0.0
    assert any("indicator: gold 'ocop_products_new', got 'ocop_products'" in e for e in r.errors)


def test_indicator_other_rate_counts_other_and_null_predictions():
    golds = [gold(20, "20 sản phẩm", indicator="other"), gold(5, "5 chủ thể", unit="entity", indicator="other")]
    preds = [pred(20, "20 sản phẩm", indicator="other"), pred(5, "5 chủ thể", unit="entity")]
    scores = run(golds, preds).indicator_scores()
    assert scores == {"accuracy": 0.5, "scored": 2, "other_rate": 1.0, "gold_other_rate": 1.0}


def test_no_gold_indicator_means_nothing_scored():
    r = run([gold(20, "20 sản phẩm")], [pred(20, "20 sản phẩm", indicator="other")])
    assert r.indicator_total == 0 and r.indicator_accuracy == 1.0
