"""Targets: every quantity a plan commits to, or reports as reached (CONTRACT.md section 2).

`extract_targets(doc, meta, options)` returns the `Target` records of one
document. The work is split by dimension: `numbers` reads numerals,
`quantities` finds number + unit mentions, and the other modules settle
comparator, stars, year, status, scope and metric for each.
"""

from __future__ import annotations

from ..document import Doc
from ..metadata import Metadata
from ..models import Target
from ..options import DEFAULT_OPTIONS, Options


def extract_targets(doc: Doc, meta: Metadata, options: Options = DEFAULT_OPTIONS) -> list[Target]:
    """All targets and actuals of `doc`, in text order."""
    from .assemble import assemble_targets

    return assemble_targets(doc, meta, options)
