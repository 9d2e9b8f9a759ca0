"""Paragraphs: which paragraph each line of a document belongs to, the lines a PDF's layout broke
joined again (a line that carries on the sentence above it; in a text wrapped at a width, a line
under one that fills the width).
"""

from __future__ import annotations

import regex

from .document import Doc
from .layout import line_kinds


# a line that carries on the sentence of the line above, as text copied from a PDF does
# ("… trong đó 97 sản" / "phẩm 3 sao và 12 sản phẩm 4 sao"): it starts with a lower-case letter,
# or with a figure under a long line ending in a lower-case word ("… gồm: ngân sách trung ương" /
# "9.200 triệu đồng; …"), not under a table's label cell ("Thành phố Bến Tre" / "1")
_CARRIED_ON = regex.compile(r"[ \t]*(?![a-zđ][).][ \t])\p{Ll}")  # not a list's item, "a) …", "b. …"
_FIGURE_CARRIED_ON = regex.compile(r"[ \t]*\d[\d.,/]*(?:[ \t]*%)?(?:[,;]?[ \t]+\p{Ll}|[ \t]*[,;.][ \t]*\Z)")  # "50% chủ thể", "39%, doanh", "30/9/2024, toàn", "0,5%;"
# a word no sentence ends on, which wants the figure after it: a comparator or a verb of reaching ("… còn dưới" /
# "0,5%;", "… đạt trên" / "75 triệu đồng")
_WANTS_A_FIGURE = regex.compile(r"(?<![\p{L}])(?:trên|dưới|khoảng|gần|hơn|tối\s+thiểu|tối\s+đa|ít\s+nhất|không\s+quá|"
                                r"không\s+dưới|đạt|là|từ|lên|còn|xuống|chiếm)[ \t]*\Z", regex.REVERSE)  # (read from the end)
_ENDS_IN_LOWER_CASE = regex.compile(r"(?<![\p{L}])\p{Ll}+[ \t]*\Z")
_WRAPPED_WIDTH = 60  # a line at least this long that stops mid-sentence was wrapped
_ENDS_A_SENTENCE = regex.compile(r"[.:;!?…\"”)]\s*\Z")
# a clause's mark at a line's end ("…, bằng 66% kế hoạch vốn năm;" / "trong đó ngân sách trung ương …"):
# a lower-case word or a figure after it goes on ("100% tỉnh, thành phố …"; not a list item, "b) …", "2. …")
# … and so does a parenthesis closed at a line's end ("… năm 2024 (đợt 1)" / "đối với 12 sản phẩm …")
_WORD_CARRIED_ON = regex.compile(r"[ \t]*(?:\p{Ll}\p{L}+(?![\p{L})])|\d[\d.,]*\s*%?\s+\p{Ll})")


_CLAUSE_MARKS = ";:,)"  # a clause's mark at a line's end, read off its last character
_SENTENCE_MARKS = ".:;!?…\"”)"  # … and a sentence's (as `_ENDS_A_SENTENCE`)


# a parenthesis the line above left open goes on below ("… 02 xã (Công Sơn, Hải" / "Yến), 01 xã …"),
# unless the line opens an item or a heading
_ITEM_OPENING = regex.compile(r"[ \t]*(?:[-–+•*]|[a-zđ][).]|\d{1,2}[.)]|[IVX]+\.)[ \t]")


def _carries_on(above: str, line: str) -> bool:
    if above.count("(") > above.count(")") and line.strip() and not _ITEM_OPENING.match(line):
        return True
    last = above.rstrip()[-1:]
    if last and last in _CLAUSE_MARKS:
        return bool(_WORD_CARRIED_ON.match(line))
    if last and last in _SENTENCE_MARKS:
        return False
    return bool(_CARRIED_ON.match(line)) or (bool(_WANTS_A_FIGURE.search(above)) and bool(_FIGURE_CARRIED_ON.match(line))) or (
        len(above) >= _WRAPPED_WIDTH and bool(_ENDS_IN_LOWER_CASE.search(above))
        and (bool(_FIGURE_CARRIED_ON.match(line)) or line.lstrip().startswith("(")))  # "… nâng cao" / "(Hòa Hội, Bàu Lâm), 01 xã …"


# a full stop at a line's end, and a sentence opening on a capital after it (no list item, no heading)
_ENDS_A_STOP = regex.compile(r"\.\s*\Z")
_SENTENCE_OPENING = regex.compile(r"[ \t]*\p{Lu}\p{Ll}+[ \t]+\p{Ll}")
# a word with a capital that goes on a sentence: a name or an acronym, then words ("OCOP, tăng 12 …")
_CAPITAL_CARRIED_ON = regex.compile(r"[ \t]*\p{Lu}[\p{L}\d]*[,]?[ \t]+\p{L}")
_ENDS_IN_WORD = regex.compile(r"[\p{L}\d][ \t]*\Z")
_COLUMN_GAP = regex.compile(r"\S[ \t]{3,}\S")
_FULL_LINE = 0.93  # of the width a text was wrapped at: a line this long was filled, not ended
_WRAPS_SEEN = 3  # lines broken mid-sentence that show a text was wrapped at a width


def _wrap_width(lines: list, broken: list[bool]) -> int | None:
    """The width a text copied from a PDF was wrapped at (the median length of the lines it broke
    mid-sentence; `broken[i]`: line i carries on the sentence of the line above), or None when
    fewer than three lines were so broken."""
    widths = sorted(len(lines[i - 1].text.rstrip()) for i in range(1, len(lines))
                    if broken[i] and not _ENDS_A_SENTENCE.search(lines[i - 1].text))
    return widths[len(widths) // 2] if len(widths) >= _WRAPS_SEEN else None


def _fills_and_goes_on(above: str, line: str, width: int) -> bool:
    """Whether `line` goes on with the paragraph of `above`, a line that fills the width a text was
    wrapped at: a sentence after a full stop ("… 5 sao." / "Các sản phẩm thuộc 142 chủ thể …"), or
    after a word and no mark, a word with a capital ("… đạt chuẩn" / "OCOP, tăng 12 sản phẩm …"); not a
    line in capitals (a heading), nor one under a line laid out in columns.

    >>> _fills_and_goes_on("Năm 2023, tỉnh có thêm 38 sản phẩm đạt chuẩn", "OCOP, tăng 12 sản phẩm.", 44)
    True
    >>> _fills_and_goes_on("Năm 2023, tỉnh có thêm 38 sản phẩm đạt chuẩn:", "OCOP, tăng 12 sản phẩm.", 44)
    False
    """
    if len(above.rstrip()) < _FULL_LINE * width or line.isupper() or _COLUMN_GAP.search(above.strip()):
        return False  # a heading, or a line laid out in columns (a running header and its page number)
    if _ENDS_A_STOP.search(above):
        return _SENTENCE_OPENING.match(line) is not None
    return _ENDS_IN_WORD.search(above) is not None and _CAPITAL_CARRIED_ON.match(line) is not None


def paragraph_starts(doc: Doc) -> list[int]:
    r"""For every line, the index of the first line of its paragraph (cached).

    A content line that starts with a lower-case letter, under a content line that ends
    without a final mark, carries on that line's paragraph: the layout of a PDF broke it.
    In a text so wrapped, a sentence under a line that ends one and fills the width carries
    on the paragraph too (a paragraph's last line falls short).

    >>> doc = Doc.from_text("x", "Năm 2020, tỉnh có 109 sản phẩm, trong đó 97 sản\nphẩm 3 sao.\nĐến nay có 5.\nxã A")
    >>> paragraph_starts(doc)
    [0, 0, 2, 3]
    >>> paragraph_starts(Doc.from_text("y", "Giải ngân 4.620 triệu đồng;\ntrong đó trung ương 2.900 triệu đồng;\nb) Kinh phí"))
    [0, 0, 2]
    >>> paragraph_starts(Doc.from_text("z", "b) Củng cố, thành lập mới khoảng 40 hợp tác xã tham gia Chương trình; ít nhất\n50% chủ thể là hợp tác xã."))
    [0, 0]
    >>> paragraph_starts(Doc.from_text("q", "Kế hoạch năm 2024 giao huyện phấn đấu có thêm 02 xã đạt chuẩn nông thôn mới nâng cao\n(Hòa Hội, Bàu Lâm), 01 xã đạt chuẩn kiểu mẫu."))
    [0, 0]
    >>> paragraph_starts(Doc.from_text("p", "Các sản phẩm thuộc 51 chủ thể,\n\n2\n\ngồm 19 hợp tác xã.\n\n- 3 -\n\nNăm 2021"))
    [0, 0, 0, 0, 0, 5, 6, 7, 8]
    >>> paragraph_starts(Doc.from_text("o", "Nguồn vốn gồm ngân sách tỉnh 58,7 tỷ đồng; ngân sách huyện, xã 21,9 tỷ\n2\nđồng; vốn khác."))
    [0, 0, 0]
    """
    if doc.memo.paragraph_starts is None:
        kinds, lines, out = line_kinds(doc), doc.lines, []
        joined = [False] * len(lines)
        broken = [False] * len(lines)
        for i in range(1, len(lines)):
            above = lines[i - 1]
            if kinds[i] == "content" and kinds[i - 1] == "content" and above.start < above.end \
                    and not (len(above.text.strip()) <= 12 and PAGE_NUMBER.fullmatch(above.text)):  # (a page's number: read across it below)
                joined[i] = True
                broken[i] = _carries_on(above.text, lines[i].text)
        width = _wrap_width(lines, broken)
        across = _across_page_numbers(lines, kinds)
        for i, line in enumerate(lines):
            carried = broken[i] or (width is not None and joined[i]
                                    and _fills_and_goes_on(lines[i - 1].text, line.text, width))
            out.append(out[i - 1] if carried else out[across[i]] if i in across else i)
            if not carried and i in across:  # the page's number and blanks between stand inside the paragraph
                out[across[i] + 1:i] = [out[i]] * (i - across[i] - 1)
        doc.memo.paragraph_starts = out
        # the page numbers a paragraph was read across (`inner_page_numbers`)
        doc.memo.inner_pages = [k for i, j in across.items() for k in range(j + 1, i) if lines[k].start < lines[k].end]
    return doc.memo.paragraph_starts


def inner_page_numbers(doc: Doc) -> list[int]:
    r"""The lines of page numbers a PDF copy left inside a paragraph ("… 21,9 tỷ" / "2" / "đồng; …"), which hold
    no figure of it.

    >>> inner_page_numbers(Doc.from_text("p", "Các sản phẩm thuộc 51 chủ thể,\n\n2\n\ngồm 19 hợp tác xã."))
    [2]
    """
    paragraph_starts(doc)
    return doc.memo.inner_pages or []


# a page's number alone on its line, as a PDF copy leaves it between pages: "2", "- 3 -", "Trang 4"
PAGE_NUMBER = regex.compile(r"[ \t]*(?:trang[ \t]+)?[-–]?[ \t]*\d{1,3}[ \t]*[-–]?[ \t]*", regex.I)


def _across_page_numbers(lines: list, kinds: list[str]) -> dict[int, int]:
    """For a content line that carries on the sentence a page broke ("… thuộc 51 chủ thể," / "2" / "gồm 19 hợp
    tác xã …"), the line it carries on from, across the page's number and blank lines."""
    out: dict[int, int] = {}
    last, paged = None, False  # the last line of words, and whether a page's number stood after it
    for i, line in enumerate(lines):
        text = line.text
        if not text.strip():
            continue
        if PAGE_NUMBER.fullmatch(text):
            paged = last is not None
            continue
        if paged and kinds[i] == "content" and kinds[last] == "content" and _carries_on(lines[last].text, text):
            out[i] = last
        last, paged = i, False
    return out
