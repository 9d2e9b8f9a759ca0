"""A review page: the source text with every extracted span highlighted.

Rendered with spaCy's displaCy in manual mode, so no model is loaded: each
target becomes a highlighted span labelled with its reading ("≥ 70 % ★3 2024"),
targets and actuals in different colours, references in a third.

>>> from ocop_extract.pipeline import process_text
>>> html = review_html(process_text("d", "Phấn đấu năm 2024 có ít nhất 30 sản phẩm."), "Phấn đấu năm 2024 có ít nhất 30 sản phẩm.")
>>> "≥ 30 product" in html
True
"""

from __future__ import annotations

from .models import Record, Target

COLOURS = {"TARGET": "#ffd54f", "ACTUAL": "#81d4fa", "REFERENCE": "#c5e1a5"}
_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈", "range": ""}


def target_label(t: Target) -> str:
    """A short reading of a target, e.g. "≥ 70 % ★3 2024"."""
    def num(v: float) -> str:
        return f"{v:,.10g}".replace(",", " ")
    value = f"{num(t.value)}-{num(t.value_max)}" if t.value_max is not None else num(t.value)
    parts = [f"{_SIGNS[t.comparator]} {value} {t.unit}".strip()]
    if t.stars:
        parts.append(f"★{t.stars}")
    if t.year:
        parts.append(str(t.year))
    if t.per:
        parts.append("/năm")
    return " ".join(parts)


def review_html(record: Record, source: str) -> str:
    """A standalone HTML page of `source` with the record's spans highlighted."""
    from spacy import displacy

    ents = [{"start": t.span[0], "end": t.span[1],
             "label": f"{t.status.upper()} {target_label(t)}"} for t in record.targets]
    ents += [{"start": r.span[0], "end": r.span[1], "label": f"REFERENCE {r.number}"}
             for r in record.references if r.span]
    ents = _without_overlaps(ents)
    colours = {e["label"]: COLOURS[e["label"].split()[0]] for e in ents}
    title = f"{record.doc_id} · {record.doc_type or ''} {record.number or ''} · {record.issuer or ''}"
    return displacy.render([{"text": source, "ents": ents, "title": title}], style="ent", manual=True,
                           page=True, options={"colors": colours})


def _without_overlaps(ents: list[dict]) -> list[dict]:
    """Longest first, then earliest: displaCy cannot draw overlapping spans."""
    kept: list[dict] = []
    for e in sorted(ents, key=lambda e: (-(e["end"] - e["start"]), e["start"])):
        if all(e["end"] <= k["start"] or k["end"] <= e["start"] for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e["start"])
