"""Candidates: the figures finders propose, with their evidence, before any field is settled.

A finder (`finders.sentence_candidates` for prose, `finders.table_candidates`
for "|" tables) proposes `Candidate`s; resolvers settle their fields in turn
(`resolve_status`, `resolve_year`, `resolve_fields`); the assembler
(`assemble`) builds a `Target` from each one that is `kept`. A component
that proposes figures of its own, or settles a field another way, works on
the same list (`Doc.candidates`) and can be scored on its own.

>>> from ocop_extract.targets.quantities import find_quantities
>>> rule_of(find_quantities("đạt 70% kế hoạch")[0]), rule_of(find_quantities("220 triệu")[0])
(('percent', 0.95), ('money_scale_without_unit', 0.7))
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import DocYears
from .quantities import Quantity
from .years import YearExpr


@dataclass
class Sentence:
    """A content sentence holding quantities, and what its paragraph and heading said before it."""

    text: str                    # the document's normalised text (offsets below are in it)
    start: int
    end: int
    paragraph: int               # index of its paragraph's first line: a status carries within it
    cues: list[tuple[int, int, str]]  # status cues of the sentence (`status.status_cues`)
    years: list[YearExpr]        # year expressions inside the sentence
    doc_years: DocYears
    genre: str | None
    heading_status: str | None   # set by the heading or lead-in above
    carried_year: int | None     # the deadline stated earlier in the paragraph, else the heading's
    past: bool                   # an earlier sentence of the paragraph spoke of a past year
    carries_from: int | None = None  # the paragraph before, when this one opens on its figures ("nêu trên")
    carried_scope: str = "paragraph"  # where `carried_year` was said: "paragraph" or "section" (the heading)


@dataclass
class Prose:
    """The evidence a sentence finder keeps with a candidate."""

    q: Quantity                  # the number and its unit, as read
    sentence: Sentence
    clause: tuple[int, int]      # the clause holding the number
    in_clause: list[Quantity]    # the quantities of that clause
    next_start: int              # where the next quantity of the sentence starts (its end when none)
    cue_start: int               # start of the comparator's words (the span starts there)


@dataclass
class Candidate:
    """A figure proposed as a target: the finder's reading, then the fields resolvers settle.

    Offsets (`start`, `end`) are in the normalised text; `kept` is False for a
    reading whose confidence is below the options' floor (it still counts as
    evidence for the status of the figures after it).
    """

    start: int
    end: int
    value: float
    value_max: float | None
    comparator: str
    unit: str
    unit_text: str
    rule: str
    confidence: float
    kept: bool = True
    why: list[str] = field(default_factory=list)
    prose: Prose | None = None   # set by the sentence finder; None for a table cell
    status: str | None = None
    year: int | None = None
    stars: int | None = None
    per: str | None = None
    scope: str | None = None
    metric: str | None = None
    part_of: "Candidate | None" = None  # the figure a breakdown opened before this one breaks down
    aside: bool = False  # said beside a result to measure it ("so với mục tiêu 218 sản phẩm"): opens no scope


def rule_of(q: Quantity) -> tuple[str, float]:
    """The name of the reading that found `q`, and its confidence."""
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
