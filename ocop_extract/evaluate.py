"""Scoring against gold annotations, exactly as CONTRACT.md section 3 says.

- A predicted target matches a gold target in the same document when `value`
  and `value_max` are equal (1e-9 relative) and its span overlaps the gold quote
  (the `occurrence`-th occurrence of `quote` in the source text). Each gold item
  matches at most one prediction, and each prediction at most one gold item.
- Optional gold items add neither a miss when absent nor a false positive when found.
- Members of a `group` are one fact: the group counts once when any member is
  matched; further matched members are neither hits nor false positives.
- Field accuracy (`comparator`, `unit`, `stars`, `year`, `status`) is taken on
  matched pairs; a list-valued gold field accepts any of its values.
- `indicator` is scored on the matched pairs whose gold line carries it (a gold
  line without the key is not scored for it); the report gives its accuracy and
  the share of those pairs predicted `other` or null (and the share gold calls so).
- Document fields: exact match after NFC and whitespace folding; `plan_years` as
  a pair, or a list of the pairs (and null) it accepts (`[[2021, 2025], null]`);
  `references` by whether every gold number is among the predicted ones.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import jsonlines

from .errors import UsageError

FIELDS = ("comparator", "unit", "stars", "year", "status")
EXTRA_FIELDS = ("per", "scope")


def fold(value: Any) -> Any:
    """NFC and whitespace folding for document-field comparison.

    >>> fold("UBND  tỉnh\\u00a0Quảng Nam") == fold("UBND tỉnh Quảng Nam")
    True
    """
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    return value


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300)


def _accepts(gold: Any, predicted: Any) -> bool:
    options = gold if isinstance(gold, list) else [gold]
    return any(fold(o) == fold(predicted) for o in options)


def quote_span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    r"""Offsets of the `occurrence`-th occurrence of `quote` in `text`, or None.

    A quote not found as written is looked for again with any white space
    between its words (a PDF or a page may wrap a line inside it).

    >>> quote_span("đạt 30\nsản phẩm", "30 sản phẩm")
    (4, 15)
    """
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return _spaced_quote_span(text, quote, occurrence)
    return pos, pos + len(quote)


def _spaced_quote_span(text: str, quote: str, occurrence: int) -> tuple[int, int] | None:
    import re

    words = quote.split()
    if not words:
        return None
    found = list(itertools.islice(re.finditer(r"\s*".join(map(re.escape, words)), text), max(occurrence, 1)))
    return found[-1].span() if len(found) == max(occurrence, 1) else None


@dataclass
class Report:
    """Scores of one evaluation run."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_hits: dict = field(default_factory=lambda: defaultdict(int))
    field_total: int = 0
    doc_hits: dict = field(default_factory=lambda: defaultdict(int))
    doc_total: dict = field(default_factory=lambda: defaultdict(int))
    grounded: int = 0
    predicted: int = 0
    indicator_hits: int = 0
    indicator_total: int = 0   # matched pairs whose gold carries `indicator`
    indicator_other: int = 0   # of those, predicted `other` or null
    indicator_gold_other: int = 0  # of those, gold accepts only `other` or null
    missing_quotes: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.field_total if self.field_total else 1.0

    @property
    def indicator_accuracy(self) -> float:
        return self.indicator_hits / self.indicator_total if self.indicator_total else 1.0

    @property
    def indicator_other_rate(self) -> float:
        return self.indicator_other / self.indicator_total if self.indicator_total else 0.0

    def indicator_scores(self) -> dict:
        """Accuracy on the scored pairs, and how many of them are (predicted, gold) `other`/null."""
        n = self.indicator_total
        return {"accuracy": self.indicator_accuracy, "scored": n,
                "other_rate": self.indicator_other_rate,
                "gold_other_rate": self.indicator_gold_other / n if n else 0.0}

    @property
    def doc_accuracy(self) -> float:
        total = sum(self.doc_total.values())
        return sum(self.doc_hits.values()) / total if total else 1.0

    def as_dict(self) -> dict:
        return {
            "targets": {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                        "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "fields": {n: self.field_accuracy(n) for n in FIELDS},
            "extra_fields": {n: self.field_accuracy(n) for n in EXTRA_FIELDS},
            "matched_pairs": self.field_total,
            "indicator": self.indicator_scores(),
            "documents": {"accuracy": self.doc_accuracy,
                          "fields": {k: self.doc_hits[k] / v for k, v in sorted(self.doc_total.items())}},
            "grounded_spans": self.grounded / self.predicted if self.predicted else 1.0,
            "predicted_targets": self.predicted,
            "gold_quotes_not_found": self.missing_quotes,
        }


def load_gold(path: str | Path) -> list[dict]:
    """The gold items of a JSON Lines file, or of the one ``*.jsonl`` file in a folder.

    Raises `UsageError` when there is no such file or a line is not a JSON object.
    """
    path = Path(path)
    if path.is_dir():
        found = sorted(path.glob("*.jsonl"))
        if len(found) != 1:
            raise UsageError(f"--gold {path} is a folder with {len(found)} .jsonl files: name the gold file")
        path = found[0]
    try:
        with jsonlines.open(path) as reader:
            return list(reader.iter(type=dict, skip_empty=True))
    except OSError as exc:
        raise UsageError(f"cannot read the gold file {path}: {exc.strerror or exc}") from exc
    except jsonlines.InvalidLineError as exc:
        raise UsageError(f"{path}, line {exc.lineno}: not a JSON object") from exc


def evaluate(gold: list[dict], records: Iterable[dict], sources: dict[str, str]) -> Report:
    """Score `records` (dicts in the contract's shape) against `gold` items.

    `sources` maps doc_id to the document's source text, to place gold quotes.
    """
    report = Report()
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for item in gold:
        by_doc[item["doc_id"]].append(item)
    records = {r["doc_id"]: r for r in records}
    for doc_id, items in by_doc.items():
        record = records.get(doc_id, {"targets": [], "references": []})
        text = sources.get(doc_id, "")
        _score_targets(report, doc_id, [i for i in items if i["kind"] == "target"], record, text)
        _score_doc_fields(report, doc_id, [i for i in items if i["kind"] == "doc"], record)
    for doc_id, record in records.items():
        text = sources.get(doc_id)
        for t in record.get("targets", []):
            report.predicted += 1
            if text is not None and text[t["span"][0]:t["span"][1]] == t["text"]:
                report.grounded += 1
    return report


def _score_targets(report: Report, doc_id: str, items: list[dict], record: dict, text: str) -> None:
    preds = record.get("targets", [])
    taken: set[int] = set()
    matched: dict[int, int] = {}  # gold index -> prediction index
    for gi, item in enumerate(items):
        span = quote_span(text, item["quote"], item.get("occurrence", 1))
        if span is None:
            report.missing_quotes.append(f"{doc_id}: {item['quote']!r}")
            continue
        best, best_overlap = None, 0
        for pi, pred in enumerate(preds):
            if pi in taken or not _same_number(pred["value"], item["value"]):
                continue
            if not _same_number(pred.get("value_max"), item.get("value_max")):
                continue
            overlap = min(span[1], pred["span"][1]) - max(span[0], pred["span"][0])
            if overlap > best_overlap:
                best, best_overlap = pi, overlap
        if best is not None:
            taken.add(best)
            matched[gi] = best
    # Units: singletons and groups; a unit is optional when all its members are.
    units: dict[str, list[int]] = defaultdict(list)
    for gi, item in enumerate(items):
        units[item.get("group") or f"#{gi}"].append(gi)
    for key, members in units.items():
        optional = all(items[gi].get("optional") for gi in members)
        hits = [gi for gi in members if gi in matched]
        if optional:
            continue
        if not hits:
            report.fn += 1
            report.errors.append(f"MISS {doc_id}: {items[members[0]]['quote']!r} = {items[members[0]]['value']}")
            continue
        report.tp += 1
        gi = hits[0]
        pred = preds[matched[gi]]
        report.field_total += 1
        for name in FIELDS + EXTRA_FIELDS:
            if name in items[gi] and _accepts(items[gi][name], pred.get(name)):
                report.field_hits[name] += 1
            elif name in items[gi] and name in FIELDS:
                report.errors.append(
                    f"FIELD {doc_id}: {items[gi]['quote']!r} {name}: gold {items[gi][name]!r}, got {pred.get(name)!r}")
            elif name not in items[gi]:
                report.field_hits[name] += 1
        _score_indicator(report, doc_id, items[gi], pred)
    for pi, pred in enumerate(preds):
        if pi not in taken:
            report.fp += 1
            report.errors.append(f"FP {doc_id}: {pred['text']!r} = {pred['value']} ({pred.get('rule')})")


_OTHER = ("other", None)


def _score_indicator(report: Report, doc_id: str, item: dict, pred: dict) -> None:
    """Score `indicator` on one matched pair, when the gold line carries it."""
    if "indicator" not in item:
        return
    gold, got = item["indicator"], pred.get("indicator")
    report.indicator_total += 1
    report.indicator_other += got in _OTHER
    report.indicator_gold_other += all(g in _OTHER for g in (gold if isinstance(gold, list) else [gold]))
    if _accepts(gold, got):
        report.indicator_hits += 1
    else:
        report.errors.append(f"FIELD {doc_id}: {item['quote']!r} indicator: gold {gold!r}, got {got!r}")


def _score_doc_fields(report: Report, doc_id: str, items: list[dict], record: dict) -> None:
    for item in items:
        name, gold = item["field"], item["value"]
        got = record.get(name)
        if name == "references":
            numbers = {fold(r.get("number")) for r in record.get("references", [])}
            ok = all(fold(n) in numbers for n in gold)
        elif name == "plan_years":
            # a pair, or a list of the pairs (and null) it accepts: [[2021, 2025], null]
            options = gold if isinstance(gold, list) and any(g is None or isinstance(g, list) for g in gold) else [gold]
            ok = (list(got) if got else None) in options
        else:
            ok = _accepts(gold, got)
        report.doc_total[name] += 1
        report.doc_hits[name] += ok
        if not ok:
            report.errors.append(f"DOC {doc_id}: {name}: gold {gold!r}, got {got!r}")


def evaluate_paths(gold_path: str, paths: list[str]) -> Report:
    """Run the pipeline on `paths` (or read records from a .jsonl) and score it."""
    from .batch import find_documents, process_path

    gold = load_gold(gold_path)
    records: list[dict] = []
    sources: dict[str, str] = {}
    for path in paths:
        if path.endswith(".jsonl"):
            with jsonlines.open(path) as reader:
                for rec in reader.iter(type=dict, skip_empty=True):
                    records.append(rec)
                    _add_source(sources, rec["doc_id"], Path(rec["source"]["path"]))
            continue
        for file in find_documents([path]):
            rec = process_path(file).model_dump(mode="json")
            records.append(rec)
            _add_source(sources, rec["doc_id"], file)
    return evaluate(gold, records, sources)


def _add_source(sources: dict[str, str], doc_id: str, file: Path) -> None:
    """The text a document's spans index, in whichever format the file is, when it can be read."""
    from .errors import OcopExtractError
    from .pipeline import read_document

    try:
        sources[doc_id] = read_document(file.read_bytes(), str(file)).text
    except (OSError, OcopExtractError):
        pass


def format_report(report: Report, as_json: bool = False, errors: bool = False) -> str:
    """Human-readable (or JSON) scores."""
    if as_json:
        data = report.as_dict()
        if errors:
            data["errors"] = report.errors
        return json.dumps(data, ensure_ascii=False, indent=2)
    d = report.as_dict()
    t = d["targets"]
    lines = [
        f"targets    P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  "
        f"(tp {t['tp']}, fp {t['fp']}, fn {t['fn']})",
        "fields     " + "  ".join(f"{k} {v:.3f}" for k, v in d["fields"].items())
        + f"  (on {d['matched_pairs']} matched)",
        "extra      " + "  ".join(f"{k} {v:.3f}" for k, v in d["extra_fields"].items()),
        _indicator_line(d["indicator"]),
        f"documents  {d['documents']['accuracy']:.3f}  "
        + "  ".join(f"{k} {v:.2f}" for k, v in d["documents"]["fields"].items()),
        f"grounded   {d['grounded_spans']:.3f} of {d['predicted_targets']} predicted spans",
    ]
    if d["gold_quotes_not_found"]:
        lines.append(f"gold quotes not found in sources: {len(d['gold_quotes_not_found'])}")
    if errors:
        lines.extend(report.errors)
    return "\n".join(lines)


def _indicator_line(scores: dict) -> str:
    """The `indicator` line of the text report."""
    if not scores["scored"]:
        return "indicator  not annotated"
    return (f"indicator  {scores['accuracy']:.3f}  (on {scores['scored']} matched with gold indicator; "
            f"other/null {scores['other_rate']:.3f} predicted, {scores['gold_other_rate']:.3f} in gold)")
