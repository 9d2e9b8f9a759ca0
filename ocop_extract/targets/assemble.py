"""The assembler: settled candidates built into `Target` records, in text order.

Each kept candidate becomes one `Target`, its span mapped back to the source
text and its text cut from there; the reasons gathered by the finder and the
resolvers go to `explain` when the options ask for them.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.targets.candidates import Candidate
>>> doc = Doc.from_text("x", "Có 20 sản phẩm")
>>> c = Candidate(3, 14, 20, None, "=", "product", "sản phẩm", "count_with_unit", 0.9, status="target")
>>> [(t.text, t.span) for t in build_targets(doc, [c])]
[('20 sản phẩm', (3, 14))]
"""

from __future__ import annotations

from ..document import Doc
from ..models import Target
from ..options import DEFAULT_OPTIONS, Options
from .candidates import Candidate


def build_targets(doc: Doc, candidates: list[Candidate], options: Options = DEFAULT_OPTIONS) -> list[Target]:
    """The `Target` of every kept candidate, sorted by where it starts (a stable sort: finders' order on ties)."""
    out = []
    for c in candidates:
        if not c.kept:
            continue
        src = doc.source_span(c.start, c.end)
        out.append(Target(
            value=c.value, value_max=c.value_max, comparator=c.comparator, unit=c.unit,
            unit_text=c.unit_text, stars=c.stars, year=c.year, per=c.per, status=c.status, scope=c.scope,
            metric=c.metric, span=src, text=doc.source[src[0]:src[1]], rule=c.rule, confidence=c.confidence,
            explain=c.why if options.explain else None,
        ))
    out.sort(key=lambda t: t.span[0])
    return out
