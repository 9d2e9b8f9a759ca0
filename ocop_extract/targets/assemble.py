"""Assembly: quantities of a document turned into `Target` records.

For each quantity found in a content sentence this settles comparator, star
class, deadline year, rate, status, scope and metric, names the rule that
produced it with a confidence, and maps its span back to the source text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..document import Doc
from ..layout import content_spans, line_kinds
from ..metadata import Metadata
from ..models import Target
from ..options import DEFAULT_OPTIONS, Options
from .comparators import comparator_for
from .cues import cues, phrase_regex
from .metric import metric_after, money_metric
from .numbers import NumberMatch
from .quantities import Quantity, candidate_numbers, find_quantities
from .scope import subject_place
from .sentences import clauses, sentences
from .stars import stars_for
from .tables import read_table, table_spans
from .time_scope import TimeScopes
from .status import heading_status, is_task_cue, is_weak_cue, status_cues, strong_target_between
from .years import YearExpr, year_expressions

_HEADING = regex.compile(r"\s*(?:[IVX]++\.|\d++(?:\.\d+)*+\.?|[a-zđ]\))\s+\S.{0,90}")
_LEAD_IN = regex.compile(r".{0,120}:\s*")
_BREAKDOWN = regex.compile(r"(?<![\p{L}])(?:trong đó|gồm)(?![\p{L}])", regex.I)
# Patterns ending in \Z are read backwards from the quantity (REVERSE): one attempt, not one per character.
_REACHED = regex.compile(r"(?<![\p{L}])(?:đạt|bằng|được|vượt|mới\s+đạt)(?:\s+(?:gần|hơn|khoảng|trên))?\s*\Z", regex.I | regex.REVERSE)
_PLAN_FIGURE = regex.compile(r"(?<![\p{L}])(?:kế\s+hoạch|chỉ\s+tiêu)(?:\s+năm)?\s*\(\s*(?:là\s+)?\Z", regex.I | regex.REVERSE)
_COMPARATOR_CUES = ("ít nhất", "tối thiểu", "không dưới", "không quá", "tối đa")
_OF_PLAN = regex.compile(r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu)", regex.I)
# a news intertitle: a short capitalised line without final punctuation ("Nhiệm vụ năm 2024")
_SUBHEAD = regex.compile(r"\s*\p{Lu}[^.;:!?…\n]{3,60}")
_TOP_HEADING = regex.compile(r"\s*[IVX]+\.\s")
_SPELLED_OUT = regex.compile(r"\s*\(\s*(?:bằng\s+chữ\s*:?\s*)?[\p{L}\s,]*", regex.I)
_SALES_CONTEXT = regex.compile(r"điểm\s+(?:bán|giới\s+thiệu|trưng\s+bày)|bán\s+hàng", regex.I)
_ADDITIVE = regex.compile(
    r"(?<![\p{L}])(?:thêm|mới|lựa\s+chọn|chọn|trình|xây\s+dựng|hình\s+thành|thành\s+lập|đề\s+nghị)\s*\Z", regex.I | regex.REVERSE)
_LIST_JOIN = regex.compile(r"(?:,|(?<![\p{L}])và)\s*\Z", regex.I | regex.REVERSE)
_POINT_KIND = regex.compile(r"(?<![\p{L}])điểm\s+(bán|giới\s+thiệu|trưng\s+bày|du\s+lịch|dừng\s+chân|đến)(?![\p{L}])", regex.I)


@dataclass(frozen=True)
class DocYears:
    """The years a document's quantities are read against."""

    default: int | None      # deadline when nothing nearer says one (the plan's last year)
    plan_start: int | None   # a year before this is the past
    this_year: int | None    # what "năm nay" means


def doc_years(meta: Metadata) -> DocYears:
    plan, this_year = meta.plan_years, meta.this_year
    starts = [y for y in (plan[0] if plan else None, meta.published_year) if y]
    plan_start = min(starts) if starts else this_year
    return DocYears(plan[1] if plan else this_year, plan_start, this_year)


class _Numbers:
    """The candidate numerals of a document, read once and sliced per sentence or line."""

    def __init__(self, found: list[NumberMatch]):
        self.found = found
        self.starts = [n.start for n in found]

    def within(self, start: int, end: int) -> list[NumberMatch]:
        """The numerals lying inside [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [n for n in self.found[first:last] if n.end <= end]


def _heading_context(doc: Doc, numbers: _Numbers, all_years: list[YearExpr], lower: str,
                     official: bool = True) -> dict[int, tuple[int | None, str | None]]:
    """For each content line, the (year, status) set by the heading or lead-in above it.

    "2. Mục tiêu cụ thể đến năm 2025" sets 2025 and "target"; "I. KẾT QUẢ THỰC HIỆN"
    sets "actual"; a lead-in ending in ":" sets what its cues say.
    """
    out: dict[int, tuple[int | None, str | None]] = {}
    year: int | None = None
    status: str | None = None
    body_seen = False
    full = doc.text
    for line, kind in zip(doc.lines, line_kinds(doc)):
        text = line.text
        if kind == "content" and text.strip():
            # capitals make a heading in an official text; on a news page they are a banner
            numbered = bool(_HEADING.fullmatch(text)) or (official and text.isupper() and len(text) < 120)
            # an intertitle sets a status, never a year; the headline above the body is not one
            subhead = not numbered and body_seen and bool(_SUBHEAD.fullmatch(text))
            body_seen = body_seen or (len(text) >= 80 and text.rstrip().endswith("."))
            # a lead-in: the line's last sentence ends in ":" ("Kế hoạch đặt ra năm nhóm chỉ tiêu:")
            start = line.start
            if text.rstrip().endswith(":"):
                starts = [s for s, _ in sentences(doc) if line.start <= s < line.end]
                start = starts[-1] if starts else line.start
            lead_in = text.rstrip().endswith(":") and line.end - start < 160
            if (numbered or lead_in or subhead) and not find_quantities(full, start, line.end,
                                                                         numbers=numbers.within(start, line.end)):
                found = [e for e in _within(all_years, line.start, line.end)
                         if e.kind not in ("baseline", "past")]
                if found and not subhead:
                    year = found[-1].year
                elif numbered:
                    year = None
                said = heading_status(text) if numbered or subhead else None
                if said is None and lead_in:
                    cues = status_cues(full, start, line.end, lower)
                    said = cues[-1][2] if cues and cues[-1][2] != "actual_after" else None
                if said is not None or _TOP_HEADING.match(text):
                    status = said
        out[line.index] = (year, status)
    return out


def assemble_targets(doc: Doc, meta: Metadata, options: Options = DEFAULT_OPTIONS) -> list[Target]:
    text = doc.text
    years = doc_years(meta)
    lower = text.lower()
    blocks = content_spans(doc)  # quantities and years are read in content lines only
    numbers = _Numbers([n for start, end in blocks
                        for n in candidate_numbers(text, start, end, lower=lower)])
    all_years = [e for start, end in blocks for e in year_expressions(text, years.this_year, start, end)]
    official = meta.genre != "news"
    headings = _heading_context(doc, numbers, all_years, lower, official)
    province = meta.province
    default_scope = meta.district or meta.province
    extra_places = meta.local_places
    rate_before, rate_after = _rate_regexes()
    time_scopes: TimeScopes | None = None  # built when the first actual needs it
    out: list[Target] = []
    para_line, para_year = -1, None  # the last deadline year stated earlier in the paragraph
    para_status: str | None = None   # the status of the last quantity of the paragraph
    para_past = False                # an earlier sentence of the paragraph spoke of a past year
    for s_start, s_end in sentences(doc):
        line_index = doc.line_at(s_start).index
        if line_index != para_line:
            para_line, para_year, para_status, para_past = line_index, None, None, False
        heading_year, heading_status_ = headings.get(line_index, (None, None))
        s_years = _within(all_years, s_start, s_end)
        carried = para_year
        stated = [e for e in s_years if e.kind not in ("baseline", "past")
                  and not (years.plan_start is not None and e.year < years.plan_start)]
        if stated:
            para_year = stated[-1].year
        past_said = any(e.kind == "past" or (e.kind in ("deadline", "period") and years.plan_start is not None
                                             and e.year < years.plan_start) for e in s_years)
        quantities = find_quantities(text, s_start, s_end, numbers=numbers.within(s_start, s_end))
        sentence_past, para_past = para_past, para_past or (past_said and not stated)
        if not quantities or text[s_start:s_end].rstrip().endswith("?"):
            continue  # a question asks, it commits no one ("Hộ có được vay 100 triệu đồng?")
        s_cues = status_cues(text, s_start, s_end, lower)  # read only where a quantity is
        prev_status: str | None = None
        prev_end = s_start
        sentence_clauses = clauses(text, s_start, s_end)
        q_starts = [o.start for o in quantities]
        first_of_sentence = len(out)
        last_q: Quantity | None = None
        for i, q in enumerate(quantities):
            q_before, last_q = last_q, q
            c_start, c_end = _clause_of(sentence_clauses, s_start, s_end, q.start)
            in_clause = quantities[bisect_left(q_starts, c_start):bisect_left(q_starts, c_end)]
            next_start = q_starts[i + 1] if i + 1 < len(q_starts) else s_end
            comparator, cue_start = comparator_for(text, q, c_start)
            why: list[str] = [f"{q.unit}: {q.unit_text!r} after the number"]
            if comparator != "=":
                why.append(f"comparator {comparator}: {text[cue_start:q.start].strip() or 'range'!r}")
            q = _plausible(text, q, comparator, c_start, why, out[first_of_sentence:])
            if q is None:
                continue
            if q.words and _spelled_out(text, q, q_before):
                continue  # "650.000.000 đồng (Sáu trăm năm mươi triệu đồng)": the same sum spelled out
            status = _status(text, q, s_start, c_end, s_cues, s_years, years, prev_status, why,
                             meta.genre, comparator, para_status, heading_status_, prev_end,
                             sentence_past, next_start)
            prev_status = para_status = status
            prev_end = q.end
            if status == "target":
                year = _year(text, q, s_start, c_start, c_end, s_years, in_clause, years,
                             carried if carried is not None else heading_year, why)
            else:
                time_scopes = time_scopes or TimeScopes(doc, all_years, years.this_year, official)
                phrase = time_scopes.governing(q.start, q.end, c_end)
                year = phrase.year if phrase else None
                if phrase:
                    why.append(f"year {year}: the time phrase {text[phrase.start:phrase.end]!r} governs it")
            per = "year" if (q.per_year or rate_before.search(text, c_start, q.start)
                             or rate_after.match(text, q.end, q.end + 64)) else None
            stars = stars_for(text, q, in_clause, c_start, c_end)
            scope = subject_place(text[c_start:q.start], province, extra_places) or default_scope
            metric_start = q.end if q.unit == "%" else q.end - len(q.unit_text)
            span_start = min(cue_start, q.start)
            src = doc.source_span(span_start, q.end)
            rule, confidence = _rule(q)
            if confidence < options.min_confidence:
                continue
            out.append(Target(
                value=q.value, value_max=q.value_max, comparator=comparator, unit=q.unit,
                unit_text=q.unit_text, stars=stars, year=year, per=per, status=status, scope=scope,
                metric=(money_metric(text, c_start, q.start, q.end, c_end) if q.unit == "VND"
                        else metric_after(text, max(metric_start, q.start), c_end)),
                span=src, text=doc.source[src[0]:src[1]], rule=rule, confidence=confidence,
                explain=why if options.explain else None,
            ))
    out.extend(_table_targets(doc, years, default_scope, options))
    out.sort(key=lambda t: t.span[0])
    return out


def _table_targets(doc: Doc, years: DocYears, scope: str | None, options: Options) -> list[Target]:
    """The figures of "|" tables (see `tables`)."""
    out = []
    for first, last in table_spans(line_kinds(doc)):
        for cell in read_table(doc, first, last, years.default):
            src = doc.source_span(cell.start, cell.end)
            out.append(Target(
                value=cell.value, comparator="=", unit=cell.unit, unit_text=cell.unit_text, stars=cell.stars,
                year=cell.year, status=cell.status, scope=scope, metric=cell.metric or None, span=src,
                text=doc.source[src[0]:src[1]], rule="table_cell", confidence=0.85,
                explain=[f"table cell: {cell.status} column, unit from the row's unit cell"] if options.explain else None,
            ))
    return out


def _within(exprs: list[YearExpr], start: int, end: int) -> list[YearExpr]:
    """The expressions lying inside [start, end) (`exprs` is in text order)."""
    i = bisect_left(exprs, start, key=lambda e: e.start)
    out = []
    while i < len(exprs) and exprs[i].start < end:
        if exprs[i].end <= end:
            out.append(exprs[i])
        i += 1
    return out


@lru_cache(maxsize=1)
def _rate_regexes() -> tuple[regex.Pattern, regex.Pattern]:
    before = phrase_regex(cues()["rate"]["before"])
    # a rate right after the unit, a few words at most between: "03 sản phẩm mới mỗi năm"
    after = regex.compile(r"(?:\s*[\p{L}\d]+){0,3}?\s*"
                          + phrase_regex(cues()["rate"]["after"]).pattern.replace("(?<![\\p{L}\\d])", ""), regex.I)
    return before, after


def _clause_of(spans: list[tuple[int, int]], s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    """The clause (from `clauses`) holding `pos`."""
    i = bisect_left(spans, (pos + 1,)) - 1
    if i >= 0 and spans[i][0] <= pos <= spans[i][1]:
        return spans[i]
    return s_start, s_end


def _spelled_out(text: str, q: Quantity, prev: Quantity | None) -> bool:
    """Whether `q`, in words, spells out in parentheses the figure `prev` just before it.

    >>> from ocop_extract.targets.quantities import find_quantities
    >>> t = "Tổng kinh phí 6.850 triệu đồng (Sáu tỷ, tám trăm năm mươi triệu đồng)"
    >>> a, b = find_quantities(t)
    >>> _spelled_out(t, b, a)
    True
    """
    return bool(prev is not None and not prev.words and _SPELLED_OUT.fullmatch(text, prev.end, q.start))


def _plausible(text: str, q: Quantity, comparator: str, floor: int, why: list[str],
               earlier: list[Target]) -> Quantity | None:
    """The quantity as read, or None for readings that are too often not quantities.

    `earlier` are the targets already read from the same sentence.
    """
    if q.words and q.raw.lower() == "một" and q.value_max is None:
        if q.unit == "times":
            return None  # "hỗ trợ một lần": once
        window = text[max(floor, q.start - 16):q.start]
        listed = _LIST_JOIN.search(window) and any(t.unit == q.unit for t in earlier)
        if comparator == "=" and not _ADDITIVE.search(window) and not listed:
            return None  # "là một sản phẩm đặc trưng", "một trong những …"
        why.append("'một' read as 1: after a comparator, a verb of choosing or in a list")
    if q.unit_text.lower() == "điểm":
        kinds = list(_POINT_KIND.finditer(text, max(0, q.start - 600), q.start))
        if kinds:
            unit = "other" if kinds[-1].group(1).lower() in ("du lịch", "dừng chân", "đến") else "sales_point"
            why.append(f"bare 'điểm': as the 'điểm {kinds[-1].group(1)}' before it")
            return replace(q, unit=unit)
        if not _SALES_CONTEXT.search(text, max(0, q.start - 300), q.end + 80):
            return None  # "đạt 80 điểm" is a score, not a point of sale
        why.append("bare 'điểm' read as a point of sale: the passage speaks of sales")
    return q


def _status(text, q, s_start, c_end, s_cues, s_years, years: DocYears, prev_status, why,
            genre: str | None = None, comparator: str = "=", para_status: str | None = None,
            heading_status_: str | None = None, prev_end: int = 0, para_past: bool = False,
            next_start: int = 1 << 62) -> str:
    """Target or actual, by the nearest evidence first (see `status`)."""
    at = bisect_left(s_cues, (q.start,))
    # the nearest cues are what count: a bounded look back keeps long lists of figures linear
    before = [c for c in s_cues[max(0, at - 32):at] if c[1] <= q.start and c[2] != "actual_after"]
    past = [e for e in s_years if e.end <= q.start and (e.kind == "past" or (
            e.kind in ("deadline", "period") and years.plan_start is not None and e.year < years.plan_start))]
    if past and not strong_target_between(text, past[-1].end, q.start):
        why.append(f"status actual: past year {past[-1].year} before it")
        return "actual"
    if q.unit == "%" and _OF_PLAN.match(text, q.end, q.end + 32) and _REACHED.search(text, max(s_start, q.start - 24), q.start):
        why.append("status actual: a share of the plan reached")
        return "actual"
    if _PLAN_FIGURE.search(text, max(s_start, q.start - 30), q.start):
        why.append("status target: the plan's figure, in parentheses")
        return "target"
    if before and prev_status and is_weak_cue(text[before[-1][0]:before[-1][1]]):
        strong = [c for c in before if c[0] >= prev_end and not is_weak_cue(text[c[0]:c[1]])]
        if not strong:
            why.append(f"status {prev_status}: as the quantity before it ('{text[before[-1][0]:before[-1][1]]}' is weak)")
            return prev_status
        before = strong
    if before and before[-1][2] == "target" and is_task_cue(text[before[-1][0]:before[-1][1]]):
        opened = _open_scope(text, before[:-1], prev_status, para_status, para_past, s_years, q.start, years,
                             heading_status_)
        if opened is not None:
            why.append(f"status {opened[0]}: {text[before[-1][0]:before[-1][1]]!r} does as {opened[1]}")
            return opened[0]
    if before:
        cue = before[-1]
        if cue[2] == "target" and heading_status_ == "actual" and not strong_target_between(text, cue[0], cue[1]):
            why.append(f"status actual: {text[cue[0]:cue[1]]!r} under a heading of results")
            return "actual"
        why.append(f"status {cue[2]}: cue {text[cue[0]:cue[1]]!r}")
        return cue[2]
    if prev_status:
        why.append(f"status {prev_status}: as the quantity before it")
        return prev_status
    if comparator in (">=", "<=") and not para_past:
        why.append(f"status target: '{comparator}' sets a floor or a ceiling")
        return "target"
    # cues after it, up to the next quantity; comparator words ("ít nhất") belong to the number after them
    after = [c for c in s_cues[at:at + 32] if q.end <= c[0] < min(c_end, next_start)
             and " ".join(text[c[0]:c[1]].lower().split()) not in _COMPARATOR_CUES]
    if after:
        status = "actual" if after[0][2] == "actual_after" else after[0][2]
        why.append(f"status {status}: cue {text[after[0][0]:after[0][1]]!r} after it")
        return status
    if text[q.start + len(q.raw):q.start + len(q.raw) + 1] == "/" and not q.words:
        why.append("status actual: a count out of a total ('9/14 xã') states what is")
        return "actual"
    if para_status:
        why.append(f"status {para_status}: as the paragraph before it")
        return para_status
    if para_past:
        why.append("status actual: the paragraph speaks of a past year")
        return "actual"
    future = [e for e in s_years if e.kind not in ("baseline", "past") and years.this_year and e.year > years.this_year]
    if future:
        why.append(f"status target: the sentence looks ahead to {future[0].year}")
        return "target"
    if heading_status_:
        why.append(f"status {heading_status_}: from the heading above")
        return heading_status_
    if genre == "news" and not any(c[2] == "target" for c in s_cues):
        # news reports what is: "Tỉnh Quảng Ninh có 450 sản phẩm OCOP"
        why.append("status actual: a plain figure in a news sentence with no target cue")
        return "actual"
    why.append("status target: default")
    return "target"


def _open_scope(text, earlier, prev_status, para_status, para_past, s_years, start, years: DocYears,
                heading: str | None = None):
    """The status of the scope open where a verb of doing stands, and what opened it, or None.

    The first of: a plan's strong cue earlier in the sentence ("phấn đấu", "mục tiêu"),
    the heading above, another cue earlier in the sentence that is not itself a verb
    of doing (a time cue only with a past year), the quantity before it
    in the sentence, the quantity before it in the paragraph (unless a time phrase
    of the present or future stands between), a past year of the paragraph.
    """
    def current(e) -> bool:
        return e.kind not in ("baseline", "past") and not (years.plan_start is not None and e.year < years.plan_start)

    if earlier and strong_target_between(text, earlier[0][0], earlier[-1][1]):
        return "target", "a plan's cue before it"
    if heading:
        return heading, "the heading above"
    for cue in reversed(earlier):
        said = text[cue[0]:cue[1]]
        if is_task_cue(said):
            continue
        if any(e.start <= cue[1] + 2 and e.end > cue[1] and current(e) for e in s_years):
            continue  # "riêng năm 2024 xây dựng …": a time cue with a year of the plan
        return cue[2], f"the cue {said!r} before it"
    if prev_status:
        return prev_status, "the quantity before it"
    fresh = any(e.end <= start and current(e) for e in s_years)
    if para_status and not fresh:
        return para_status, "the paragraph before it"
    if para_past:
        return "actual", "the paragraph's past year"
    return None


def _year(text, q, s_start, c_start, c_end, s_years: list[YearExpr], quantities, years: DocYears, heading, why) -> int | None:
    usable = [e for e in s_years if e.kind not in ("baseline", "past")
              and not (years.plan_start is not None and e.year < years.plan_start)]
    before = [e for e in usable if e.end <= q.start]
    if before:
        why.append(f"year {before[-1].year}: stated before it")
        return before[-1].year
    later = [o.start for o in quantities if o.start > q.start]
    for e in usable:
        if q.end <= e.start < c_end and not any(e.end <= s < c_end for s in later):
            if not _BREAKDOWN.search(text, q.end, e.start):
                why.append(f"year {e.year}: stated after it")
                return e.year
    if heading is not None:
        why.append(f"year {heading}: from the paragraph or heading above")
        return heading
    why.append(f"year {years.default}: the plan's last year")
    return years.default


def _rule(q: Quantity) -> tuple[str, float]:
    if q.implied_unit:
        return "money_scale_without_unit", 0.7
    if q.words:
        return "number_in_words_with_unit", 0.85
    if q.value_max is not None:
        return "range_with_unit", 0.9
    if q.unit == "%":
        return "percent", 0.95
    if q.unit == "VND":
        return "money", 0.95
    return "count_with_unit", 0.9
