"""The annotated sets, scored in the suite against pinned floors that no change may lower silently.

Floors are the scores reached when they were last raised, rounded down. To raise
one, change it here in the same commit as the improvement; never lower one to
make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_extract.evaluate import evaluate_paths

GOLD = Path(__file__).parent / "gold"
ROOT = Path(__file__).parent.parent

# the holdout sets keep their gold and texts under one folder each: tests/gold/<name>/{gold.jsonl,docs}
HOLDOUTS = ("holdout", *(f"holdout{n}" for n in range(2, 40)))
SETS = {
    "seeds": (GOLD / "seeds.gold.jsonl", ROOT / "corpus"),
    "devset": (GOLD / "devset.gold.jsonl", GOLD / "devset"),
    **{name: (GOLD / name / "gold.jsonl", GOLD / name / "docs") for name in HOLDOUTS},
}
FLOORS = {
    "seeds": {"f1": 1.0, "fields": 1.0, "documents": 1.0},
    "devset": {"f1": 1.0, "fields": 1.0, "documents": 1.0},
    "holdout": {"f1": 1.0, "fields": 0.99, "documents": 1.0},
    "holdout2": {"f1": 1.0, "fields": 0.99, "documents": 1.0},
    "holdout3": {"f1": 1.0, "fields": 0.99, "documents": 1.0},
    "holdout4": {"f1": 1.0, "fields": 0.99, "documents": 1.0},
    # scored once unseen (F1 0.977, fields 0.989, documents 0.935); fixed by family since
    "holdout5": {"f1": 0.99, "fields": 0.99, "documents": 0.99},
    # scored once unseen (F1 0.974, fields 0.949, documents 0.967); fixed by family since
    "holdout6": {"f1": 0.99, "fields": 0.99, "documents": 0.99},
    # scored once unseen (F1 0.980, fields 0.959, documents 0.953); fixed by family since
    "holdout7": {"f1": 0.99, "fields": 0.99, "documents": 0.98},
    # scored once unseen (F1 0.973, fields 0.961, documents 0.980); fixed by family since
    "holdout8": {"f1": 0.99, "fields": 0.99, "documents": 0.99},
    # scored once unseen (F1 0.944, fields 0.942, documents 0.940); fixed by family since
    "holdout9": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen (F1 0.952, fields 0.928, documents 0.927); fixed by family since
    "holdout10": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen (F1 0.993, fields 0.984, documents 0.960); fixed by family since
    "holdout11": {"f1": 0.99, "fields": 0.99, "documents": 0.99},
    # scored once unseen (F1 0.984, fields 0.921, documents 0.980); fixed by family since
    "holdout12": {"f1": 0.99, "fields": 0.97, "documents": 0.98},
    # scored once unseen (F1 0.992, fields 0.936, documents 0.940); fixed by family since
    "holdout13": {"f1": 0.99, "fields": 0.99, "documents": 0.98},
    # scored once unseen (F1 0.929, fields 0.963, documents 0.960); fixed by family since
    "holdout14": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen (F1 0.989, fields 0.916, documents 0.974); fixed by family since
    "holdout15": {"f1": 0.99, "fields": 0.97, "documents": 0.98},
    # scored once unseen (F1 0.917, fields 0.920, documents 0.947); fixed by family since
    "holdout16": {"f1": 0.99, "fields": 0.99, "documents": 0.98},
    # scored once unseen (F1 0.992, fields 0.935, documents 0.954); fixed by family since
    "holdout17": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen (F1 0.985, fields 0.934, documents 0.954); fixed by family since
    "holdout18": {"f1": 0.99, "fields": 0.99, "documents": 0.98},
    # scored once unseen (F1 0.989, fields 0.929, documents 0.923); fixed by family since
    "holdout19": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen (F1 0.981, fields 0.933, documents 0.925); fixed by family since
    "holdout20": {"f1": 0.98, "fields": 0.98, "documents": 0.97},
    # scored once unseen (F1 0.962, fields 0.968, documents 0.944); fixed by family since
    "holdout21": {"f1": 0.99, "fields": 0.99, "documents": 0.99},
    # scored once unseen after holdout21's fixes (F1 0.998, fields 0.975, documents 0.944); fixed by family since
    "holdout22": {"f1": 0.99, "fields": 0.98, "documents": 0.98},
    # scored once unseen after holdout22's fixes (F1 0.995, fields 0.960, documents 0.894); fixed by family since
    "holdout23": {"f1": 0.99, "fields": 0.98, "documents": 0.98},
    # scored once unseen, with holdout25 (F1 0.994, fields 0.928, documents 0.950); fixed by family since
    "holdout24": {"f1": 0.99, "fields": 0.98, "documents": 0.98},
    # scored once unseen, with holdout24 (F1 0.970, fields 0.969, documents 0.938); fixed by family since
    "holdout25": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen, after holdout24–25's fixes (F1 0.994, fields 0.955, documents 0.938); fixed by family since
    "holdout26": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen, after holdout26's first fixes (F1 0.993, fields 0.984, documents 0.925); fixed by family since
    "holdout27": {"f1": 0.99, "fields": 0.98, "documents": 0.96},
    # scored once unseen, after holdout26–27's fixes (F1 0.981, fields 0.975, documents 0.950); fixed by family since
    "holdout28": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen at holdout28's code (F1 0.984, fields 0.981, documents 0.950); fixed by family since
    "holdout29": {"f1": 0.98, "fields": 0.98, "documents": 0.99},
    # scored once unseen, after holdout28–29's fixes (F1 0.991, fields 0.968, documents 0.919); fixed by family since
    "holdout30": {"f1": 0.99, "fields": 0.97, "documents": 0.99},
    # scored once unseen, after holdout30's fixes (F1 0.968, fields 0.973, documents 0.925); fixed by family since
    "holdout31": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen, after holdout31's fixes (F1 0.985, fields 0.975, documents 0.981); fixed by family since
    "holdout32": {"f1": 0.99, "fields": 0.97, "documents": 0.99},
    # scored once unseen, after holdout32's fixes (F1 0.978, fields 0.979, documents 0.969); fixed by family since
    "holdout33": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen, after holdout33's fixes (F1 0.995, fields 0.973, documents 0.963); fixed by family since
    "holdout34": {"f1": 0.99, "fields": 0.98, "documents": 0.99},
    # scored once unseen, after holdout34's fixes (F1 0.993, fields 0.973, documents 0.988)
    "holdout35": {"f1": 0.99, "fields": 0.97, "documents": 0.98},
    # scored once unseen, after holdout35's first fixes (F1 0.969, fields 0.970 (year 706/728), documents 0.950)
    "holdout36": {"f1": 0.96, "fields": 0.96, "documents": 0.95},
    # scored once unseen, after holdout36's fixes (F1 0.993, fields 0.953, documents 0.981)
    "holdout37": {"f1": 0.99, "fields": 0.95, "documents": 0.98},
    # scored once unseen, after holdout37's fixes (F1 0.994, fields 0.975, documents 0.975)
    "holdout38": {"f1": 0.99, "fields": 0.97, "documents": 0.97},
    # scored once unseen, after holdout38's fixes (F1 0.995, fields 0.959, documents 0.988)
    "holdout39": {"f1": 0.99, "fields": 0.95, "documents": 0.98},
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    gold, docs = SETS[request.param]
    return request.param, evaluate_paths(str(gold), [str(docs)])


def test_target_f1_floor(scored):
    name, report = scored
    assert report.f1 >= FLOORS[name]["f1"], report.errors


def test_field_accuracy_floor(scored):
    name, report = scored
    for field in ("comparator", "unit", "stars", "year", "status"):
        assert report.field_accuracy(field) >= FLOORS[name]["fields"], (field, report.errors)


# `indicator` accuracy on matched pairs, for the sets whose gold carries it
INDICATOR_FLOORS = {"seeds": 0.95, "devset": 0.98, "holdout": 0.94,
                    "holdout2": 0.90, "holdout3": 0.92, "holdout4": 0.92,
                    "holdout5": 0.92, "holdout6": 0.94, "holdout7": 0.89, "holdout8": 0.92, "holdout9": 0.86, "holdout10": 0.89,
                    "holdout11": 0.91, "holdout12": 0.88, "holdout13": 0.91, "holdout14": 0.83, "holdout15": 0.87, "holdout16": 0.89, "holdout17": 0.89,
                    "holdout18": 0.88, "holdout19": 0.87,
                    "holdout20": 0.85, "holdout21": 0.88, "holdout22": 0.89, "holdout23": 0.86,
                    "holdout24": 0.83, "holdout25": 0.83, "holdout26": 0.86, "holdout27": 0.85,
                    "holdout28": 0.84, "holdout29": 0.84, "holdout30": 0.83,
                    "holdout31": 0.86, "holdout32": 0.87, "holdout33": 0.84, "holdout34": 0.84, "holdout35": 0.85, "holdout36": 0.85, "holdout37": 0.83, "holdout38": 0.85, "holdout39": 0.86}


def test_indicator_floor(scored):
    name, report = scored
    if name not in INDICATOR_FLOORS:
        pytest.skip(f"{name}: no floor for indicator yet ({report.indicator_total} pairs annotated)")
    assert report.indicator_total > 0
    errors = [e for e in report.errors if " indicator: " in e]
    assert report.indicator_accuracy >= INDICATOR_FLOORS[name], errors


def test_document_field_floor(scored):
    name, report = scored
    assert report.doc_accuracy >= FLOORS[name]["documents"], report.errors
    assert report.doc_hits["references"] == report.doc_total["references"], report.errors


def test_every_span_is_grounded(scored):
    _, report = scored
    assert report.predicted and report.grounded == report.predicted
    assert not report.missing_quotes
