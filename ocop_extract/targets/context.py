"""The document-level evidence every target component reads, built once per document.

`target_context(doc)` reads, from the content lines of `doc` and its metadata
(`doc.meta`), the years quantities are read against (`DocYears`), every
candidate numeral and every year expression, and the default scope; the
time scopes (`time_scope`), which the status and year resolvers read, are built on first use.

>>> from ocop_extract.metadata import Metadata
>>> doc = Doc.from_text("x", "Năm 2024, tỉnh phấn đấu có 20 sản phẩm OCOP.")
>>> doc.meta = Metadata(plan_years=(2024, 2025), province="Quảng Nam", published_date="2024-03-01", genre="news")
>>> ctx = target_context(doc)
>>> ctx.years, ctx.default_scope, [e.year for e in ctx.all_years]
(DocYears(default=2025, plan_start=2024, this_year=2024, reporting_year=None, closing_year=None, month_year=2024, posted=(3, 1), period_closed=None), 'Quảng Nam', [2024])
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from ..document import Doc
from ..layout import content_spans
from ..metadata import Metadata
from ..paragraphs import inner_page_numbers
from .numbers import NumberMatch
from .quantities import candidate_numbers
from .time_scope import TimeScopes
from .years import YearExpr, year_expressions


@dataclass(frozen=True)
class DocYears:
    """The years a document's quantities are read against."""

    default: int | None      # deadline when nothing nearer says one (the plan's last year)
    plan_start: int | None   # a year before this is the past
    this_year: int | None    # what "năm nay" means
    reporting_year: int | None = None  # a year half gone when a news text was posted: it reports on it
    closing_year: int | None = None    # … in its last quarter, when the year's results are reviewed
    month_year: int | None = None      # the year of a month said without one ("trong tháng 10", "quý IV")
    posted: tuple[int, int] | None = None  # the month and day a news text was posted
    period_closed: int | None = None  # the last year of a period the text reviews as a whole (`Metadata`)

    @classmethod
    def of(cls, meta: Metadata) -> "DocYears":
        plan, this_year = meta.plan_years, meta.this_year
        # news speaks of the years before its posting as past, whatever plan it reports on
        plan_start = meta.published_year if meta.published_date else (plan[0] if plan else this_year)
        # news posted in the second half of a year reports on that year ("Năm 2023, tỉnh công nhận
        # thêm 52 sản phẩm" in November 2023), where a plan or an early article sets it
        news = meta.published_date is not None and meta.genre == "news"
        month = meta.published_date[5:7] if news else ""
        # a month without its year is of the plan's one year ("Kế hoạch năm 2025" issued in December
        # 2024: "trong quý I"), else of the text's own year
        month_year = plan[0] if plan and plan[0] == plan[1] else this_year
        posted = (int(meta.published_date[5:7]), int(meta.published_date[8:10])) if news else None
        return cls(meta.goal_year or (plan[1] if plan else this_year), plan_start, this_year,
                   meta.published_year if month >= "07" else None, meta.published_year if month >= "10" else None,
                   month_year, posted, meta.period_closed or (
                       # a plan for the years after the text's own (a scheme for 2026–2030 issued in December 2025)
                       # reviews the period ending in the text's year as closed
                       this_year if plan and this_year is not None and plan[0] == this_year + 1 else None))

    def sets(self, e: YearExpr) -> bool:
        """A year a plan is being set for: current (`is_current`) and not the year a late article reports on."""
        return self.is_current(e) and e.year != self.reporting_year

    def is_past(self, e: YearExpr) -> bool:
        """A past year: said as one ("năm trước"), or a deadline or period before the plan began."""
        return e.kind == "past" or (e.kind in ("deadline", "period") and self.plan_start is not None
                                    and e.year < self.plan_start)

    def is_current(self, e: YearExpr) -> bool:
        """A year the plan can set: not a baseline, not the past, not before the plan began."""
        return e.kind not in ("baseline", "past") and not (self.plan_start is not None and e.year < self.plan_start)


class Numbers:
    """The candidate numerals of a document, read once and sliced per sentence or line."""

    def __init__(self, found: list[NumberMatch]):
        self.found = found
        self.starts = [n.start for n in found]

    def within(self, start: int, end: int) -> list[NumberMatch]:
        """The numerals lying inside [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [n for n in self.found[first:last] if n.end <= end]


def within(exprs: list[YearExpr], start: int, end: int) -> list[YearExpr]:
    """The expressions lying inside [start, end) (`exprs` is in text order)."""
    i = bisect_left(exprs, start, key=lambda e: e.start)
    out = []
    while i < len(exprs) and exprs[i].start < end:
        if exprs[i].end <= end:
            out.append(exprs[i])
        i += 1
    return out


@dataclass
class TargetContext:
    """One document as the target components see it."""

    doc: Doc
    meta: Metadata
    years: DocYears
    lower: str                 # the lower-cased normalised text
    numbers: Numbers           # candidate numerals of the content lines
    all_years: list[YearExpr]  # year expressions of the content lines, in text order

    @property
    def official(self) -> bool:
        return self.meta.genre != "news"

    @property
    def default_scope(self) -> str | None:
        """The place a target is for when its clause names none: the issuing district, else the province."""
        return self.meta.district or self.meta.province

    @cached_property
    def headings(self) -> dict[int, tuple[int | None, str | None]]:
        """For each content line, the (year, status) its heading or lead-in sets (`headings`)."""
        from .headings import heading_context  # headings reads this context

        return heading_context(self)

    @cached_property
    def time_scopes(self) -> TimeScopes:
        """The time phrases that govern figures (built on first use)."""
        return TimeScopes(self.doc, self.all_years, self.years.this_year, self.official, self.years.closing_year,
                          self.years.posted, self.years.period_closed)


def target_context(doc: Doc) -> TargetContext:
    """The context of `doc` (built on first use, kept in `doc.memo`); `doc.meta` must be set."""
    if doc.memo.target_context is None:
        meta = doc.meta if doc.meta is not None else Metadata()
        years = DocYears.of(meta)
        text, lower = doc.text, doc.text.lower()
        blocks = content_spans(doc)  # quantities and years are read in content lines only
        # (not a page's number a PDF copy left inside a paragraph: "… 21,9 tỷ" / "2" / "đồng; …")
        pages = {doc.lines[k].start for k in inner_page_numbers(doc)}
        numbers = Numbers([n for start, end in blocks for n in candidate_numbers(text, start, end, lower=lower)
                           if not pages or doc.line_at(n.start).start not in pages])
        dated = meta.published_date or meta.issued_date
        ending = dated is not None and dated[5:7] >= "10"  # "năm qua" in a year's last quarter is that year
        all_years = [e for start, end in blocks for e in year_expressions(text, years.this_year, start, end, ending)]
        doc.memo.target_context = TargetContext(doc, meta, years, lower, numbers, all_years)
    return doc.memo.target_context
