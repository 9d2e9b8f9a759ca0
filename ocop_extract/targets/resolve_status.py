"""The status resolver: target or actual for each prose candidate, from the nearest scope open
where it stands (the kinds in `scopes`; each decision names its scope and cue in `why`).

In order: the sentence's past year before it; the clause's share of the plan reached or the
plan's figure in parentheses; the breakdown it is a part of (the figure it breaks down); the
nearest cue before it (a weak cue after another figure keeps that figure's status; a verb of
doing takes the scope open, `_open_scope`; a target cue under a results heading reports); the
figure before it in the sentence; a floor or a ceiling, unless it describes inside a paragraph
of results; the first cue after it in its clause; a count out of a total; a time phrase of a
period gone by; the figure before it in the paragraph (a new topic cuts a plan's reach); a past
year of the paragraph; a later year in the sentence; the heading above; a plain figure in news;
the default, target. The cues are matched by `status`.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.metadata import Metadata
>>> from ocop_extract.targets.context import target_context
>>> from ocop_extract.targets.finders import sentence_candidates
>>> doc = Doc.from_text("x", "Đến nay, toàn tỉnh có 120 sản phẩm OCOP; phấn đấu năm 2025 có 150 sản phẩm.")
>>> doc.meta = Metadata(plan_years=(2024, 2025))
>>> found = settle_status(sentence_candidates(target_context(doc)))
>>> [(c.value, c.status) for c in found]
[(120.0, 'actual'), (150.0, 'target')]
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..contain import guard
from ..phrases import alternation
from ..sentences import in_parentheses
from .candidates import Candidate
from .comparators import rise_start
from .context import TargetContext
from .cues import breakdown_regex, cues
from .tasks import ITEM_MARK, PASSIVE_GAP, opens_on_a_task, task_clause
from .scopes import BREAKDOWN, CLAUSE, DOCUMENT, PARAGRAPH, SECTION, SENTENCE, decided
from .plan_cues import opens_an_item, plan_assigns, set_by_goal, strives_before, strong_target_between
from .status import (aspect_over_series, is_allocation_cue, is_elapsed_cue, is_task_cue, is_weak_cue, is_year_mark, reports_reached,
                     speaks_of_figure, strives_to_exceed)
from .deadlines import deadline_ahead, year_end_ahead
from .plan_figures import MEASURED_AGAINST, plan_figure
from .prices import price_said_before
from .status_after import comparator_cues as _comparator_cues, cues_after
from .status_context import Cue, StatusContext, sentence_topic
from .time_scope import TimePhrase
from .years import baseline_aside

_LEAD_IN_COLON = regex.compile(r"\s*:")  # a plan's cue that opens a list: "Kế hoạch năm 2024 đề ra: …"
_PREAMBLE = regex.compile(r"\s*(?:xét|căn\s+cứ)\s", regex.I)  # the grounds a decision is taken on
_OPENS_ASIDE = regex.compile(r"\(\s*\Z")  # a weak cue opening an aside says what it is: "(hiện mới chưa đến 12%)"
# what a count out of a total lacks is a state, not a goal: "9/14 xã, thị trấn chưa có sản phẩm OCOP"
# products whose recognition runs out, foreseen or not, counted with "có": "có 46 sản phẩm hết thời hạn"
_EXPIRING = regex.compile(r"(?:\s+[^\s\d,.;:()]+){0,2}?\s+(?:sẽ\s+|sắp\s+)?hết\s+(?:thời\s+)?hạn(?![\p{L}])", regex.I)
_HAS_BEFORE = regex.compile(r"(?<![\p{L}])có\s+\Z", regex.I | regex.REVERSE)
_SHORTFALL = regex.compile(r"(?<![\p{L}])(?:chưa|còn\s+thiếu)(?![\p{L}])", regex.I)
# what stands between two parts of a breakdown: a list's comma or "và", and the next part's label
# ("…, Bến Tre (cũ) ", "và huyện A có ")
_NEXT_PART = regex.compile(r"\s*(?:,|;|và)\s*[^,;.:()\d]{0,40}(?:\([^()\d]{0,12}\)\s*)?(?:có\s+|là\s+)?", regex.I)

def settle_status(candidates: list[Candidate], doc: TargetContext | None = None) -> list[Candidate]:
    """Set the status of every prose candidate, in text order (a figure without a cue follows the one before).

    `doc`: the document they were found in, whose time scopes (a period gone by reports) are read
    where no nearer evidence decides.
    """
    paragraph, para_status, prev_para = -1, None, None
    first: dict[int, str] = {}  # the status of each paragraph's first figure (what one after refers to)
    sentence, prev_status, prev_end = None, None, 0
    opening = 0  # where the sentence's first figure starts (its subject stands before it)
    head: tuple[int, str, Candidate] | None = None  # the figure a breakdown after it breaks down
    for c in candidates:
        if c.prose is None:
            continue  # a table cell: its column said
        s = c.prose.sentence
        if s.paragraph != paragraph:
            before = prev_para = para_status
            paragraph, head = s.paragraph, None
            para_status = first.get(s.carries_from) if s.carries_from is not None else None
            if para_status is None and before == "target" and opens_on_a_task(s.text, s.start, c.prose.q.start, habit=True):
                para_status = "target"  # "Bồi dưỡng 90% cán bộ …" after a paragraph of goals: the list goes on
        if s is not sentence:
            if para_status == "target" and sentence is not None and sentence.paragraph == s.paragraph:
                # "… Bắc Ninh đặt mục tiêu …. TP Hải Phòng có 302 sản phẩm": a plan does not reach another topic
                place = sentence_topic(doc, s.start, c.prose.q.start)
                before = sentence_topic(doc, sentence.start, opening) if place is not None else None
                if before is not None and place != before:
                    para_status = head = None
            sentence, prev_status, prev_end, opening = s, None, s.start, c.prose.q.start
        with guard("target", s.text, c.prose.q.start, c.prose.q.end):  # a failure costs this figure alone
            c.status = resolve_status(StatusContext(c, prev_status, prev_end, para_status, prev_para, head, doc))
            if c.aside:
                continue  # the plan a result is compared with: the figures after it go on from the result
            prev_status, prev_end = c.status, c.end
            if not in_parentheses(s.text, s.start, c.prose.q.start):
                # an aside in parentheses ("(kế hoạch 25 sản phẩm)") sets neither the paragraph's status nor a head
                para_status, head = c.status, (c.end, c.status, c)
                first.setdefault(paragraph, c.status)
        if c.status is None:
            c.kept = False
    return candidates


def resolve_status(ctx: StatusContext) -> str:
    """Target or actual, with the reason appended to the candidate's `why`."""
    p, why = ctx.prose, ctx.candidate.why
    s, q, text = p.sentence, p.q, p.sentence.text
    at = bisect_left(s.cues, (q.start,))
    # the nearest cues are what count: a bounded look back keeps long lists of figures linear
    before = [c for c in s.cues[max(0, at - 32):at] if c[1] <= q.start and c[2] != "actual_after"]
    said = plan_figure(text, s.start, q.start, q.end, q.unit)
    if said is not None:  # "bằng 56% kế hoạch năm", "(kế hoạch 25 sản phẩm)", "chỉ tiêu 25 sản phẩm", a past year's too
        ctx.candidate.aside = said[1] == MEASURED_AGAINST
        return decided(why, "status", said[0], CLAUSE, said[1])
    # a past year in a parenthesis closed before the figure is an aside ("(6 sản phẩm được công nhận năm 2019)")
    past = [e for e in s.years if e.end <= q.start and s.doc_years.is_past(e)
            and not (in_parentheses(text, s.start, e.start) and not in_parentheses(text, s.start, q.start))]
    # (not a past plan's horizon its goal sets: "… đặt mục tiêu đến năm 2025 toàn tỉnh có ít nhất 140 …")
    if past and not strong_target_between(text, past[-1].end, q.start) and not set_by_goal(text, s.start, past[-1].start):
        return decided(why, "status", "actual", SENTENCE, f"past year {past[-1].year} before it")
    if q.value_max is None and rise_start(text, q.start, q.end):  # "nâng tổng số từ 461 sản phẩm lên 650 sản phẩm": what is now
        return decided(why, "status", "actual", CLAUSE, "where the rise after 'từ' starts")
    compared = baseline_aside(text, s.years, q.start)
    if compared is not None:  # "cao hơn năm 2023 (xấp xỉ 9,6 tỷ đồng)": what that year reached
        return decided(why, "status", "actual", CLAUSE, f"the figure of the year compared with, {compared.year}")
    deadline = deadline_ahead(text, q.end, p.clause[1], s.doc_years)
    if deadline and not any(c[2] == "actual" and c[0] >= p.clause[0] for c in before):
        return decided(why, "status", "target", CLAUSE, f"the deadline {deadline!r}, still ahead")
    year_end = year_end_ahead(text, s.start, q.start, s.doc_years)
    if year_end and not any(c[2] == "actual" and not is_weak_cue(text[c[0]:c[1]]) and c[0] > year_end.end()
                            for c in before):  # "đến cuối năm 2023, xã … được công nhận" posted in July 2023
        return decided(why, "status", "target", SENTENCE, f"{year_end.group()!r}, still ahead when posted")
    if q.unit == "product" and _HAS_BEFORE.search(text, max(s.start, q.start - 8), q.start) \
            and _EXPIRING.match(text, q.end, p.clause[1]):
        # "Năm 2025 cũng là năm có 46 sản phẩm hết thời hạn", "sẽ có 187 sản phẩm hết thời hạn": how many run
        # out, foreseen or not, not a task on them
        return decided(why, "status", "actual", CLAUSE, "a count of products whose recognition runs out")
    parts = _breakdown_of(ctx, before)
    if parts is not None:
        return parts
    if before and ctx.prev_status and is_weak_cue(text[before[-1][0]:before[-1][1]]) and not speaks_of_figure(
            text, before[-1][:2], q.start) and not _OPENS_ASIDE.search(text, max(s.start, before[-1][0] - 4), before[-1][0]):
        strong = [c for c in before if c[0] >= ctx.prev_end and not is_weak_cue(text[c[0]:c[1]])]
        if not strong:
            weak = text[before[-1][0]:before[-1][1]]
            return decided(why, "status", ctx.prev_status, SENTENCE, f"as the figure before it ({weak!r} is weak)")
        before = strong
    if before:
        return _by_cue_before(ctx, before)
    if s.genre == "news" and q.unit == "VND" and price_said_before(text, s.start, ctx.candidate.start):
        # "Những chiếc khăn … có giá từ 450.000 đến 600.000 đồng": news describes what a price is
        return decided(why, "status", "actual", CLAUSE, "a price, in news, with no cue before it")
    if ctx.prev_status:
        return decided(why, "status", ctx.prev_status, SENTENCE, "as the figure before it")
    # a floor or a ceiling plans, unless it describes inside a paragraph of results ("các địa phương có
    # nhiều sản phẩm, mỗi nơi từ 10 sản phẩm trở lên") with no year of a plan before it
    reporting = ctx.para_status == "actual" and not any(e.end <= q.start and s.doc_years.sets(e) for e in s.years)
    if ctx.candidate.comparator in (">=", "<=") and not s.past and not reporting:
        return decided(why, "status", "target", CLAUSE, f"{ctx.candidate.comparator!r} sets a floor or a ceiling")
    return _without_cue_before(ctx, at)


def _breakdown_of(ctx: StatusContext, before: list[Cue]) -> str | None:
    """The status of the figure a breakdown opened before this one breaks down ("19 sản phẩm, đạt
    54% kế hoạch năm (35 sản phẩm); trong đó 17 sản phẩm 3 sao"), or None: the parts of a figure
    take its status unless a cue of their own, neither weak nor a verb of doing, stands after the
    opening words (lexicon `breakdown`, `breakdown_parts`); a figure in parentheses is an aside,
    never the head."""
    if ctx.head is None:
        return None
    p, why = ctx.prose, ctx.candidate.why
    text, earlier = p.sentence.text, ctx.head[0] < p.sentence.start
    opened = None
    for m in breakdown_regex("breakdown_parts").finditer(text, max(ctx.head[0], p.sentence.start), p.q.start):
        opened = m
    previous = ctx.head[2]
    if opened is None and previous.part_of is not None and not earlier \
            and _NEXT_PART.fullmatch(text, ctx.head[0], ctx.candidate.start) \
            and not any(c[0] >= ctx.head[0] and not is_weak_cue(text[c[0]:c[1]]) for c in before):
        # "trong đó Vĩnh Long (cũ) 168 sản phẩm, Bến Tre (cũ) 176 sản phẩm": the next part of the same whole
        ctx.candidate.part_of = previous.part_of
        return decided(why, "status", ctx.head[1], BREAKDOWN, "a further part of the figure before them")
    # a paragraph's earlier figure is broken down only by a sentence that opens so; parts opened in a parenthesis
    # end with it ("(gồm 01 … và 130 sản phẩm 3 sao); số sản phẩm công nhận mới … là 37")
    if opened is None or (earlier and opened.start() > p.sentence.start + 24) or (in_parentheses(
            text, p.sentence.start, opened.start()) and not in_parentheses(text, p.sentence.start, p.q.start)):
        return None
    own = [c for c in before if c[0] >= opened.end() and not is_weak_cue(text[c[0]:c[1]])
           and not is_task_cue(text[c[0]:c[1]])]
    if own:
        return None
    ctx.candidate.part_of = ctx.head[2]
    return decided(why, "status", ctx.head[1], BREAKDOWN, f"{opened.group()!r} opens the parts of the figure before it")


# a habit said before a verb of doing: "mỗi năm đón …", "hằng năm tổ chức …" (lexicon `rate.before`)
_HABIT_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(cues()['rate']['before'] + cues()['status']['habit'], fold_case=True)})"
                              r"\s*,?\s*\Z", regex.I | regex.REVERSE)


def _by_cue_before(ctx: StatusContext, before: list[Cue]) -> str:
    """The status the nearest cue before the quantity gives (a verb of doing: the scope that is open)."""
    p, why = ctx.prose, ctx.candidate.why
    s, text = p.sentence, p.sentence.text
    cue = before[-1]
    said = " ".join(text[cue[0]:cue[1]].lower().split())
    if strives_to_exceed(text, cue, s.start):
        return decided(why, "status", "target", CLAUSE, f"{said!r} is what a plan's cue strives for")  # "phấn đấu vượt 340"
    if said in _comparator_cues() and s.genre == "news" and price_said_before(text, s.start, cue[0]) \
            and not strong_target_between(text, s.start, cue[0]):
        # "Quế Trà Bồng đóng gói có giá không dưới 60.000 đồng/kg": news describes what a price is
        return decided(why, "status", "actual", CLAUSE, f"a price said with {said!r}, in news")
    if said in _comparator_cues() and ctx.prev_status == "actual" \
            and any(c[2] == "actual" and c[1] <= ctx.prev_end for c in before) \
            and not any(ctx.prev_end <= c[0] < cue[0] and not is_weak_cue(text[c[0]:c[1]]) for c in before):
        # "Hiện toàn tỉnh có 14 điểm …, mỗi huyện có ít nhất 1 điểm": a floor that describes what a cue
        # of the sentence said is
        return decided(why, "status", "actual", SENTENCE, f"{said!r} after a figure of what is, with no cue between")
    if cue[2] == "target" and len(before) > 1 and (aspect_over_series(text, before[:-1], cue[:2]) or (
            is_task_cue(text[cue[0]:cue[1]]) and speaks_of_figure(text, before[-2][:2], cue[0], PASSIVE_GAP))):
        # "vừa được hỗ trợ 3 chủ thể", "đã tổ chức 5 lớp": an aspect word on the verb reports what it did
        # (and on the verbs of its series: "đã hoàn thiện hồ sơ, đề nghị Trung ương đánh giá 2 sản phẩm")
        aspect = text[before[-2][0]:before[-2][1]]
        return decided(why, "status", "actual", CLAUSE, f"{aspect!r} on the verb {text[cue[0]:cue[1]]!r}")
    if cue[2] == "target" and is_task_cue(text[cue[0]:cue[1]]):
        opened = _open_scope(ctx, before[:-1], text[cue[0]:cue[1]])
        if opened is not None:
            return decided(why, "status", opened[0], opened[1], f"{text[cue[0]:cue[1]]!r} does as {opened[2]}")
        reached = [c for c in cues_after(ctx.prose, bisect_left(s.cues, (p.q.start,))) if c[2] == "actual_after"]
        if s.genre == "news" and reached and not is_allocation_cue(text[cue[0]:cue[1]]):
            # "Lạng Sơn: Thêm 36 sản phẩm đạt chuẩn OCOP": news tells what a verb of doing reached (not money set
            # aside "để thưởng … cho các xã đạt chuẩn": the words after it name who receives it)
            said = text[reached[0][0]:reached[0][1]]
            return decided(why, "status", "actual", CLAUSE, f"{text[cue[0]:cue[1]]!r}, then {said!r} after it, in news")
        habit = _HABIT_BEFORE.search(text, max(s.start, cue[0] - 24), cue[0]) if s.genre == "news" else None
        ahead = habit is not None and s.doc_years.this_year is not None \
            and any(e.year > s.doc_years.this_year for e in s.years)
        if habit and not ahead and not strong_target_between(text, s.start, p.q.start) \
                and not opens_on_a_task(text, s.start, p.q.start):
            # "Mô hình du lịch cộng đồng mỗi năm đón trên dưới 15.000 lượt khách": news tells a habit of what is
            return decided(why, "status", "actual", CLAUSE, f"{habit.group().strip()!r} {text[cue[0]:cue[1]]!r}, a habit told in news")
        if _reached_in_news(ctx, said, p.q.start):
            return decided(why, "status", "actual", CLAUSE, f"{said!r}: what news tells was reached, with no plan open")
    if cue[2] == "actual" and is_year_mark(text[cue[0]:cue[1]]) and _of_a_plan_year(ctx, cue):
        opened = _open_scope(ctx, before[:-1], text[cue[0]:cue[1]])
        status, scope, evidence = opened or ("target", SENTENCE, "a year the plan sets")
        return decided(why, "status", status, scope, f"{text[cue[0]:cue[1]]!r} names a year of the plan; as {evidence}")
    if cue[2] == "target" and s.heading_status == "actual" and not strong_target_between(text, s.start, cue[1]) \
            and _lead_in(text, before[:-1]) is None:  # ("Năm 2025, huyện phấn đấu có thêm ít nhất 10 sản phẩm")
        return decided(why, "status", "actual", SECTION, f"{text[cue[0]:cue[1]]!r} under a heading of results")
    if cue[2] == "actual" and s.heading_status == "target" and is_weak_cue(said) and ITEM_MARK.fullmatch(text, s.start, cue[0]) \
            and opens_on_a_task(text, s.start, p.q.start):
        # "2. Mục tiêu … - Thu hút khoảng 3 triệu lượt khách/năm": a plan's list item, its verb no report
        return decided(why, "status", "target", SECTION, f"{said!r} opens an item under a heading of goals")
    scope = CLAUSE if cue[0] >= p.clause[0] else SENTENCE
    return decided(why, "status", cue[2], scope, f"cue {text[cue[0]:cue[1]]!r}")


def _reached_in_news(ctx: StatusContext, verb: str, upto: int) -> bool:
    """Whether a verb of reaching ("có thêm", "nâng tổng số") reports in news: no plan in the paragraph before,
    and none open, nor a plan's year or months ahead, in its sentence before `upto`."""
    s = ctx.prose.sentence
    return s.genre == "news" and ctx.prev_para != "target" and reports_reached(
        verb, s.text, s.start, upto, any(e.end <= upto and s.doc_years.sets(e) for e in s.years))


def _lead_in(text: str, cues_before: list[Cue]) -> Cue | None:
    """A plan's cue before the figure that opens a list with a colon ("Kế hoạch năm 2024 đề ra: …"),
    not a topic ("3. Kinh phí: …"), or None."""
    return next((c for c in cues_before if c[2] == "target" and _LEAD_IN_COLON.match(text, c[1])
                 and not is_task_cue(text[c[0]:c[1]])), None)


def _of_a_plan_year(ctx: StatusContext, cue: Cue) -> bool:
    """Whether a time cue ("riêng năm") stands before a year the plan sets, which gives it no modality of its own
    (a period gone by, "9 tháng đầu năm 2024", still reports)."""
    s = ctx.prose.sentence
    said = s.text[cue[0]:cue[1]]
    return not is_elapsed_cue(said) and any(e.start <= cue[1] + 2 and e.end > cue[1] and s.doc_years.is_current(e)
                                            for e in s.years)


def _open_scope(ctx: StatusContext, earlier: list[Cue], verb: str = "") -> tuple[str, str, str] | None:
    """The status of the scope open where the verb of doing `verb` stands, its kind and what opened it, or None.

    The first of: a plan's strong cue earlier in the sentence ("phấn đấu", "mục tiêu"), the heading above,
    an enumeration's item ("Thứ nhất, …"), another cue earlier in the sentence that is not itself a verb
    of doing (a time cue only with a past year), the quantity before it in the sentence, the quantity
    before it in the paragraph (unless a time phrase of the present or future stands between), a past year
    of the paragraph, a year in whose last quarter a news text was posted (unless the verb sets money aside).
    """
    p = ctx.prose
    s, text, years = p.sentence, p.sentence.text, p.sentence.doc_years
    if earlier and strong_target_between(text, earlier[0][0], earlier[-1][1]) or plan_assigns(text, s.start, p.q.start):
        return "target", SENTENCE, "a plan's cue before it"
    lead_in = _lead_in(text, earlier)
    if lead_in is not None:  # "Kế hoạch năm 2024 đề ra: công nhận mới 50 sản phẩm …" under any heading
        return "target", SENTENCE, f"the lead-in {text[lead_in[0]:lead_in[1]]!r}:"
    if s.heading_status:
        return s.heading_status, SECTION, "the heading above"
    if opens_an_item(text, s.start):  # "Thứ nhất, lựa chọn khoảng 500 sản phẩm …"
        return "target", SENTENCE, "an item of a speaker's tasks"
    for cue in reversed(earlier):
        said = text[cue[0]:cue[1]]
        if is_task_cue(said) or (is_weak_cue(said) and (ctx.prev_status is not None or cue[0] < p.clause[0])):
            # a verb of doing opens no scope, nor a word that may qualify a noun ("… mỗi huyện lựa chọn 1-2 sản
            # phẩm"); in the figure's clause, before the first figure, it tells what was done ("vừa cấp … 85 hộ")
            continue
        if _of_a_plan_year(ctx, cue):
            continue  # "riêng năm 2024 xây dựng …": a time cue with a year of the plan
        return cue[2], SENTENCE, f"the cue {said!r} before it"
    if ctx.prev_status:
        return ctx.prev_status, SENTENCE, "the figure before it"
    reported = _reporting_time(ctx)
    if reported is not None:
        return "actual", PARAGRAPH, f"the time phrase {text[reported.start:reported.end]!r}"
    fresh = any(e.end <= p.q.start and years.sets(e) for e in s.years)
    if ctx.para_status and not fresh:
        return ctx.para_status, PARAGRAPH, "the figure before it in the paragraph"
    if s.past:
        return "actual", PARAGRAPH, "the paragraph's past year"
    late = _reporting_time(ctx, late=True) if not (fresh or is_allocation_cue(verb)) else None
    if late is not None:  # money set aside for the year stays a plan ("năm 2024 huyện bố trí 850 triệu đồng")
        return "actual", PARAGRAPH, f"the year {text[late.start:late.end]!r}, in its last quarter when posted"
    day = ctx.doc.time_scopes.day_gone_by(s.start, p.q.start) if ctx.doc is not None and s.genre == "news" else None
    if day is not None:
        return "actual", SENTENCE, f"the day {day!r}, gone by when posted"
    closing = years.closing_year
    if closing and s.genre == "news" and not fresh and not is_allocation_cue(verb) and ctx.doc is not None \
            and ctx.doc.time_scopes.opening_year() == closing and not reported:
        # "Về đào tạo, tỉnh tổ chức 8 lớp …" in a review of 2024 posted in December 2024
        return "actual", DOCUMENT, f"a review of {closing}, posted in its last quarter"
    return None


def _reporting_time(ctx: StatusContext, late: bool = False) -> TimePhrase | None:
    """The time phrase of a period gone by (or the present) that governs the figure, if any
    (`late`: also a year in whose last quarter a news text was posted)."""
    q = ctx.prose.q
    return ctx.doc.time_scopes.reporting(q.start, q.end, late, ctx.prose.clause[1]) if ctx.doc is not None else None


def _without_cue_before(ctx: StatusContext, at: int) -> str:
    """The steps that read what follows the quantity, then the paragraph, heading and genre."""
    p, why = ctx.prose, ctx.candidate.why
    s, q, text = p.sentence, p.q, p.sentence.text
    this_year = s.doc_years.this_year
    ahead = [e for e in s.years if e.end <= q.start and e.kind == "deadline" and this_year and e.year > this_year]
    if ahead:  # "Đến năm 2025, 100% huyện đạt chuẩn": what a later year holds is yet to come
        return decided(why, "status", "target", SENTENCE, f"{ahead[-1].year} lies ahead, before it")
    after = cues_after(ctx.prose, at)
    if after:
        said = text[after[0][0]:after[0][1]]
        if after[0][2] == "target" and is_task_cue(said):  # a verb of doing after it: the scope open decides
            opened = _open_scope(ctx, [], said)
            if opened is not None:
                return decided(why, "status", opened[0], opened[1], f"{said!r} after it does as {opened[2]}")
            if _reached_in_news(ctx, said, after[0][0]) or (s.genre == "news" and _HABIT_BEFORE.search(
                    text, max(s.start, after[0][0] - 24), after[0][0])):
                # "Đợt này có 38 sản phẩm …, nâng tổng số … lên 287"; "có 6 phòng, mỗi tháng đón …": a habit
                return decided(why, "status", "actual", CLAUSE, f"{said!r} after it: what news tells was reached, or a habit")
        if after[0][2] == "actual_after" and strives_before(text, s.start, q.start):  # "phấn đấu có thêm 02 xã …, 01 xã đạt chuẩn …"
            return decided(why, "status", "target", SENTENCE, f"listed after a plan's cue; {said!r} qualifies its noun")
        if after[0][2] == "actual_after" and task_clause(text, p.clause[0], q.start):
            # "duy trì 100% sản phẩm OCOP còn hiệu lực": the words after it qualify the noun a task acts on
            opened = _open_scope(ctx, [], said)
            if opened is not None:
                return decided(why, "status", opened[0], opened[1], f"{said!r} qualifies what a task acts on; as {opened[2]}")
        status = "actual" if after[0][2] == "actual_after" else after[0][2]
        return decided(why, "status", status, CLAUSE, f"cue {said!r} after it")
    reported = _reporting_time(ctx)
    if text[q.start + len(q.raw):q.start + len(q.raw) + 1] == "/" and not q.words:
        if s.heading_status == "target" and ctx.para_status != "actual" and reported is None \
                and not _SHORTFALL.search(text, q.end, p.clause[1]):
            # "II. MỤC TIÊU NĂM 2019 / - 17/17 huyện có ít nhất 1 sản phẩm": the goals' section holds it;
            # "rà soát 9/14 xã chưa có sản phẩm" still counts what is
            return decided(why, "status", "target", SECTION, "a count out of a total under a heading of goals")
        return decided(why, "status", "actual", CLAUSE, "a count out of a total ('9/14 xã') states what is")
    if reported is not None:
        return decided(why, "status", "actual", PARAGRAPH, f"the time phrase {text[reported.start:reported.end]!r}")
    if ctx.para_status:
        return decided(why, "status", ctx.para_status, PARAGRAPH, "as the figure before it in the paragraph")
    if s.past:
        return decided(why, "status", "actual", PARAGRAPH, "the paragraph speaks of a past year")
    future = [e for e in s.years if e.kind not in ("baseline", "past") and this_year and e.year > this_year]
    if future:
        return decided(why, "status", "target", SENTENCE, f"the sentence looks ahead to {future[0].year}")
    if s.heading_status:
        return decided(why, "status", s.heading_status, SECTION, "the heading above")
    if s.genre == "news" and not any(c[2] == "target" and (c[0] < q.start or p.next_start >= s.end) for c in s.cues) \
            and not plan_assigns(text, s.start, q.start):  # news reports what is, not what a plan assigns ("Đề án giao …")
        return decided(why, "status", "actual", DOCUMENT, "a plain figure in news, with no target cue")
    if _PREAMBLE.match(text, s.start):  # "Xét đề nghị … (đợt này Hội đồng đánh giá 21 sản phẩm …)"
        return decided(why, "status", "actual", SENTENCE, "a decision's preamble states what is")
    return decided(why, "status", "target", DOCUMENT, "a plan's text, by default")
