"""When a mentioned document was issued, and the words that name it: "Quyết định số 3120/QĐ-UBND ngày
20/12 công nhận …", "Ngày 25/6/2025, … đã ký Quyết định số 1962/QĐ-UBND", "Kế hoạch số 58/KH-UBND do … ký
ban hành ngày 9/3".
"""

from __future__ import annotations

from typing import Optional

import regex

from ..document import Doc
from ..lexicon import load_lexicon
from .dates import find_dates
from .mentions import Mention
from .years import dated_by_plan


def lexicon_words(key: str) -> str:
    """The words of a metadata lexicon list as one alternation (spaces literal): "ban hành|phê duyệt|…"."""
    return "|".join(regex.escape(w, literal_spaces=True) for w in load_lexicon("metadata")[key])


ISSUING = lexicon_words("issuing_verbs")  # "ban hành", "phê duyệt" … (lexicon metadata.yaml)
# where the words naming a document end
_PHRASE_STOP = regex.compile(
    r"[.;:!?\n]|\bnhằm\b|\bvới (?:các|những|nhiều|mục tiêu|tổng|nội dung)\b|\bđể\b|\bphấn đấu\b|"
    r"\bđặt (?:ra )?mục tiêu\b|\btheo đó\b|\btrong đó\b|,\s*(?:đến|tới) năm\b|\bxác định\b|\byêu cầu\b|"
    r"(?<=\d{4})\s*,|\bsau khi\b|\bkhi\b",
    regex.I,
)
_ISSUED_AFTER = regex.compile(rf"^[^.;]{{0,100}}?\b(?:{ISSUING})\s+(?:vào\s+)?ngày\s+", regex.I)
_ISSUED_BEFORE = regex.compile(r"(?:ngày|sáng|chiều|tối|trưa)\s+(?P<d>[\d/.\-]+|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?[^.;]{0,80}"
                               rf"\b(?:{ISSUING})\b[^.;]{{0,25}}$", regex.I)
# the day said without its year right after the number: "Quyết định số 3120/QĐ-UBND ngày 20/12 công nhận …"
_DAY_AFTER = regex.compile(r"^\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?P<d>\d{1,2}\s*/\s*\d{1,2})(?![\d/.\-])", regex.I)
_WRAPPED = regex.compile(r"[ \t]*\n[ \t]*(?=\p{Ll}|\d)")


def title_phrase(text: str, start: int, in_parens: bool = False) -> str:
    """The words after a mention that name the document, up to the end of its clause (or its parenthesis)."""
    # a line the page wrapped goes on in lower case ("… phê duyệt Đề án phát triển" / "thương mại điện tử …")
    window = _WRAPPED.sub(" ", text[start:start + 250])
    if in_parens:
        window = window.split(")", 1)[0]
    m = _PHRASE_STOP.search(window)
    return window[:m.start()] if m else window


def issued_on(doc: Doc, m: Mention, published: Optional[str] = None) -> Optional[str]:
    """The ISO date the mention `m` was issued on, said beside it or in its sentence, else None; a day said
    without its year takes it from the document's number or title, else from `published`."""
    if m.date:
        return m.date
    text = doc.text
    after = text[m.end:m.sent_end]
    d = _DAY_AFTER.match(after) if m.number is not None else None
    if d:
        return dated_by_plan(d.group("d"), m.number_year, title_phrase(text, m.end + d.end()), published)
    a = _ISSUED_AFTER.match(after)
    if a:
        found = find_dates(after[a.end() - 5:a.end() + 30])
        if found:
            return found[0].iso
    prefix = text[m.sent_start:m.start]
    b = _ISSUED_BEFORE.search(prefix)
    if b:
        found = find_dates(prefix[b.start():b.end()])
        if found:
            return found[0].iso
        return dated_by_plan(b.group("d"), m.number_year, title_phrase(text, m.end), published)
    return None
