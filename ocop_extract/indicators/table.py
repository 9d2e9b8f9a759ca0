"""The indicator table: one row per (province, place, year, indicator, stars, status, per) across documents.

Each target with an indicator (not `other`, unless asked) is a mention of a fact.
Within one document the first mention of a key in text order is the document's
value (a total comes before its parts: "Tổng kinh phí 950 triệu đồng, trong đó …");
across documents, the same value from a plan and from news about it is one row,
the official text winning (then the later date, then the higher confidence) and
the others listed in `documents`. When documents give different values for the
same key, the row keeps the winner's value, sets `conflict` to 1 and lists every
value with its documents in `values`; values are never averaged. A product count
without a class counts as 3 stars, the least class (CONTRACT.md section 4). `per` is in the
key as well, so a yearly rate ("mỗi năm 20 sản phẩm") is never set against a total.

>>> from ocop_extract.models import Record, Target
>>> def rec(doc_id, genre, value):
...     t = Target(value=value, comparator="=", unit="product", unit_text="sản phẩm", stars=3, year=2024,
...                status="target", span=(0, 11), text=f"{value} sản phẩm", indicator="ocop_products_new",
...                scope_name="Quảng Nam", scope_level="province", scope_province="Quảng Nam")
...     return Record(doc_id=doc_id, source={"path": doc_id + ".txt"}, genre=genre, targets=[t])
>>> rows = build_rows([rec("plan", "official", 54), rec("news", "news", 54)])
>>> [(r.value, r.doc_id, r.documents, r.conflict) for r in rows]
[(54.0, 'plan', ['plan', 'news'], 0)]
>>> rows = build_rows([rec("plan", "official", 54), rec("news", "news", 60)])
>>> [(r.value, r.conflict, r.values) for r in rows]
[(54.0, 1, ['54 product: plan', '60 product: news'])]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Literal, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..models import Comparator, Record, Status, Target, Unit
from .taxonomy import INDICATOR

Level = Literal["province", "district", "commune"]


class IndicatorRow(BaseModel):
    """One row of the indicator table (also the `indicators` table of a database load)."""

    model_config = ConfigDict(extra="forbid")

    province: Optional[str] = Field(None, description="province of the place (names before the 2025 merger)")
    province_2025: Optional[str] = Field(None, description="the province after the July 2025 merger")
    place: Optional[str] = Field(None, description="the place whose figure it is (the target's scope)")
    place_level: Optional[Level] = None
    year: Optional[int] = None
    indicator: str = Field(description="id in lexicon/indicators.yaml")
    indicator_label: str = Field(description="its English label")
    stars: Optional[int] = Field(None, ge=1, le=5)
    status: Status
    per: Optional[Literal["year"]] = None
    value: float
    value_max: Optional[float] = None
    comparator: Comparator
    unit: Unit
    conflict: int = Field(0, ge=0, le=1, description="1 when documents give different values for this row")
    values: list[str] = Field(default_factory=list, description="every value given, with its documents")
    doc_id: str = Field(description="the document the value is taken from")
    source_path: str
    genre: Optional[str] = None
    doc_type: Optional[str] = None
    number: Optional[str] = None
    span: tuple[int, int]
    text: str
    documents: list[str] = Field(default_factory=list, description="every document reporting this row")
    spans: list[str] = Field(default_factory=list, description="doc_id:start-end of every mention")
    mentions: int = Field(1, ge=1)


class _Mention(NamedTuple):
    record: Record
    target: Target


Key = tuple


def row_key(record: Record, target: Target) -> Key:
    """(province, place, year, indicator, stars, status, per) of one target."""
    province = target.scope_province or record.province
    place = target.scope_name or province
    stars = target.stars
    if stars is None and (target.indicator or "").startswith("ocop_products"):
        stars = 3   # "sản phẩm OCOP" alone is the least class, 3 stars (CONTRACT.md section 4)
    return (province, place, target.year, target.indicator, stars, target.status, target.per)


def _rank(m: _Mention) -> tuple:
    """Sort order of documents for a row: official first, then later dates (undated last), higher
    confidence, doc_id."""
    r = m.record
    date = r.issued_date or r.published_date or ""
    return (r.genre != "official", not date, _neg(date), -(m.target.confidence or 0), r.doc_id)


def _neg(date: str) -> tuple:
    return tuple(-ord(c) for c in date)


def number(value: float) -> str:
    """A value as written in the table: 4500000000, 1.5.

    >>> number(4.5e9), number(1.5)
    ('4500000000', '1.5')
    """
    return str(int(value)) if float(value).is_integer() and abs(value) < 2**53 else repr(float(value))


def _fmt(t: Target) -> str:
    value = number(t.value) + (f"-{number(t.value_max)}" if t.value_max is not None else "")
    return f"{value} {t.unit}"


def collect(records: Iterable[Record], include_other: bool = False) -> dict[Key, list[list[_Mention]]]:
    """Mentions grouped by row key, then by document (in input order), each document's in text order."""
    groups: dict[Key, dict[str, list[_Mention]]] = defaultdict(dict)
    for record in records:
        for target in record.targets:
            if target.indicator is None or (target.indicator == "other" and not include_other):
                continue
            key = row_key(record, target)
            groups[key].setdefault(record.doc_id + "\0" + record.source.path, []).append(_Mention(record, target))
    return {k: list(docs.values()) for k, docs in groups.items()}


def _row(key: Key, docs: list[list[_Mention]]) -> IndicatorRow:
    firsts = sorted((ms[0] for ms in docs), key=_rank)
    win = firsts[0]
    by_value: dict[tuple, list[str]] = {}
    for m in firsts:
        by_value.setdefault((m.target.value, m.target.value_max), []).append(m.record.doc_id)
    values = [f"{_fmt(next(m.target for m in firsts if (m.target.value, m.target.value_max) == v))}: "
              + ", ".join(ids) for v, ids in by_value.items()]
    t, r = win.target, win.record
    province, place, year, indicator, stars, status, per = key
    return IndicatorRow(
        province=province, province_2025=t.scope_province_2025 or r.province_2025, place=place,
        place_level=t.scope_level or ("province" if place and place == province else None),
        year=year, indicator=indicator, indicator_label=INDICATOR(indicator).en, stars=stars,
        status=status, per=per, value=t.value, value_max=t.value_max, comparator=t.comparator,
        unit=t.unit, conflict=int(len(by_value) > 1), values=values, doc_id=r.doc_id,
        source_path=r.source.path, genre=r.genre, doc_type=r.doc_type, number=r.number,
        span=t.span, text=t.text, documents=[m.record.doc_id for m in firsts],
        spans=[f"{m.record.doc_id}:{m.target.span[0]}-{m.target.span[1]}" for ms in docs for m in ms],
        mentions=sum(len(ms) for ms in docs))


def _sort_key(row: IndicatorRow) -> tuple:
    return (row.province or "", row.place or "", row.indicator, row.year or 0, row.status,
            row.stars or 0, row.per or "")


def build_rows(records: Iterable[Record], include_other: bool = False) -> list[IndicatorRow]:
    """The indicator table of `records`, sorted by province, place, indicator, year, status, stars."""
    return sorted((_row(k, docs) for k, docs in collect(records, include_other).items()), key=_sort_key)
