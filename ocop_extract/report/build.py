"""The report page: documents, indicator tables, a chart and every text highlighted, in one HTML file.

Everything is inline (CSS, the script, the chart data), nothing is fetched, so the
file opens anywhere without a network. The texts are rendered here, not by the
script; the script only draws the chart (SVG, by hand) and shows hover details.
Long pages stay quick because each document's text is laid out by the browser only
when it scrolls into view (`content-visibility: auto`).
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from typing import Iterable, Optional

from ..indicators.table import IndicatorRow, build_rows, number
from ..models import Record, Target
from .highlight import Item, highlight
from .locate import date_spans, issuer_spans

_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "", "~": "≈", "range": ""}
FONTS = ('"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", '
         '"DejaVu Sans", sans-serif')


def reading(value: float, value_max: Optional[float], comparator: str, unit: str) -> str:
    """A figure as a reader says it: "≥ 54 product", "10-15 product", "700000000 VND".

    >>> reading(54, None, ">=", "product"), reading(10, 15, "range", "product")
    ('≥ 54 product', '10-15 product')
    """
    figure = number(value) + (f"-{number(value_max)}" if value_max is not None else "")
    return f"{_SIGNS[comparator]} {figure} {unit}".strip()


def target_tip(t: Target) -> str:
    """What hovering a target shows."""
    parts = [reading(t.value, t.value_max, t.comparator, t.unit) + f" ({t.unit_text})",
             f"comparator {t.comparator}", f"stars {t.stars or '–'}", f"year {t.year or '–'}"
             + (" per year" if t.per else ""), t.status, f"indicator {t.indicator or '–'}",
             f"place {t.scope_name or t.scope or '–'}", f"rule {t.rule or '–'}",
             f"confidence {t.confidence:.2f}" if t.confidence is not None else "confidence –"]
    return " · ".join(parts)


def doc_items(k: int, record: Record, text: str) -> list[Item]:
    """Every item of document number `k` to highlight, with report-wide ids."""
    items = [Item(t.span[0], t.span[1], t.status, f"d{k}-t{j}", target_tip(t))
             for j, t in enumerate(record.targets)]
    items += [Item(r.span[0], r.span[1], "ref", f"d{k}-r{j}",
                   " · ".join(p for p in ("reference", r.type, r.number, r.date, r.issuer) if p))
              for j, r in enumerate(record.references) if r.span]
    items += [Item(p.span[0], p.span[1], "place", f"d{k}-p{j}",
                   f"place {p.name} · {p.level}" + (f" · {p.province}" if p.province else ""))
              for j, p in enumerate(record.places)]
    dates = [("issued", record.issued_date), ("published", record.published_date)]
    dates += [(f"of {r.number or 'a reference'}", r.date) for r in record.references]
    spans: dict[tuple[int, int], str] = {}
    for what, iso in dates:
        for span in date_spans(text, iso):
            spans.setdefault(span, f"date {iso} ({what})")
    items += [Item(a, b, "date", f"d{k}-D{j}", tip) for j, ((a, b), tip) in enumerate(sorted(spans.items()))]
    items += [Item(a, b, "issuer", f"d{k}-I{j}", f"issuer {record.issuer}")
              for j, (a, b) in enumerate(issuer_spans(text, record.issuer))]
    return items


def _cell(value: object) -> str:
    return escape("" if value is None else str(value))


def overview(records: list[Record], counts: list[int]) -> str:
    """The documents table: type, number, issuer, province, dates, counts and errors."""
    head = ("<tr><th>document</th><th>genre</th><th>type</th><th>number</th><th>issuer</th><th>province</th>"
            "<th>issued</th><th>published</th><th>plan years</th><th>targets</th><th>actuals</th>"
            "<th>references</th><th>places</th><th>highlighted</th><th>problems</th></tr>")
    body = []
    for k, (r, n) in enumerate(zip(records, counts)):
        targets = sum(t.status == "target" for t in r.targets)
        problem = f"error: {r.error.type}: {r.error.message}" if r.error else "; ".join(r.warnings)
        years = "–".join(str(y) for y in r.plan_years) if r.plan_years else ""
        body.append(
            f'<tr{" class=err" if r.error else ""}><td><a href="#doc-{k}">{_cell(r.doc_id)}</a></td>'
            + "".join(f"<td>{_cell(v)}</td>" for v in (r.genre, r.doc_type, r.number, r.issuer, r.province,
                                                       r.issued_date, r.published_date, years))
            + f'<td class="n">{targets}</td><td class="n">{len(r.targets) - targets}</td>'
            f'<td class="n">{len(r.references)}</td><td class="n">{len(r.places)}</td><td class="n">{n}</td>'
            f"<td>{_cell(problem)}</td></tr>")
    return f'<table class="docs"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def document_section(k: int, record: Record, text: Optional[str], items: list[Item]) -> str:
    """One document: its heading and its text, highlighted."""
    title = " · ".join(p for p in (record.doc_type, record.number, record.issuer, record.province) if p)
    head = f'<h3><a href="#overview">↑</a> {_cell(record.doc_id)} <small>{_cell(title)}</small></h3>'
    if record.error or text is None:
        why = record.error.message if record.error else "the source file could not be read"
        return f'<article class="doc" id="doc-{k}" data-items="0">{head}<p class="err">{_cell(why)}</p></article>'
    return (f'<article class="doc" id="doc-{k}" data-items="{len({i.uid for i in items})}">{head}'
            f'<pre class="text">{highlight(text, items)}</pre></article>')


def asset(name: str) -> str:
    """A file shipped with the report (its CSS or script)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _json_script(element_id: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def build_report(inputs: Iterable[tuple[Record, Optional[str]]]) -> str:
    """The whole page for (record, source text) pairs."""
    from .tables import chart_data, indicator_tables, mention_ids

    records, texts = [], []
    for record, text in inputs:
        records.append(record)
        texts.append(text)
    items = [doc_items(k, r, t) if t is not None and not r.error else [] for k, (r, t) in
             enumerate(zip(records, texts))]
    rows: list[IndicatorRow] = build_rows(records)
    ids = mention_ids(records, [t is not None and not r.error for r, t in zip(records, texts)])
    n_items = sum(len({i.uid for i in its}) for its in items)
    summary = (f"{len(records)} documents, {sum(len(r.targets) for r in records)} targets and actuals, "
               f"{len(rows)} indicator rows ({sum(r.conflict for r in rows)} with conflicting values), "
               f"{sum(1 for r in records if r.error)} unreadable; {n_items} highlighted items")
    sections = "".join(document_section(k, r, t, its) for k, (r, t, its) in enumerate(zip(records, texts, items)))
    return "".join([
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>OCOP plans: documents and indicators</title>",
        f"<style>:root{{--fonts:{FONTS}}}\n{asset('report.css')}</style></head>",
        f'<body data-items="{n_items}"><header id="overview"><h1>OCOP plans: documents and indicators</h1>',
        f'<p>{escape(summary)}</p><nav><a href="#docs">Documents</a> · <a href="#chart-section">Chart</a> · '
        '<a href="#indicators">Indicators</a> · <a href="#texts">Texts</a></nav>',
        '<p class="legend"><mark class="k-target">target</mark> <mark class="k-actual">actual</mark> '
        '<mark class="k-date">date</mark> <mark class="k-ref">reference</mark> '
        '<mark class="k-issuer">issuer</mark> <mark class="k-place">place</mark></p></header>',
        f'<section id="docs"><h2>Documents</h2>{overview(records, [len({i.uid for i in x}) for x in items])}</section>',
        '<section id="chart-section"><h2>Targets and actuals over the years</h2>'
        '<label>Indicator <select id="chart-indicator"></select></label>'
        '<svg id="chart" viewBox="0 0 760 340" role="img" aria-label="chart"></svg><div id="chart-legend"></div>'
        "</section>",
        f'<section id="indicators"><h2>Indicators by province and year</h2>{indicator_tables(rows, ids)}</section>',
        f'<section id="texts"><h2>Texts</h2>{sections}</section>',
        '<div id="tip" hidden></div>',
        _json_script("chart-data", chart_data(rows, ids)),
        f"<script>{asset('report.js')}</script></body></html>\n",
    ])
