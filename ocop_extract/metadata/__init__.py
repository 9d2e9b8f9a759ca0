"""Document metadata: who issued the plan, when, where, which plan, what it cites.

`extract_metadata(doc)` fills the document fields of a record (CONTRACT.md
section 1). Each dimension lives in its own module of this package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..document import Doc
from ..models import NumberParts, Place, Reference


@dataclass
class Metadata:
    """Document fields of one record, before assembly."""

    genre: Optional[str] = None
    doc_type: Optional[str] = None
    number: Optional[str] = None
    number_parts: Optional[NumberParts] = None
    issuer: Optional[str] = None
    province: Optional[str] = None
    province_2025: Optional[str] = None
    signer: Optional[str] = None
    issued_date: Optional[str] = None
    published_date: Optional[str] = None
    plan_years: Optional[tuple[int, int]] = None
    references: list[Reference] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_metadata(doc: Doc) -> Metadata:
    """Read every document field of `doc`."""
    from .extract import extract_all

    return extract_all(doc)
