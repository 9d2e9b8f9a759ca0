"""Document metadata: who issued the plan, when, where, which plan, what it cites.

`extract_metadata(doc)` fills the document fields of a record (CONTRACT.md
section 1). Each dimension lives in its own module of this package.

`Metadata` is also the typed hand-off to the target components: besides the
record's fields it carries the parsed `Issuer` (body, level, place) and the
years of its dates as integers, so nothing downstream re-reads a string.

>>> m = Metadata(issuer="UBND huyện Lục Ngạn", province="Bắc Giang", issued_date="2024-03-05",
...              issuer_parts=Issuer("UBND huyện Lục Ngạn", "UBND", "huyện", "Lục Ngạn", "Bắc Giang"))
>>> m.issued_year, m.published_year, m.this_year, m.district
(2024, None, 2024, 'Lục Ngạn')
>>> sorted(m.record_fields())[:3]
['doc_type', 'genre', 'issued_date']
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Optional

from ..document import Doc
from ..models import NumberParts, Place, Reference
from ..options import DEFAULT_OPTIONS, Options
from .dates import year_of
from .issuer import Issuer

# levels of a district-level unit: the place of its UBND is the default scope of its targets
_DISTRICT_LEVELS = ("huyện", "thị xã", "thành phố")


@dataclass
class Metadata:
    """Document fields of one record, before assembly, and the typed facts target components read."""

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
    # not a record field: the issuer as parsed (the record keeps `issuer`, its canonical name)
    issuer_parts: Optional[Issuer] = field(default=None, metadata={"record": False})
    # not a record field: the year an undated goal is set for when it is not the plan's last, as in a title
    # joining a year and a horizon ("năm 2024 và đến năm 2025": 2024)
    goal_year: Optional[int] = field(default=None, metadata={"record": False})
    # not a record field: the last year of a period an official text reviews as a whole in that year, as its title
    # says ("Tổng kết 05 năm thực hiện … giai đoạn 2021-2025" issued in 2025): the period is closed, not running
    period_closed: Optional[int] = field(default=None, metadata={"record": False})

    def record_fields(self) -> dict[str, Any]:
        """The fields a `Record` takes, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("record", True)}

    def set_issuer(self, iss: Issuer) -> None:
        """Record `iss` as the issuer: its canonical name for the record, its parts for the targets."""
        self.issuer, self.issuer_parts = iss.canonical, iss

    @property
    def issued_year(self) -> Optional[int]:
        return year_of(self.issued_date)

    @property
    def published_year(self) -> Optional[int]:
        return year_of(self.published_date)

    @property
    def this_year(self) -> Optional[int]:
        """What "năm nay" means: the year of publication, else of issue, else the plan's first."""
        dated = self.published_year or self.issued_year
        return dated if dated else (self.plan_years[0] if self.plan_years else None)

    @property
    def district(self) -> Optional[str]:
        """The district-level unit whose UBND issued the document ("UBND huyện Lục Ngạn" → "Lục Ngạn")."""
        iss = self.issuer_parts
        if iss is None or iss.body != "UBND" or iss.chair or iss.level not in _DISTRICT_LEVELS:
            return None
        return iss.place

    @property
    def local_places(self) -> tuple[str, ...]:
        """The names of the districts and communes named in the text, sorted."""
        return tuple(sorted({p.name for p in self.places if p.level != "province"}))


def extract_metadata(doc: Doc) -> Metadata:
    """Read every document field of `doc`."""
    from .extract import extract_all

    return extract_all(doc)


def read_metadata(doc: Doc, options: Options = DEFAULT_OPTIONS) -> None:
    """The metadata component of the pipeline: sets `doc.meta`."""
    doc.meta = extract_metadata(doc)
