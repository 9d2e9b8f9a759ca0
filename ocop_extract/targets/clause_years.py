"""Years that date one figure ("tăng từ 31 sản phẩm cuối năm 2023 lên 38") or one clause of a sentence
("Đồng Tháp có 18 sản phẩm OCOP xuất khẩu, năm 2022 đạt giá trị 12,4 triệu USD. Sơn La có 11 sản phẩm …").
Said after a figure of its sentence, a year opens the clause it
dates; it gives its year neither to that figure nor to the sentences after it (`time_scope` keeps the scope
before it closed). A clause put before the main one ("Cộng với đợt 1 (4 sản phẩm), năm 2024 huyện đã có 15
…") dates with it.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Đồng Tháp có 18 sản phẩm, năm 2022 đạt 12,4 triệu USD. Sơn La có 11 sản phẩm.")
>>> low = doc.text.lower()
>>> at = doc.text.find("năm 2022")
>>> doc.text[:mid_sentence_end(doc, low, at)], opens_next_clause(doc, low, doc.text.find(" sản phẩm,") + 9, at)
('Đồng Tháp có 18 sản phẩm, năm 2022 đạt 12,4 triệu USD', True)
>>> doc = Doc.from_text("y", "Cộng với đợt 1 (4 sản phẩm), năm 2024 huyện đã có 15 sản phẩm.")
>>> mid_sentence_end(doc, doc.text.lower(), doc.text.find("năm 2024")) is None
True
"""

from __future__ import annotations

import regex

from ..document import Doc

# a year opening a clause after a figure of its sentence: "… 18 sản phẩm OCOP xuất khẩu, năm 2022 đạt …"
_AFTER_A_FIGURE = regex.compile(r"\d[^.;:()]*,\s*(?:(?:còn|riêng|và)\s+)?(?:trong\s+)?\Z", regex.REVERSE)
_SENTENCE_STOP = regex.compile(r"\.(?:\s|\Z)")
_OPENS_CLAUSE = regex.compile(r",\s*(?:(?:còn|riêng|và)\s+)?\Z", regex.REVERSE)
# the words of a clause put before the main one
_FRONTED = regex.compile(r"(?<![\p{L}])(?:cộng\s+với|cùng\s+với|ngoài|bên\s+cạnh|tính\s+cả|kể\s+cả|như\s+vậy)(?![\p{L}])")


# a year said as a figure's own date: "tăng từ 31 sản phẩm cuối năm 2023 lên 38" (not a span of months: "6 tháng đầu năm")
_FIGURE_THEN_DATE = regex.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d[\d.,]*(?P<noun>\s*%|(?:\s+\p{L}+){1,2})\s+(?:(?:cuối|hết)\s+)?\Z")
_SPAN_NOUN = regex.compile(r"(?<![\p{L}])(?:tháng|quý|ngày|năm|đợt|lần)(?![\p{L}])", regex.I)  # a span, not a thing


def dates_a_figure(before: str) -> bool:
    """Whether `before` ends on a figure and its noun, the year after it being that figure's date.

    >>> dates_a_figure("tăng từ 31 sản phẩm cuối "), dates_a_figure("trong 6 tháng đầu ")
    (True, False)
    """
    m = _FIGURE_THEN_DATE.search(before)
    return m is not None and not _SPAN_NOUN.search(m["noun"])


def mid_sentence_end(doc: Doc, low: str, start: int) -> int | None:
    """Where the sentence of a year at `start` that opens a clause after a figure ends, else None.
    `low`: the document's text in lower case."""
    text = doc.text
    line = doc.line_at(start)
    opening = max(text.rfind(". ", line.start, start) + 2, line.start)
    if not _AFTER_A_FIGURE.search(text, opening, start) or _FRONTED.search(low, opening, start):
        return None
    stop = _SENTENCE_STOP.search(text, start, line.end)
    return stop.start() if stop else None


def opens_next_clause(doc: Doc, low: str, end: int, start: int) -> bool:
    """Whether a year at `start` opens the clause after the one a figure ending at `end` stands in."""
    if not low.startswith("năm", start) or not _OPENS_CLAUSE.search(low, max(end, start - 16), start):
        return False
    opening = max(low.rfind(". ", 0, end) + 2, doc.line_at(end).start)
    return not _FRONTED.search(low, opening, end)
