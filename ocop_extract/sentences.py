"""Sentences and clauses of the content lines of a document: the one splitter of targets and metadata.

A sentence ends at ".", "!", "?" or "…" before a capital letter or a digit, or at
the end of a line, unless the next line carries it on (`paragraphs.paragraph_starts`);
a clause also ends at ";". Offsets are in normalised text. The targets read
figures sentence by sentence and clause by clause (`targets/finders.py`); the
document mentions of the metadata are read in their clause, cut to their line
(`line_clauses`, `metadata/mentions.py`).

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Năm 2023, huyện phấn đấu có 20 sản phẩm; xã A có 2. Đến nay có 5 sản phẩm.")
>>> [doc.text[s:e] for s, e in sentences(doc)]
['Năm 2023, huyện phấn đấu có 20 sản phẩm; xã A có 2.', 'Đến nay có 5 sản phẩm.']
>>> [doc.text[s:e] for s, e in clauses(doc.text, *sentences(doc)[0])]
['Năm 2023, huyện phấn đấu có 20 sản phẩm', ' xã A có 2.']
"""

from __future__ import annotations

import math
from bisect import bisect_right

import regex

from .document import Doc, Line
from .layout import line_kinds
from .paragraphs import PAGE_NUMBER, paragraph_starts

# The final mark, then what separates the next sentence. The pattern starts with the mark
# (found fast) and the sentence ends just after it.
_SENTENCE_END = regex.compile(r"[.!?…](?:[\"”’)]*\s+(?=[\"“(\-–•]?\s*[\p{Lu}\d])|(?<=…)(?=\p{Lu}))")


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans of the content lines, in text order."""
    if doc.memo.sentences is not None:
        return doc.memo.sentences
    out: list[tuple[int, int]] = []
    kinds, starts = line_kinds(doc), paragraph_starts(doc)
    text = doc.text
    for line, kind, para in zip(doc.lines, kinds, starts):
        if kind != "content" or line.start == line.end or (para != line.index and PAGE_NUMBER.fullmatch(line.text)):
            continue  # (a page's number a PDF copy left inside a paragraph is no sentence of it)
        pos = line.start
        if para != line.index and out and not text[out[-1][0]:out[-1][1]].rstrip().endswith((".", "!", "?", "…")):
            pos = out.pop()[0]  # a line the layout broke: its sentence carries on (not one after a full stop)
        for m in _SENTENCE_END.finditer(text, line.start, line.end):
            out.extend(_bounded(text, pos, m.start() + 1))
            pos = m.end()
        if pos < line.end:
            out.extend(_bounded(text, pos, line.end))
    doc.memo.sentences = out
    return out


# No sentence of a plan runs this long; a run of text that does (a page flattened into one line
# without a final mark) is read in pieces, so each figure's work stays bounded and a document linear.
LONGEST_SENTENCE = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as one sentence, or cut after a comma or a blank into pieces of `LONGEST_SENTENCE` at most.

    >>> [len(p) for p in (("có 5 sản phẩm, " * 300)[s:e] for s, e in _bounded("có 5 sản phẩm, " * 300, 0, 4500))]
    [1995, 1995, 510]
    """
    out = []
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        comma, blank = text.rfind(", ", limit - 400, limit - 1), text.rfind(" ", limit - 400, limit)
        cut = comma + 2 if comma >= 0 else blank + 1 if blank >= 0 else limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def line_clauses(doc: Doc, line: Line) -> list[tuple[int, int]]:
    """The clauses of the sentences on `line`, cut to it, the blanks after a ";" left out (in order).

    A sentence the layout carried on over lines is read here within the line: a mention's
    clause is the part of it on the mention's line.

    >>> doc = Doc.from_text("x", "Căn cứ Kế hoạch số 12/KH-UBND; Kế hoạch số 5. Năm 2024 có 3 sản phẩm.")
    >>> [doc.text[s:e] for s, e in line_clauses(doc, doc.lines[0])]
    ['Căn cứ Kế hoạch số 12/KH-UBND', 'Kế hoạch số 5.', 'Năm 2024 có 3 sản phẩm.']
    """
    text, out, spans = doc.text, [], sentences(doc)
    for k in range(max(0, bisect_right(spans, (line.start, math.inf)) - 1), len(spans)):
        start, end = spans[k]
        if start >= line.end:
            break
        if end <= line.start:
            continue
        for i, (s, e) in enumerate(clauses(text, max(start, line.start), min(end, line.end))):
            if i:
                s = min(e, s + len(text[s:e]) - len(text[s:e].lstrip()))
            out.append((s, e))
    return out or [(line.start, line.end)]


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


_PARENS = regex.compile(r"[()]")


def in_parentheses(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside a parenthesis opened after `start`.

    >>> s = "19 sản phẩm, đạt 54% kế hoạch (35 sản phẩm); trong đó 17 sản phẩm"
    >>> in_parentheses(s, 0, s.find("35")), in_parentheses(s, 0, s.find("17"))
    (True, False)

    A closing mark with none open before it (an item's "a)") closes nothing:

    >>> s = "a) Nâng từ 282 sản phẩm (tính đến hết năm 2021) lên 500 sản phẩm"
    >>> in_parentheses(s, 0, s.find("2021")), in_parentheses(s, 0, s.find("500"))
    (True, False)
    """
    opened = text.count("(", start, pos)
    if not opened:
        return False
    depth = 0
    for mark in _PARENS.findall(text, start, pos):
        depth = depth + 1 if mark == "(" else max(0, depth - 1)
    return depth > 0
