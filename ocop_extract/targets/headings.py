"""Headings and lead-ins: the year and status a heading sets for the lines below it.

"2. Mục tiêu cụ thể đến năm 2025" sets 2025 and "target"; "I. KẾT QUẢ THỰC HIỆN"
sets "actual"; a lead-in ending in ":" sets what its cues say; a news
intertitle ("Nhiệm vụ năm 2024") sets a status, and a year only when it names a plan for a year ahead
of the text ("Kế hoạch năm 2026: …" in 2025).

>>> from ocop_extract.document import Doc
>>> from ocop_extract.metadata import Metadata
>>> from ocop_extract.targets.context import target_context
>>> doc = Doc.from_text("x", "I. KẾT QUẢ THỰC HIỆN NĂM 2023\\nTỉnh có 20 sản phẩm.\\nII. MỤC TIÊU\\nCó 30 sản phẩm.")
>>> doc.meta = Metadata(plan_years=(2024, 2024))
>>> heading_context(target_context(doc))
{0: (2023, 'actual'), 1: (2023, 'actual'), 2: (None, 'target'), 3: (None, 'target')}
"""

from __future__ import annotations

import regex

from ..layout import line_kinds
from ..paragraphs import paragraph_starts
from .context import TargetContext, within
from .quantities import find_quantities
from ..sentences import sentences
from .status import heading_status, status_cues, strives_to_exceed

_HEADING = regex.compile(r"\s*(?:[IVX]++\.|\d++(?:\.\d+)*+\.?|[a-zđ]\)|Điều\s+\d+\.?)\s+\S.{0,90}")
# a numbered heading's mark, by rank: "II.", "2." or "2.1.", "a)"
_RANKED = regex.compile(r"\s*(?:(?P<roman>[IVX]+\.)|(?P<number>\d+(?:\.\d+)*)\.?|(?P<letter>[a-zđ]\)))\s")
# a news intertitle: a short capitalised line without final punctuation ("Nhiệm vụ năm 2024")
# (a colon after its year: "Năm 2023: phấn đấu …", not after a place's name, "Kon Tum: …", a roundup's item)
_SUBHEAD = regex.compile(r"\s*\p{Lu}(?:[^.;:!?…\n\d]{0,16}(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?:\s+)?[^.;:!?…\n]{3,60}")
# a horizon, not a plan's year ("Mục tiêu đến năm 2030" over a plan to 2025): no year for the section under it
_HORIZON = regex.compile(r"(?<![\p{L}])(?:đến|tới|định\s+hướng)\s+(?:năm\s+)?(?:19|20)\d\d", regex.I)
_LEAD_IN_MAX = 240  # characters of the sentence a lead-in is ("…, đến năm 2030 cả nước phấn đấu:")
_TOP_HEADING = regex.compile(r"\s*[IVX]+\.\s")
# an item of the list under a lead-in: "- …", "• …", "+ …", "a) …", "1. …"
_LIST_ITEM = regex.compile(r"\s*(?:[-–+•*]|[a-zđ]\)|\d{1,2}[.)])\s")


def _wrapped(starts: list[int], index: int) -> bool:
    """Whether line `index` is part of a paragraph a PDF's layout wrapped: an item wrapped onto the next line is
    a sentence, not a heading, and so is the line it wrapped onto, a figure at its start ("… đề nghị đánh giá" /
    "5 sao vào năm 2027.")."""
    return (index + 1 < len(starts) and starts[index + 1] == starts[index]) or starts[index] != index


def _plan_ahead(text: str, years: list[int], said: str | None, this_year: int | None) -> int | None:
    """The year of an intertitle that names a plan for a year ahead ("Kế hoạch năm 2026: hỗ trợ có trọng tâm" in
    November 2025), whose section's goals are of that year; else None (not a horizon: "Mục tiêu đến năm 2030").

    >>> _plan_ahead("Kế hoạch năm 2026: hỗ trợ có trọng tâm", [2026], "target", 2025), _plan_ahead("Mục tiêu đến năm 2030", [2030], "target", 2024)
    (2026, None)
    """
    ahead = [y for y in years if this_year is not None and y > this_year]
    return ahead[-1] if ahead and said == "target" and not _HORIZON.search(text) else None


def _rank(heading: str) -> int:
    """How high a numbered heading stands: "II." or "Điều 2." 0, "2." 1, "2.1." 2, "a)" 3.

    >>> [_rank(h) for h in ("II. MỤC TIÊU", "Điều 4. Tổ chức thực hiện", "2. Tổ chức đánh giá", "2.1. Kết quả", "a) Đối với xã")]
    [0, 0, 1, 2, 3]
    """
    m = _RANKED.match(heading)
    if m is None or m["roman"]:
        return 0  # (no mark of these: "Điều 4.", a decision's article)
    return 3 if m["letter"] else 1 + m["number"].count(".")


def _last_sentence(doc, start: int, end: int) -> int:
    """Where the last sentence opening in text[start:end] starts (`start` when none does)."""
    opens = [s for s, _ in sentences(doc) if start <= s < end]
    return opens[-1] if opens else start


def _after_heading(text: str, said: str | None, status: str | None, ranks: list[tuple[int, str | None]],
                   numbered: bool, subhead: bool) -> tuple[str | None, list[tuple[int, str | None]]]:
    """The status below a heading or lead-in that says `said` (None: nothing), and the numbered headings
    that set a status, outermost first."""
    if said is not None or _TOP_HEADING.match(text) or subhead:
        if numbered:  # (a news intertitle opens an item of its own: "Lâm Thao tập huấn …")
            rank = _rank(text)
            ranks = [e for e in ranks if e[0] < rank] + [(rank, said)]
        return said, ranks
    if numbered and ranks and _rank(text) <= ranks[-1][0] and ranks[-1][1] == "actual":
        # "1. Kết quả thực hiện …" then "2. Tổ chức đánh giá, phân hạng đợt 2": a heading of its rank, saying
        # nothing, closes the review that set the status; the section above it holds again (a plan's
        # sections go on planning: "3. Nguồn vốn", "4. Chính sách hỗ trợ")
        ranks = [e for e in ranks if e[0] < _rank(text)]
        return (ranks[-1][1] if ranks else None), ranks
    return status, ranks


def heading_context(ctx: TargetContext) -> dict[int, tuple[int | None, str | None]]:
    """For each content line, the (year, status) set by the heading or lead-in above it."""
    doc, official, full, this_year = ctx.doc, ctx.official, ctx.doc.text, ctx.years.this_year
    out: dict[int, tuple[int | None, str | None]] = {}
    year: int | None = None
    status: str | None = None
    ranks: list[tuple[int, str | None]] = []  # the numbered headings that set a status, outermost first
    body_seen = False
    starts = paragraph_starts(doc)
    before_lead: tuple[int | None, str | None] | None = None  # what held before a news lead-in whose list runs
    listed = False  # whether an item of that list was seen
    for line, kind in zip(doc.lines, line_kinds(doc)):
        text = line.text
        if before_lead is not None and kind == "content" and text.strip() and starts[line.index] == line.index:
            if _LIST_ITEM.match(text):
                listed = True
            elif listed:
                year, status = before_lead  # a lead-in's words reach its list, not the paragraphs after it
                before_lead = None
        if kind == "content" and text.strip():
            # capitals make a heading in an official text; on a news page they are a banner
            numbered = bool(_HEADING.fullmatch(text)) or (official and text.isupper() and len(text) < 120)
            numbered = numbered and not _wrapped(starts, line.index)
            # an intertitle sets a status, and a year only when it names a plan ahead; the headline above the body is
            # not one
            subhead = not numbered and body_seen and bool(_SUBHEAD.fullmatch(text))
            body_seen = body_seen or (len(text) >= 80 and text.rstrip().endswith("."))
            # a lead-in: the line's last sentence ends in ":" ("Kế hoạch đặt ra năm nhóm chỉ tiêu:")
            start = _last_sentence(doc, line.start, line.end) if text.rstrip().endswith(":") else line.start
            lead_in = text.rstrip().endswith(":") and line.end - start < _LEAD_IN_MAX
            figures = (numbered or lead_in or subhead) and bool(
                find_quantities(full, start, line.end, numbers=ctx.numbers.within(start, line.end)))
            if subhead and figures:
                # an intertitle with figures opens an item too ("Đề án đặt mục tiêu ít nhất 200 sản phẩm vào
                # năm 2025"): what its own words announce, else nothing
                status = heading_status(text)
                status = None if status == "topic" else status
            if (numbered or lead_in or subhead) and not figures:
                found = [e for e in within(ctx.all_years, line.start, line.end)
                         if e.kind not in ("baseline", "past")]
                said = heading_status(text) if numbered or subhead else None
                if found and not subhead:
                    year = found[-1].year
                elif numbered:
                    year = None
                elif subhead:
                    year = _plan_ahead(text, [e.year for e in found], said, this_year)
                if said == "topic":  # "5. Kinh phí": as the section it stands in, else a plan's
                    said = status if status is not None and not _TOP_HEADING.match(text) else "target"
                if said is None and lead_in:
                    cues = status_cues(full, start, line.end, ctx.lower)
                    said = None if not cues or cues[-1][2] == "actual_after" else \
                        "target" if strives_to_exceed(full, cues[-1], start) else cues[-1][2]
                    if not official and not numbered:
                        before_lead, listed = (year, status), False
                status, ranks = _after_heading(text, said, status, ranks, numbered, subhead)
        out[line.index] = (year, status)
    return out
