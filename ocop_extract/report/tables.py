"""The report's indicator tables (province and place × year, targets beside actuals) and chart data.

Every value in a cell links to the span it was read from (`#d3-t7`); the other
mentions of the same fact follow as small numbered links, and a value that
documents disagree on is marked ⚠ with every value in its hover text.

>>> from ocop_extract.indicators.table import IndicatorRow
>>> row = IndicatorRow(province="Bắc Giang", place="huyện Lục Ngạn", place_level="district", year=2024,
...                    indicator="ocop_products", indicator_label="x", stars=3, status="target", value=54,
...                    comparator=">=", unit="product", doc_id="d", source_path="d.txt", span=(5, 29),
...                    text="tối thiểu có 54 sản phẩm", documents=["d"], spans=["d:5-29"])
>>> ids = {("d.txt", 5, 29): "d0-t0", ("d", 5, 29): "d0-t0"}
>>> '<a href="#d0-t0">≥ 54 product ★3</a>' in indicator_tables([row], ids)
True
>>> chart_data([row], ids)["ocop_products"]["series"]
[{'place': 'huyện Lục Ngạn', 'status': 'target', 'points': [[2024, 54.0, 'd0-t0']]}]
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Optional

from ..indicators.table import IndicatorRow
from ..indicators.taxonomy import INDICATOR, indicator_ids
from ..models import Record

Ids = dict[tuple[str, int, int], str]


def mention_ids(records: list[Record], shown: Optional[list[bool]] = None) -> Ids:
    """(source path or doc_id, start, end) of every target whose text the report shows → its id."""
    ids: Ids = {}
    for k, record in enumerate(records):
        if shown is not None and not shown[k]:
            continue
        for j, t in enumerate(record.targets):
            ids.setdefault((record.source.path, *t.span), f"d{k}-t{j}")
            ids.setdefault((record.doc_id, *t.span), f"d{k}-t{j}")
    return ids


def _place(row: IndicatorRow) -> str:
    return row.place if row.place and row.place != row.province else "(province)"


def _others(row: IndicatorRow, ids: Ids, own: Optional[str]) -> str:
    links = []
    for ref in row.spans:
        doc_id, _, offsets = ref.rpartition(":")
        start, _, end = offsets.partition("-")
        uid = ids.get((doc_id, int(start), int(end)))
        if uid and uid != own:
            links.append(f'<a class="also" href="#{uid}" title="also in {escape(doc_id)}">{len(links) + 2}</a>')
    return "".join(links)


def _value_link(row: IndicatorRow, ids: Ids) -> str:
    from .build import reading

    uid = ids.get((row.source_path, *row.span))
    label = reading(row.value, row.value_max, row.comparator, row.unit)
    label += f" ★{row.stars}" if row.stars else ""
    label += " /yr" if row.per else ""
    flag = (f' <span class="conflict" title="{escape("; ".join(row.values), quote=True)}">⚠</span>'
            if row.conflict else "")
    link = f'<a href="#{uid}">{escape(label)}</a>' if uid else escape(label)
    return f'<span class="v">{link}{flag}{_others(row, ids, uid)}</span>'


def _table(indicator: str, rows: list[IndicatorRow], ids: Ids) -> str:
    info = INDICATOR(indicator)
    years = sorted({r.year for r in rows}, key=lambda y: (y is None, y or 0))
    cells: dict[tuple, list[str]] = defaultdict(list)
    places: dict[tuple[str, str], None] = {}
    for r in rows:
        key = (r.province or "–", _place(r))
        places[key] = None
        cells[(key, r.year, r.status)].append(_value_link(r, ids))
    head1 = "".join(f'<th colspan="2">{y if y is not None else "no year"}</th>' for y in years)
    head2 = '<th class="t">target</th><th class="a">actual</th>' * len(years)
    body = []
    for key in sorted(places):
        tds = "".join(f'<td class="{s[0]}">{"".join(cells.get((key, y, s), []))}</td>'
                      for y in years for s in ("target", "actual"))
        body.append(f"<tr><th>{escape(key[0])}</th><td>{escape(key[1])}</td>{tds}</tr>")
    unit = f" ({info.unit})" if info.unit else ""
    return (f'<h3 id="ind-{indicator}">{escape(info.vi)} <small>{escape(info.en)}{escape(unit)} · '
            f"<code>{indicator}</code></small></h3>"
            f'<div class="scroll"><table class="ind"><thead><tr><th rowspan="2">province</th>'
            f'<th rowspan="2">place</th>{head1}</tr><tr>{head2}</tr></thead><tbody>{"".join(body)}</tbody></table>'
            "</div>")


def indicator_tables(rows: list[IndicatorRow], ids: Ids) -> str:
    """One table per indicator that has rows, in the taxonomy's order."""
    by_id: dict[str, list[IndicatorRow]] = defaultdict(list)
    for r in rows:
        by_id[r.indicator].append(r)
    if not by_id:
        return "<p>No figure of these documents maps to an indicator.</p>"
    toc = " · ".join(f'<a href="#ind-{i}">{i}</a> ({len(by_id[i])})' for i in indicator_ids() if i in by_id)
    return f'<p class="toc">{toc}</p>' + "".join(_table(i, by_id[i], ids) for i in indicator_ids() if i in by_id)


def chart_data(rows: list[IndicatorRow], ids: Ids) -> dict:
    """Per indicator (and unit, when its figures come in more than one), one series per (place,
    status) of (year, value, span id) points.

    Of the rows of one place, year and status, the point is the one of the lowest
    star class (the broadest count), totals before yearly rates; none is averaged.
    """
    best: dict[tuple, IndicatorRow] = {}
    for r in rows:
        if r.year is None:
            continue
        key = (r.indicator, r.unit, r.province or "", _label(r), r.status, r.year)
        rank = (r.per is not None, r.stars or 0)
        if key not in best or rank < (best[key].per is not None, best[key].stars or 0):
            best[key] = r
    series: dict[tuple, list] = defaultdict(list)
    for (indicator, unit, _, place, status, year), r in sorted(best.items(), key=lambda kv: kv[0]):
        series[(indicator, unit, place, status)].append([year, r.value, ids.get((r.source_path, *r.span))])
    units: dict[str, set] = defaultdict(set)
    for indicator, unit, _, _ in series:
        units[indicator].add(unit)
    out: dict[str, dict] = {}
    for (indicator, unit, place, status), points in series.items():
        info = INDICATOR(indicator)
        key = indicator if len(units[indicator]) == 1 else f"{indicator} ({unit})"
        entry = out.setdefault(key, {"label": f"{info.en} ({key})", "unit": unit, "series": []})
        entry["series"].append({"place": place, "status": status, "points": points})
    return out


def _label(row: IndicatorRow) -> str:
    place = _place(row)
    return (row.province or "–") if place == "(province)" else place
