"""Finders: the candidate figures of a document, with their evidence (see `candidates`).

`sentence_candidates` reads the quantities of every content sentence, with the
comparator before each and what the sentence, its paragraph and the heading
above say; `table_candidates` reads the figures of "|" tables by their header.
Finding keeps no opinion on status or year, except a table's, whose columns say.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.metadata import Metadata
>>> from ocop_extract.targets.context import target_context
>>> doc = Doc.from_text("x", "Phấn đấu đến năm 2025 có ít nhất 30 sản phẩm OCOP.")
>>> doc.meta = Metadata(plan_years=(2024, 2025))
>>> [(c.value, c.comparator, c.unit, c.rule) for c in sentence_candidates(target_context(doc))]
[(30.0, '>=', 'product', 'count_with_unit')]
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..contain import contained, guard
from ..layout import line_kinds, table_spans
from ..paragraphs import paragraph_starts
from ..phrases import alternation
from ..options import DEFAULT_OPTIONS, Options
from .candidates import Candidate, Prose, Sentence, rule_of
from .comparators import comparator_for
from .cues import cues
from .context import TargetContext, within
from .plan_figures import plan_figure
from .plausible import plausible, spelled_out
from .quantities import Quantity, find_quantities
from ..sentences import clauses, sentences
from .status import status_cues
from .captions import STAR_CLASS, caption_of, caption_stars, caption_year
from .tables import read_table, table_context
from .paragraph_links import opens_on_previous
from .tasks import opens_on_a_task


def sentence_candidates(ctx: TargetContext, options: Options = DEFAULT_OPTIONS) -> list[Candidate]:
    """The candidates of every content sentence, in text order (the finder of prose figures)."""
    doc, years, text = ctx.doc, ctx.years, ctx.doc.text
    headings, paragraph_of = ctx.headings, paragraph_starts(doc)
    out: list[Candidate] = []
    para_line, para_year = -1, None  # the last deadline year stated earlier in the paragraph
    para_past = False                # an earlier sentence of the paragraph spoke of a past year
    para_found, carries_from = False, None  # the paragraph had a figure; the one it opens on
    for s_start, s_end in sentences(doc):
        line_index = doc.line_at(s_start).index
        opening = paragraph_of[line_index] != para_line
        if opening:
            # "Trong tổng số sản phẩm nêu trên, …" speaks of the main figure of the paragraph before
            opens = opens_on_previous(ctx.lower, s_start, s_end)
            carries_from = para_line if opens else None
            para_past = para_past and opens and para_found
            # a news paragraph that goes on with a plan's list ("Mỗi năm công nhận mới …", "Bồi dưỡng 90% cán
            # bộ …") keeps the deadline the paragraph before said (an official text's items take their heading's)
            # (and one that opens on the paragraph before, "Cùng với đó, các sở, ngành sẽ hỗ trợ …", goes on with its deadline)
            goes_on = para_year is not None and (opens or (not ctx.official and opens_on_a_task(text, s_start, s_end, habit=True)))
            para_line, para_year, para_found = paragraph_of[line_index], para_year if goes_on else None, False
        heading_year, heading_status_ = headings.get(line_index, (None, None))
        s_years = within(ctx.all_years, s_start, s_end)
        carried = para_year
        if carried is not None and years.default is not None and _OPENS_ON_RATE.match(text, s_start, s_end):
            # "… đến năm 2027, 100% …. Hằng năm, tỉnh tổ chức …" in a scheme to 2030: what recurs runs to the
            # later of the deadline said before and the plan's end
            carried = max(carried, years.default)
        stated = [e for e in s_years if years.is_current(e)]
        carrying = [e for e in stated if opening or not _SINGLED_OUT.search(ctx.lower, max(s_start, e.start - 16), e.start)]
        if carrying:
            para_year = carrying[-1].year
        past_said = any(years.is_past(e) for e in s_years)
        quantities = find_quantities(text, s_start, s_end, numbers=ctx.numbers.within(s_start, s_end))
        sentence_past, para_past = para_past, para_past or (past_said and not stated)
        if quantities and text[s_start:s_end].rstrip().endswith("?"):
            # a question asks, it commits no one ("Hộ có được vay 100 triệu đồng?"), but the goal it names is
            # one ("Để đạt mục tiêu 60 sản phẩm vào năm 2025, tỉnh sẽ …?")
            quantities = [q for q in quantities if (said := plan_figure(text, s_start, q.start, q.end, q.unit)) and said[0] == "target"]
        if not quantities:
            continue
        sentence = Sentence(text, s_start, s_end, para_line, status_cues(text, s_start, s_end, ctx.lower),
                            s_years, years, ctx.meta.genre, heading_status_,
                            carried if carried is not None else heading_year, sentence_past, carries_from,
                            "paragraph" if carried is not None else "section")
        found = _in_sentence(sentence, quantities, options)
        para_found = para_found or bool(found)
        out.extend(found)
    return out


# a year singled out inside a paragraph ("…; mỗi năm công nhận 50 sản phẩm. Riêng năm 2026, công nhận mới 55
# sản phẩm. Tổng kinh phí …") is its sentence's; opening a paragraph, it is the paragraph's
_OPENS_ON_RATE = regex.compile(rf"\s*(?:[-–+•*]\s*)?{alternation(cues()['rate']['before'], fold_case=True)}(?![\p{{L}}])", regex.I)
_SINGLED_OUT = regex.compile(r"(?<![\p{L}])riêng\s+(?:trong\s+)?(?:năm\s+)?\Z", regex.REVERSE)


def _in_sentence(sentence: Sentence, quantities: list[Quantity], options: Options) -> list[Candidate]:
    """The candidates of one sentence: each quantity with its clause and comparator, if plausible."""
    text, s_start, s_end = sentence.text, sentence.start, sentence.end
    sentence_clauses = clauses(text, s_start, s_end)
    q_starts = [o.start for o in quantities]
    out: list[Candidate] = []
    last_q: Quantity | None = None
    for i, q in enumerate(quantities):
        with guard("target", text, q.start, q.end):  # a failure costs this figure, not the document
            q_before, last_q = last_q, q
            c_start, c_end = _clause_of(sentence_clauses, s_start, s_end, q.start)
            comparator, cue_start = comparator_for(text, q, c_start)
            why: list[str] = [f"{q.unit}: {q.unit_text!r} after the number"]
            if comparator != "=":
                why.append(f"comparator {comparator}: {text[cue_start:q.start].strip() or 'range'!r}")
            q = plausible(text, q, comparator, c_start, why, [c.unit for c in out if c.kept])
            if q is None:
                continue
            if q.words and spelled_out(text, q, q_before):
                continue  # "650.000.000 đồng (Sáu trăm năm mươi triệu đồng)": the same sum spelled out
            rule, confidence = rule_of(q)
            prose = Prose(q, sentence, (c_start, c_end),
                          quantities[bisect_left(q_starts, c_start):bisect_left(q_starts, c_end)],
                          q_starts[i + 1] if i + 1 < len(q_starts) else s_end, cue_start)
            out.append(Candidate(min(cue_start, q.start), q.end, q.value, q.value_max, comparator, q.unit,
                                 q.unit_text, rule, confidence, confidence >= options.min_confidence, why, prose))
    return out


def _clause_of(spans: list[tuple[int, int]], s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    """The clause (from `clauses`) holding `pos`."""
    i = bisect_left(spans, (pos + 1,)) - 1
    if i >= 0 and spans[i][0] <= pos <= spans[i][1]:
        return spans[i]
    return s_start, s_end


def table_candidates(ctx: TargetContext) -> list[Candidate]:
    """The figures of tables (see `tables`), their status, year, stars, scope and metric from the table;
    the heading above one, else the genre, gives its context."""
    doc, out = ctx.doc, []
    for first, last in table_spans(line_kinds(doc)):
        caption = caption_of(doc, first)
        context = table_context(ctx.headings.get(first), ctx.official, ctx.years.default, ctx.meta.province, caption,
                                ctx.years.this_year)
        lines = doc.lines[first:last]
        cells = contained("table", doc.text, lines[0].start, lines[-1].end, read_table,
                          doc, first, last, ctx.years.default, context)
        # a table that names classes itself (a column "Trong đó: 4 sao", a row "Sản phẩm 3 sao") takes none from
        # its caption: a figure in it that names none counts every class
        stars = None if any(STAR_CLASS.search(line.text) for line in lines) else caption_stars(caption)
        for cell in cells or ():
            year = cell.year
            if year is None and cell.status == "actual":  # results dated by the time phrase above the table
                year = ctx.time_scopes.year_of(cell.start, cell.end) or caption_year(caption, ctx.years.this_year)
            if year is None and cell.status == "actual" and ctx.meta.genre == "news" \
                    and ctx.time_scopes.opening_year() == ctx.years.this_year:
                year = ctx.years.this_year  # a news text's table of the event its opening dates
            out.append(Candidate(
                cell.start, cell.end, cell.value, cell.value_max, "range" if cell.value_max is not None else "=",
                cell.unit, cell.unit_text, "table_cell", 0.85,
                why=[cell.why], status=cell.status, year=year,
                stars=cell.stars if cell.stars is not None or cell.unit != "product" else stars,
                scope=cell.scope or ctx.default_scope, metric=cell.metric or None,
            ))
    return out
