"""Targets: every quantity a plan commits to, or reports as reached (CONTRACT.md section 2).

Target extraction is two steps, as spaCy's EntityRuler separates matching
from setting annotations: finders (`finders`) propose candidate figures with
their evidence (`candidates`); resolvers settle each field — status
(`resolve_status`), year (`resolve_year`), a news title's figure as its echo in the body
(`echoes`), rate, stars, scope and metric
(`resolve_fields`) — and the assembler (`assemble`) builds the `Target`
records. `components` wraps each step for the pipeline's component tuple.
Below them, one module per dimension matches the words: `numbers`,
`quantities`, `comparators`, `stars`, `years`, `time_scope`, `status` (cues),
`scope`, `metric`, `tables`.

`extract_targets(doc, meta, options)` runs the target components alone.
"""

from __future__ import annotations

from ..document import Doc
from ..metadata import Metadata
from ..models import Target
from ..options import DEFAULT_OPTIONS, Options


def extract_targets(doc: Doc, meta: Metadata, options: Options = DEFAULT_OPTIONS) -> list[Target]:
    """All targets and actuals of `doc`, read with `meta`, in text order."""
    from .components import TARGET_COMPONENTS

    doc.meta, doc.candidates, doc.memo.target_context = meta, [], None
    for component in TARGET_COMPONENTS:
        component(doc, options)
    return doc.targets
