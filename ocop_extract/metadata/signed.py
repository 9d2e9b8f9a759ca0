"""Signed: the sentence of a news text that names its subject again as what someone signed ("Theo
quyết định do Phó Chủ tịch UBND tỉnh … ký ngày 10/10, …"), for the signer and the day it gives.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from .dates import find_dates
from .subject import Subject
from .years import dated_by_plan

# the subject named again as what someone signed: "Theo quyết định do Phó Chủ tịch UBND tỉnh Đặng Quốc
# Hưng ký ngày 10/10, …", "Kế hoạch này do … ký ban hành ngày 12/3/2025"; or who signed it named: "Ông
# Lương Đức Hiển, Phó Chủ tịch UBND huyện, người ký quyết định, cho biết …"
_SIGNED_BACK = (r"(?<![\p{{L}}]){kind}(?:\s+(?:này|trên|nêu\s+trên))?\s*,?\s+do\s+[^.;]{{0,120}}?(?<![\p{{L}}])ký(?![\p{{L}}])"
                r"|(?<![\p{{L}}])người\s+(?:đã\s+)?ký\s+{kind}(?![\p{{L}}])")
_SIGNED_ON = regex.compile(r"\s+(?:ban\s+hành\s+)?(?:vào\s+)?ngày\s+(?P<d>\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)")


@lru_cache(maxsize=32)
def _signed_back(kind: str) -> regex.Pattern:
    return regex.compile(_SIGNED_BACK.format(kind=regex.escape(kind).replace("\\ ", r"\s+")), regex.I)


def signed_back(doc: Doc, subj: Subject, published: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """The sentence, after the subject is first named, that names its kind again as what someone
    signed ("Theo quyết định do … ký ngày 10/10"): that sentence's text and the day it gives (ISO,
    the year from the number, else the posting), each None when not said.

    >>> doc = Doc.from_text("x", "UBND tỉnh vừa ban hành Quyết định số 3185/QĐ-UBND công nhận 31 sản phẩm. "
    ...     "Theo quyết định do Phó Chủ tịch UBND tỉnh Đặng Quốc Hưng ký ngày 10/10, có 24 sản phẩm 3 sao.")
    >>> from .mentions import find_mentions
    >>> from .subject import choose
    >>> sentence, day = signed_back(doc, choose(doc, find_mentions(doc)), "2024-10-15")
    >>> sentence[:30], day
    ('Theo quyết định do Phó Chủ tịc', '2024-10-10')
    """
    m = subj.mention
    if doc.text.find("ký", m.end) < 0:
        return None, None
    found = _signed_back(m.type).search(doc.text, m.end)
    if found is None:
        return None, None
    start = max(doc.text.rfind(".", 0, found.start()), doc.text.rfind("\n", 0, found.start())) + 1
    stop = regex.compile(r"[.;](?:\s|$)").search(doc.text, found.end())
    sentence = doc.text[start:stop.start() if stop else len(doc.text)].strip()
    on = _SIGNED_ON.match(doc.text, found.end())
    day = None
    if on is not None:
        dates = find_dates(on.group("d"))
        day = dates[0].iso if dates else dated_by_plan(on.group("d"), m.number_year, "", published)
    return sentence, day
