"""Scopes: how far a cue reaches, and the record of which one settled a figure's field.

A cue of modality ("phấn đấu", "mục tiêu", "kế hoạch" against "đã", "đến nay", "kết quả") or
of time ("Năm 2023, …", "Trong 9 tháng đầu năm 2024, …", "Tính đến hết năm 2022, …") opens
a scope; a figure takes the nearest scope open where it stands. The kinds, nearest first:

- `clause`: a cue or year in the figure's own clause, before or after it;
- `breakdown`: the parts of a figure ("trong đó", "gồm", "cụ thể", "lần lượt là") take its status;
- `sentence`: a cue, a year or a figure earlier in the sentence;
- `paragraph`: a time phrase or a figure earlier in the paragraph (and a paragraph that opens on
  the figures of the one before, "Trong tổng số sản phẩm nêu trên, …");
- `section`: the heading or lead-in above ("I. KẾT QUẢ THỰC HIỆN NĂM 2023", "Mục tiêu cụ thể:");
- `document`: the genre and the plan's years, when nothing nearer speaks.

The resolvers (`resolve_status`, `resolve_year`) try the kinds in this order and record the one
that decided with `decided`, so `--explain` names the cue and the scope of every field.

>>> why = []
>>> decided(why, "status", "actual", SENTENCE, "past year 2022 before it")
'actual'
>>> why
['status actual: past year 2022 before it [sentence]']
"""

from __future__ import annotations

from typing import TypeVar

CLAUSE, BREAKDOWN, SENTENCE, PARAGRAPH, SECTION, DOCUMENT = (
    "clause", "breakdown", "sentence", "paragraph", "section", "document")
KINDS = (CLAUSE, BREAKDOWN, SENTENCE, PARAGRAPH, SECTION, DOCUMENT)

T = TypeVar("T")


def decided(why: list[str], field: str, value: T, scope: str, evidence: str) -> T:
    """Record in `why` that `scope`'s `evidence` set `field` to `value`, and return the value."""
    assert scope in KINDS, scope
    why.append(f"{field} {value}: {evidence} [{scope}]")
    return value
