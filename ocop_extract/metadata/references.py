"""References: every document the text cites, with type, number, date and issuer when stated.

Built from the mentions that carry a số hiệu; the document's own number is left
out, and a document cited twice is listed once (later mentions fill in what the
first did not state). Spans are source offsets.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Số: 12/KH-UBND\\nCăn cứ Nghị quyết số 07/2021/NQ-HĐND ngày 13/01/2021 của "
...                     "Hội đồng nhân dân tỉnh; Công văn số 485/UBND-KTN của UBND tỉnh.")
>>> from .mentions import find_mentions
>>> refs = references(doc, find_mentions(doc, "Quảng Nam"), own_number="12/KH-UBND")
>>> [(r.type, r.number, r.date, r.issuer) for r in refs]
[('Nghị quyết', '07/2021/NQ-HĐND', '2021-01-13', 'HĐND tỉnh Quảng Nam'), ('Công văn', '485/UBND-KTN', None, 'UBND tỉnh Quảng Nam')]
"""

from __future__ import annotations

from typing import Optional

from ..document import Doc
from ..models import Reference
from .mentions import Mention


def references(doc: Doc, mentions: list[Mention], own_number: Optional[str] = None) -> list[Reference]:
    """One Reference per distinct cited số hiệu, in order of first mention."""
    out: dict[str, Reference] = {}
    for m in mentions:
        if m.number is None or m.number.number == own_number:
            continue
        num = m.number.number
        issuer = m.issuer.canonical if m.issuer else None
        if num in out:
            ref = out[num]
            if ref.date is None and m.date:
                ref.date = m.date
            if ref.issuer is None and issuer:
                ref.issuer = issuer
            continue
        out[num] = Reference(type=m.type, number=num, date=m.date, issuer=issuer,
                             number_parts=m.number.parts, span=doc.source_span(m.start, m.end))
    return list(out.values())
