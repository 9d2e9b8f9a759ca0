"""The target components the pipeline runs, in order, over one `Doc` (see `pipeline.COMPONENTS`).

Each takes the document and the options and adds to what the ones before
left on it: finders append to `doc.candidates`, resolvers settle a field of
each candidate, the assembler sets `doc.targets`. All read `doc.meta` through
`context.target_context`. A new component (a second domain's finder, a
classifier that settles status) is one more function of this shape.
"""

from __future__ import annotations

from ..document import Doc
from ..options import Options
from .assemble import build_targets
from .context import target_context
from .echoes import settle_echoes
from .finders import sentence_candidates, table_candidates
from .resolve_fields import settle_clause_fields
from .resolve_status import settle_status
from .resolve_year import settle_years


def find_sentence_figures(doc: Doc, options: Options) -> None:
    """Finder: the quantities of content sentences, with their comparator and evidence."""
    doc.candidates.extend(sentence_candidates(target_context(doc), options))


def find_table_figures(doc: Doc, options: Options) -> None:
    """Finder: the figures of "|" tables, settled by their columns."""
    doc.candidates.extend(table_candidates(target_context(doc)))


def resolve_status(doc: Doc, options: Options) -> None:
    """Resolver: target or actual (`resolve_status`)."""
    settle_status(doc.candidates, target_context(doc))


def resolve_year(doc: Doc, options: Options) -> None:
    """Resolver: a target's deadline, an actual's year (`resolve_year`)."""
    settle_years(doc.candidates, target_context(doc))


def resolve_echoes(doc: Doc, options: Options) -> None:
    """Resolver: a news title's figure takes the status and year of its echo in the body (`echoes`)."""
    settle_echoes(doc.candidates, target_context(doc))


def resolve_clause_fields(doc: Doc, options: Options) -> None:
    """Resolver: rate, stars, scope and metric from the clause (`resolve_fields`)."""
    settle_clause_fields(doc.candidates, target_context(doc))


def assemble(doc: Doc, options: Options) -> None:
    """Assembler: the `Target` records of the kept candidates, in text order."""
    doc.targets = build_targets(doc, doc.candidates, options)


TARGET_COMPONENTS = (find_sentence_figures, find_table_figures, resolve_status, resolve_year, resolve_echoes,
                     resolve_clause_fields, assemble)
