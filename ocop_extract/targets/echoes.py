"""Echoes: a news headline's figure is the figure its body tells, and takes its status and year.

A headline (or a digest's item title) says a figure the body below says again with its
context: "Đánh giá 46 sản phẩm OCOP" over "Hội đồng cấp tỉnh sẽ đánh giá 46 sản phẩm";
"Thanh Sơn có thêm 2 xã nông thôn mới nâng cao" over "Năm 2024, huyện Thanh Sơn có thêm 2 xã
…". Where the headline alone cannot tell a plan from a result (no cue but verbs of doing),
its body can; a year the headline says is kept. A title is a short content line that is a
paragraph of its own, without a final mark; its echo is the first figure of the same value
and unit after it (a rounded one, "Hơn 32 tỷ đồng", within a tenth of it), within `_REACH`
characters, on a line that is no title.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.metadata import Metadata
>>> from ocop_extract.targets.context import target_context
>>> from ocop_extract.targets.finders import sentence_candidates
>>> from ocop_extract.targets.resolve_status import settle_status
>>> from ocop_extract.targets.resolve_year import settle_years
>>> doc = Doc.from_text("x", "Đánh giá 46 sản phẩm OCOP đợt 2\\n\\nNgày 12/11, tỉnh ban hành kế hoạch; "
...                          "Hội đồng cấp tỉnh sẽ đánh giá 46 sản phẩm vào cuối tháng.")
>>> doc.meta = Metadata(genre="news", plan_years=(2024, 2024), published_date="2024-11-16")
>>> ctx = target_context(doc)
>>> found = settle_echoes(settle_years(settle_status(sentence_candidates(ctx), ctx), ctx), ctx)
>>> [(c.value, c.status) for c in found]
[(46.0, 'target'), (46.0, 'target')]
"""

from __future__ import annotations

import regex

from ..layout import line_kinds
from ..paragraphs import paragraph_starts
from .candidates import Candidate
from .context import TargetContext, within
from .status import is_task_cue, is_weak_cue, status_cues
from .scopes import DOCUMENT, decided

_REACH = 2000  # characters after a title where its figure is looked for in the body
_MAX_TITLE = 180  # a longer line is a paragraph, not a title
_ENDS_A_SENTENCE = regex.compile(r"[.;:!?…]\s*\Z")
_LATER_CLAUSE = regex.compile(r"[,;]")


def settle_echoes(candidates: list[Candidate], ctx: TargetContext) -> list[Candidate]:
    """Give each figure of a news title the status and year of its echo in the body."""
    if ctx.official:
        return candidates
    titles = {i for i, c in enumerate(candidates) if c.prose is not None and _in_title(ctx, c)}
    for i in sorted(titles):
        c = candidates[i]
        end = ctx.doc.line_at(c.start).end  # (below the title, not a later figure of the title itself)
        echo = next((o for k, o in enumerate(candidates[i + 1:], i + 1)
                     if k not in titles and o.start >= end and o.start - c.end <= _REACH and o.kept and _same(c, o)), None)
        if echo is None:
            continue
        said = ctx.doc.text[echo.start:echo.end]
        line = ctx.doc.line_at(c.start)
        # a title that says its year ("Đánh giá 46 sản phẩm OCOP đợt 2 năm 2024") keeps it; one said after a
        # comma is a later figure's ("Điện Biên có 86 sản phẩm OCOP, năm 2025 phấn đấu thêm ít nhất 15 …")
        own = [e for e in within(ctx.all_years, line.start, line.end) if not _LATER_CLAUSE.search(ctx.doc.text, c.end, e.start)]
        names = ("status",) if own else ("status", "year")
        for name in names:
            if getattr(echo, name) != getattr(c, name):
                c.why[:] = [w for w in c.why if not w.startswith(f"{name} ")]  # the title's own reading yields
                setattr(c, name, decided(c.why, name, getattr(echo, name), DOCUMENT, f"as {said!r} in the body below"))
    return candidates


_ROUNDED = 0.1  # how far a title's rounded figure ("Hơn 32 tỷ đồng") may lie from the body's (32.650 triệu đồng)


def _same(title: Candidate, body: Candidate) -> bool:
    """Whether a body figure says the title's again: the same value and unit, or, for a title's rounded
    figure ("hơn", "gần", "khoảng"), a value of the same unit within `_ROUNDED` of it."""
    if title.unit != body.unit or title.value_max != body.value_max:
        return False
    if title.value == body.value:
        return True
    return title.comparator != "=" and title.value_max is None and abs(body.value - title.value) <= _ROUNDED * title.value


def _in_title(ctx: TargetContext, c: Candidate) -> bool:
    """Whether the candidate stands on a title that cannot tell its status: a short content line that
    is a paragraph of its own, without a final mark, holding no cue before the figure but verbs of doing
    ("Đồng Tháp đặt mục tiêu 5 triệu lượt khách" tells its own)."""
    doc = ctx.doc
    line = doc.line_at(c.start)
    text = line.text.strip()
    if not text or len(text) > _MAX_TITLE or _ENDS_A_SENTENCE.search(text):
        return False
    kinds, starts = line_kinds(doc), paragraph_starts(doc)
    after = line.index + 1
    if kinds[line.index] != "content" or starts[line.index] != line.index \
            or (after < len(doc.lines) and starts[after] != after):
        return False  # a line a page wrapped, not a title
    # the cues before the figure in its title are its own; those after it are a later figure's ("Điện Biên có
    # 86 sản phẩm OCOP, năm 2025 phấn đấu thêm ít nhất 15 sản phẩm")
    said = [doc.text[a:b] for a, b, _ in status_cues(doc.text, line.start, line.end, ctx.lower) if a < c.start]
    return all(is_task_cue(w) or is_weak_cue(w) for w in said)
