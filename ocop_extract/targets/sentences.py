"""Sentences and clauses of the content lines of a document.

A sentence ends at ".", "!", "?" or "…" before a capital letter, or at the end
of a line; a clause also ends at ";". Offsets are in normalised text.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Năm 2023, huyện phấn đấu có 20 sản phẩm; xã A có 2. Đến nay có 5 sản phẩm.")
>>> [doc.text[s:e] for s, e in sentences(doc)]
['Năm 2023, huyện phấn đấu có 20 sản phẩm; xã A có 2.', 'Đến nay có 5 sản phẩm.']
>>> [doc.text[s:e] for s, e in clauses(doc.text, *sentences(doc)[0])]
['Năm 2023, huyện phấn đấu có 20 sản phẩm', ' xã A có 2.']
"""

from __future__ import annotations

import regex

from ..document import Doc
from ..layout import line_kinds

# The final mark, then what separates the next sentence. The pattern starts with the mark
# (found fast) and the sentence ends just after it.
_SENTENCE_END = regex.compile(r"[.!?…](?:[\"”’)]*\s+(?=[\"“(\-–•]?\s*[\p{Lu}\d])|(?<=…)(?=\p{Lu}))")


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans of the content lines, in text order."""
    if doc.memo.sentences is not None:
        return doc.memo.sentences
    out: list[tuple[int, int]] = []
    kinds = line_kinds(doc)
    text = doc.text
    for line, kind in zip(doc.lines, kinds):
        if kind != "content" or line.start == line.end:
            continue
        pos = line.start
        for m in _SENTENCE_END.finditer(text, line.start, line.end):
            out.append((pos, m.start() + 1))
            pos = m.end()
        if pos < line.end:
            out.append((pos, line.end))
    doc.memo.sentences = out
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ";"-separated clauses of a sentence."""
    out = []
    pos = start
    cut = text.find(";", start, end)
    while cut >= 0:
        out.append((pos, cut))
        pos = cut + 1
        cut = text.find(";", pos, end)
    out.append((pos, end))
    return out
