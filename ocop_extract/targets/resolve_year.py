"""The year resolver: the deadline of a target, the year an actual was reached.

A target's year: one stated before it in its sentence; else one stated after
it in its clause with no other quantity between (not across the words that
open a breakdown, lexicon `breakdown`: "trong đó", "gồm"); else the year carried from the paragraph or heading
above; else the plan's last year. Baselines ("so với năm 2023"), past years
and years before the plan began never set a deadline. An actual's year is that
of the time phrase that governs it (`time_scope`), else none.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.metadata import Metadata
>>> from ocop_extract.targets.context import target_context
>>> from ocop_extract.targets.finders import sentence_candidates
>>> from ocop_extract.targets.resolve_status import settle_status
>>> doc = Doc.from_text("x", "Năm 2023, tỉnh có 120 sản phẩm OCOP. Phấn đấu có thêm 30 sản phẩm vào năm 2025.")
>>> doc.meta = Metadata(plan_years=(2024, 2026), issued_date="2024-02-01")
>>> ctx = target_context(doc)
>>> [(c.status, c.year) for c in settle_years(settle_status(sentence_candidates(ctx)), ctx)]
[('actual', 2023), ('target', 2025)]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..contain import guard
from .candidates import Candidate
from .context import TargetContext
from .comparators import rise_start
from .cues import breakdown_regex, cues, phrase_regex
from .plan_cues import names_a_plan, set_by_goal, strong_target_between
from .prices import said_as_price
from .scopes import CLAUSE, DOCUMENT, PARAGRAPH, SECTION, SENTENCE, decided
from .time_scope import SINCE
from .years import YearExpr, baseline_aside, month_expressions, year_of_day



@dataclass(frozen=True)
class YearContext:
    """One prose candidate whose status is settled, and the document it is read in."""

    candidate: Candidate
    doc: TargetContext


def settle_years(candidates: list[Candidate], ctx: TargetContext) -> list[Candidate]:
    """Set the year of every prose candidate (a table cell's year comes from its column)."""
    for c in candidates:
        if c.prose is None:
            continue
        with guard("target", ctx.doc.text, c.prose.q.start, c.prose.q.end):  # a failure costs this figure alone
            c.year = resolve_year(YearContext(c, ctx))
            continue
        c.kept = False
    return candidates


def resolve_year(ctx: YearContext) -> int | None:
    """The year of the candidate, with the reason appended to its `why`."""
    c = ctx.candidate
    if c.status == "target" and c.aside and c.prose is not None:
        # the plan a result is measured by: of the time its sentence says before it ("giai đoạn 2021-2025, …
        # vượt 9% mục tiêu của giai đoạn (2.000 sản phẩm)", "Tính đến ngày 30/4/2025, … đạt 100,8% mục tiêu")
        # (unless its clause names its own: "vượt xa mục tiêu 10.000 sản phẩm đặt ra … cho giai đoạn 2021-2025")
        own = [e.year for e in c.prose.sentence.years if c.prose.q.end <= e.start < c.prose.clause[1] and e.kind != "baseline"]
        if own:
            return decided(c.why, "year", own[0], CLAUSE, "the goal's own time, said after it")
        said = [e.year for e in c.prose.sentence.years if e.end <= c.prose.q.start and e.kind != "baseline"]
        phrase = ctx.doc.time_scopes.governing(c.prose.q.start, c.prose.q.end)
        year = said[-1] if said else phrase.year if phrase is not None else None
        if year is not None:
            return decided(c.why, "year", year, SENTENCE, "the time of the result it measures")
    if c.status == "target":
        return _deadline(c)
    foreseen = _foreseen_year(c)
    if foreseen is not None:
        return foreseen
    year = _reached(ctx)
    dated = ctx.doc.meta.published_year or ctx.doc.meta.issued_year
    if year is not None and dated is not None and year > dated:
        # what a text reports was reached by the day it is dated: a later year is a goal's said beside it
        # ("… có 236 sản phẩm, vượt 18 sản phẩm so với mục tiêu … đặt ra cho năm 2025" in December 2023)
        return decided(c.why, "year", None, CLAUSE, f"not {year}: later than the text's own date ({dated})")
    return year


def _foreseen_year(c: Candidate) -> int | None:
    """The later year said right after a figure a text reports as foreseen, its own ("khoảng 1.650 sản phẩm
    hết hạn trong năm 2026" in 2025), or None; not a goal's year said beside a result ("vượt 18 sản phẩm so
    với mục tiêu đặt ra cho năm 2025")."""
    p = c.prose
    assert p is not None
    years = p.sentence.doc_years
    later = [o.start for o in p.in_clause if o.start > p.q.start]
    usable = [e for e in p.sentence.years if e.kind == "deadline" and years.this_year is not None and e.year > years.this_year]
    own = _own_year(p.sentence.text, p.q.end, min(later, default=p.clause[1]), usable, bool(later))
    if own is None or strong_target_between(p.sentence.text, p.q.end, own.start) \
            or _COMPARED.search(p.sentence.text, p.q.end, own.start):
        return None
    return decided(c.why, "year", own.year, CLAUSE, "its own later year, said right after it")


_COMPARED = regex.compile(r"(?<![\p{L}])(?:so với|kế hoạch|mục tiêu|chỉ tiêu)(?![\p{L}])", regex.I)


def _reached(ctx: YearContext) -> int | None:
    """The year an actual was reached: the time phrase that governs it, else the event the text reports."""
    c = ctx.candidate
    assert c.prose is not None
    compared = baseline_aside(c.prose.sentence.text, c.prose.sentence.years, c.prose.q.start)
    if compared is not None:
        return decided(c.why, "year", compared.year, CLAUSE, "the year compared with, before the parenthesis")
    dated = _DATED_FIGURE.match(c.prose.sentence.text, c.prose.q.end) if c.unit != "times" else None
    if dated:  # "giảm từ 19,5% cuối năm 2021 xuống còn 15,8% cuối năm 2022": each figure says its own year
        # (not a multiple's: "gấp 1,6 lần năm 2020" compares with that year)
        return decided(c.why, "year", int(dated["y"]), CLAUSE, f"its own date {dated.group().strip()!r}")
    if c.prose.q.value_max is None and rise_start(c.prose.sentence.text, c.prose.q.start, c.prose.q.end):
        # "Năm 2023, số sản phẩm 4 sao đã tăng từ 17 lên 24 sản phẩm": a rise starts before the time it is said
        # of, unless its own date stands beside it ("từ 282 sản phẩm (tính đến hết năm 2021) lên …")
        own = _PAREN_DATE.match(c.prose.sentence.text, c.prose.q.end)
        if own:
            return decided(c.why, "year", int(own["y"]), CLAUSE, "where a rise starts, its own date in parentheses")
        return decided(c.why, "year", None, CLAUSE, "where a rise starts, before the time said of it")
    phrase = ctx.doc.time_scopes.governing(c.prose.q.start, c.prose.q.end, c.prose.clause[1])
    if phrase is None:
        return _event_year(ctx)
    said = c.prose.sentence.text[phrase.start:phrase.end]
    scope = SENTENCE if phrase.start >= c.prose.sentence.start else PARAGRAPH if phrase.reach < c.prose.sentence.end + 2000 else SECTION
    posted_year = ctx.doc.meta.published_year
    if scope != SENTENCE and c.prose.sentence.genre == "news" and phrase.year is not None and posted_year is not None \
            and phrase.year < posted_year and _as_it_is(c):
        # "Theo ông Hải, năm 2024 nhà thùng đón …. Giá nước mắm của cơ sở từ 90.000 đến 160.000 đồng/lít" in 2025: what
        # a thing sells at, or what recurs, is told as it is now, not of a past year an earlier sentence said
        return decided(c.why, "year", None, SENTENCE, f"a price or a habit, told as it is now (not {said!r})")
    # the day the text speaks from: a news text's posting, a report's or letter's issue (a plan's "đến nay"
    # is its baseline, which gold leaves without a year)
    meta = ctx.doc.meta
    posted = meta.published_date if c.prose.sentence.genre == "news" else \
        meta.issued_date if meta.doc_type in _REPORTING_TYPES else None
    if phrase.year is None and posted is not None:
        review = posted[5:7] <= _EARLY_MONTH and ctx.doc.time_scopes.opening_year() == int(posted[:4]) - 1
        if _PRESENT.search(said) and not review:
            # "hiện có", "đến nay" in news: what is now, in the year the article was posted (CONTRACT.md
            # §4 accepts it, or none); not in a review of the year before posted early in the next, whose
            # present is that year's end
            return decided(c.why, "year", int(posted[:4]), scope, f"the present {said!r}: the year the article was posted")
        day = _DAY_OF.search(said)
        if day:  # "đến ngày 25/12": of the year posted, or the one before for a month well after the posting
            year = year_of_day(int(day.group("m")), int(posted[:4]), int(posted[5:7]))
            return decided(c.why, "year", year, scope, f"the day {said!r}, in the year the article was posted")
    return decided(c.why, "year", phrase.year, scope, f"the time phrase {said!r} governs it")


_HABIT = phrase_regex(cues()["status"]["habit"])


def _since_gone_by(text: str, floor: int, e: YearExpr, years) -> bool:
    """Whether the year `e` is where something began, by the text's own year and before the plan's end ("01
    điểm … chuyển tiếp từ năm 2024" in a plan for 2025): a start, no deadline (not "từ năm 2025, Bộ sẽ tổ chức …"
    in 2024, a plan's first year)."""
    return bool(SINCE.search(text, floor, e.start)) and years.this_year is not None and years.default is not None \
        and e.year <= years.this_year and e.year < years.default


def _as_it_is(c: Candidate) -> bool:
    """Whether a reported figure is a price ("có giá 250.000 đồng/chai") or a habit ("mỗi ngày cao điểm có từ 300
    đến 500 lượt khách"), which news tells of as they are now."""
    p = c.prose
    assert p is not None
    text, (start, _) = p.sentence.text, p.clause
    return (c.unit == "VND" and said_as_price(text, start, c.start, p.q.end)) \
        or _HABIT.search(text, start, p.q.start) is not None


# a year said right after a reached figure, as its date: "31 sản phẩm cuối năm 2023", "22,7% năm 2021"
_DATED_FIGURE = regex.compile(r"\s*(?:cuối|hết|đầu)?\s*năm\s+(?P<y>(?:19|20)\d{2})(?![\d/])(?=\s*(?:[,;.)]|lên|xuống|và|\Z))", regex.I)
# a figure's date in the parenthesis right after it: "(năm 2025, gồm …)", "(tính đến hết năm 2021)"
_PAREN_DATE = regex.compile(r"\s*\((?:[^()\d]{0,24}\s)?(?:năm\s+)(?P<y>(?:19|20)\d{2})(?![\d/])", regex.I)
# the present said as such ("đến nay", "hiện có", "hiện nay", "tính đến nay"), not a period still running
_PRESENT = regex.compile(r"(?<![\p{L}])(?:nay|hiện)(?![\p{L}])", regex.I)
_REPORTING_TYPES = ("Báo cáo", "Công văn", "Thông báo")  # official texts that report as of their day
_EARLY_MONTH = "02"  # a review of a year posted by this month of the next speaks of that year's end as "now"
_DAY_OF = regex.compile(r"(?:ngày\s+\d{1,2}\s*[/.-]\s*|tháng\s+)(?P<m>\d{1,2})(?![\d/])", regex.I)


def _event_year(ctx: YearContext) -> int | None:
    """The year a news text's opening dates what it reports ("Hội chợ … năm 2024 đã bế mạc chiều 24/11"),
    for a result no time phrase of its own governs, when that is the year it was posted in; else None."""
    c, years = ctx.candidate, ctx.doc.years
    opening = ctx.doc.time_scopes.opening_year()
    if c.prose is None or c.prose.sentence.genre != "news" or opening is None or years.this_year is None \
            or opening != years.this_year or any(e.kind != "baseline" for e in c.prose.sentence.years):
        return None  # (a sentence that says a year of its own, "giai đoạn 2018 - 2022", is not the event's;
        # one it compares with, "tăng 30% so với hội chợ năm 2024", is)
    return decided(c.why, "year", opening, DOCUMENT, f"the year {opening} the text's opening reports")


# what may stand between a figure and the year that is its own: the rest of its noun phrase and a
# preposition (" năm 2019", " vào năm 2025", " đánh giá trong năm 2026"), never a comma or a
# parenthesis: "năm 2024 là 11.800 triệu đồng, năm 2025 là 12.800 triệu đồng" lists years first
_OWN_YEAR_GAP = regex.compile(r"[^,;:.()\n]{0,40}")


# a year that leads the figure after it: "… và năm 2025 là 11,8 tỷ đồng"
_LEADS = regex.compile(r"\s*(?:là|:|có|đạt)?\s*\Z", regex.I)


def _own_year(text: str, end: int, limit: int, years: list[YearExpr], figure_next: bool = True) -> YearExpr | None:
    """The year said right after a figure ending at `end`, before `limit` (the next figure, when
    `figure_next`, else the end of its clause), or None.

    >>> from ocop_extract.targets.years import year_expressions
    >>> t = "bố trí 5,5 tỷ đồng năm 2019 và khoảng 8 tỷ đồng năm 2020"
    >>> _own_year(t, t.find(" năm 2019"), t.find("khoảng"), year_expressions(t, 2019)).year
    2019
    >>> t = "Gia Lai hướng tới ít nhất 700 sản phẩm vào năm 2030"
    >>> _own_year(t, t.find(" vào"), len(t), year_expressions(t, 2025), figure_next=False).year
    2030
    >>> t = "trong đó năm 2024 là 9,8 tỷ đồng và năm 2025 là 11,8 tỷ đồng"
    >>> _own_year(t, t.find(" và"), t.find("11,8"), year_expressions(t, 2024)) is None
    True
    """
    for e in years:
        if end <= e.start < limit:
            gap = _OWN_YEAR_GAP.match(text, end, e.start)
            if gap and gap.end() == e.start and not breakdown_regex().search(text, end, e.start) \
                    and not (figure_next and _LEADS.match(text, e.end, limit)):
                return e
            return None
    return None


def _deadline(c: Candidate) -> int | None:
    """The deadline year of a target candidate."""
    assert c.prose is not None
    p, why = c.prose, c.why
    s, q, years = p.sentence, p.q, p.sentence.doc_years
    # (a past plan's horizon its goal sets is the year too: "đặt mục tiêu đến năm 2025 toàn tỉnh có ít nhất 140 …")
    usable = [e for e in s.years if (years.is_current(e) or (e.kind == "deadline" and (
        set_by_goal(s.text, s.start, e.start) or names_a_plan(s.text, s.start, e.start))))
        and not _since_gone_by(s.text, max(s.start, e.start - 12), e, years)]
    c_end = p.clause[1]
    later = [o.start for o in p.in_clause if o.start > q.start]
    own = _own_year(s.text, q.end, min(later, default=c_end), usable, bool(later))
    if own is not None:
        return decided(why, "year", own.year, CLAUSE, "stated right after it")
    before = [e for e in usable if e.end <= q.start]
    if before:
        return decided(why, "year", before[-1].year, SENTENCE, "stated before it")
    for e in usable:
        if q.end <= e.start < c_end and not any(e.end <= start < c_end for start in later):
            if not breakdown_regex().search(s.text, q.end, e.start) and not strong_target_between(s.text, q.end, e.start):
                # (not a year of a goal said after it: "thêm 2 tiêu chí, phấn đấu đến năm 2027 xã đạt chuẩn")
                return decided(why, "year", e.year, CLAUSE, "stated after it")
    if s.carried_year is not None:
        scope = PARAGRAPH if s.carried_scope == PARAGRAPH else SECTION
        return decided(why, "year", s.carried_year, scope, f"carried from the {s.carried_scope} above")
    if years.month_year is not None:  # "trong tháng 10, tỉnh sẽ tổ chức 02 lớp": a month of the year spoken of
        month = next(iter(month_expressions(s.text, years.month_year, s.start, c_end)), None)
        if month is not None:
            said = s.text[month.start:month.end]
            return decided(why, "year", month.year, SENTENCE, f"the month {said!r} of the year the text speaks of")
    return decided(why, "year", years.default, DOCUMENT, "the plan's last year")
