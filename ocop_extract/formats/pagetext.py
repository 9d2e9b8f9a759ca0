"""Undoing a page layout: positioned lines of PDF or OCR pages back into the lines of a text.

Lines wrapped at the right margin are joined to the next ("ngày" / "15 tháng 3
năm 2023" becomes one line), page numbers and running headers and footers
(the same line at the top or bottom of most pages) are dropped, a wide gap
between lines becomes a blank line, and a row of cells keeps its cells
apart as "a | b | c", the way the text files write tables.

>>> page = [PageLine("Năm 2024, tỉnh phấn đấu có thêm ít nhất", 72, 520, 100, 112),
...         PageLine("30 sản phẩm OCOP được công nhận.", 72, 300, 114, 126),
...         PageLine("2", 290, 296, 800, 812)]
>>> lines_to_text([page])
'Năm 2024, tỉnh phấn đấu có thêm ít nhất 30 sản phẩm OCOP được công nhận.'
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple, Sequence

_PAGE_NUMBER = re.compile(r"^[\s\-–—.(\[]*(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[\s\-–—.)\]]*$",
                          re.I)
_NEW_ITEM = re.compile(r"^(?:[-–+•*]\s|[IVX]+\.\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][.)]\s)")
_DIGITS = re.compile(r"\d+")
_RANGE_GOES_ON = re.compile(r"^[-–]\s*\d")


class PageLine(NamedTuple):
    """One line of a page as it is drawn: its text and its box (top and bottom grow downwards)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    cells: tuple = ()  # the cells (text, left, right, top, bottom) of a table row, when the line has two or more


def lines_to_text(pages: Sequence[Sequence[PageLine]]) -> str:
    """The text of the pages, with the layout undone (see the module's docstring)."""
    furniture = _running_lines(pages)
    right = max((line.right for page in pages for line in page), default=0.0)
    out: list[str] = []
    last: PageLine | None = None  # the last line of the page before, to join a paragraph across the break
    for page in pages:
        body = merge_table_rows([line for i, line in enumerate(page) if not _is_furniture(line, i, page, furniture)])
        if not body:
            continue
        lines = _page_lines(body, right)
        if last is not None and out and _wraps(last, body[0], right):
            out[-1] = f"{out[-1]} {lines.pop(0)}"
        elif out:
            out.append("")
        out.extend(lines)
        last = body[-1]
    while out and not out[-1]:
        out.pop()
    return "\n".join(_squeeze_blank(out))


def _page_lines(lines: Sequence[PageLine], right: float) -> list[str]:
    """One page's lines joined where they were wrapped (reaching `right`); a blank line where the gap is wide.

    Distances are from one line's middle to the next; the usual one is the lower third of those
    between lines of running text.
    """
    if not lines:
        return []
    height = sorted(line.bottom - line.top for line in lines)[len(lines) // 2] or 1.0
    steps = sorted(_middle(b) - _middle(a) for a, b in zip(lines, lines[1:])
                   if _middle(b) > _middle(a) and not a.cells and not b.cells)
    pitch = steps[len(steps) // 3] if steps else 1.5 * height
    out = [lines[0].text]
    for previous, line in zip(lines, lines[1:]):
        step = _middle(line) - _middle(previous)
        if 0 < step < 1.25 * pitch and _wraps(previous, line, right, height):
            out[-1] = f"{out[-1]} {line.text}"
            continue
        if step > 1.6 * pitch and not (previous.cells and line.cells):
            out.append("")
        out.append(line.text)
    return out


def _wraps(previous: PageLine, line: PageLine, right: float, height: float | None = None) -> bool:
    """Whether `line` goes on with `previous`: that one reached the right margin, and `line` opens no new item.

    A line "- 35 sản phẩm" after one ending in a number goes on a range ("30 - 35").
    """
    height = height or previous.bottom - previous.top
    if previous.right < right - 2.5 * height or previous.cells or line.cells:
        return False
    if _NEW_ITEM.match(line.text):
        return bool(_RANGE_GOES_ON.match(line.text)) and previous.text[-1:].isdigit()
    return True


def _middle(line: PageLine) -> float:
    return (line.top + line.bottom) / 2


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def _running_lines(pages: Sequence[Sequence[PageLine]]) -> set[str]:
    """Lines (digits aside) that open or close every page of two, or at least half of three or more."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line.text) for line in list(page[:2]) + list(page[-2:])})
    return {key for key, n in seen.items() if n >= max(2, len(pages) / 2)}


def _is_furniture(line: PageLine, index: int, page: Sequence[PageLine], running: set[str]) -> bool:
    edge = index < 2 or index >= len(page) - 2
    return edge and (bool(_PAGE_NUMBER.match(line.text)) or _key(line.text) in running)


def _squeeze_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


Piece = tuple  # (text, left, right, top, bottom) of a run of text on a page, y growing downwards


def group_pieces(pieces: Sequence[Piece]) -> list[PageLine]:
    """Pieces whose vertical middles fall within each other make one line; apart by a wide gap, they are cells.

    >>> [line.text for line in group_pieces([("Chỉ tiêu", 90, 140, 10, 20), ("STT", 50, 70, 11, 21),
    ...                                      ("Năm", 50, 70, 30, 40), ("2024", 72, 95, 30, 40)])]
    ['STT | Chỉ tiêu', 'Năm 2024']
    """
    rows: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p[3] + p[4]) / 2):
        middle = (piece[3] + piece[4]) / 2
        if rows and rows[-1][0][3] <= middle <= rows[-1][0][4]:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [_line(sorted(row, key=lambda p: p[1])) for row in rows]


def _line(row: list[Piece]) -> PageLine:
    gap = 0.5 * max(p[4] - p[3] for p in row)
    cells = [list(row[0])]
    for text, left, right, top, bottom in row[1:]:
        if left - cells[-1][2] > gap:
            cells.append([text, left, right, top, bottom])
        else:
            cell = cells[-1]
            cell[0] = f"{cell[0]} {text}"
            cell[2], cell[3], cell[4] = right, min(cell[3], top), max(cell[4], bottom)
    cells = [tuple(c) for c in cells]
    return PageLine(" | ".join(c[0] for c in cells), row[0][1], max(p[2] for p in row),
                    min(p[3] for p in row), max(p[4] for p in row), tuple(cells) if len(cells) > 1 else ())


def merge_table_rows(lines: list[PageLine]) -> list[PageLine]:
    """Table rows whose cells wrapped onto several lines, put back together as one line each.

    A table is a run of lines with cells, and of one-piece lines that start
    at one of its columns (but the first): the wrapped parts of cells. Each
    part joins the row whose first-column cell is nearest to it.
    """
    out: list[PageLine] = []
    i = 0
    while i < len(lines):
        if len(lines[i].cells) < 3:
            out.append(lines[i])
            i += 1
            continue
        columns = [c[1] for c in lines[i].cells]
        start = len(out)
        while start > 0 and _is_fragment(out[start - 1], columns):
            start -= 1
        region = out[start:] + [lines[i]]
        del out[start:]
        i += 1
        while i < len(lines) and (len(lines[i].cells) >= 2 or _is_fragment(lines[i], columns)):
            region.append(lines[i])
            i += 1
        out.extend(_regroup(region))
    return out


def _is_fragment(line: PageLine, columns: list[float]) -> bool:
    return not line.cells and any(abs(line.left - c) < 4 for c in columns[1:])


def _regroup(region: list[PageLine]) -> list[PageLine]:
    widest = max(region, key=lambda line: len(line.cells))
    columns = [c[1] for c in widest.cells]
    pieces = [c for line in region for c in (line.cells or ((line.text, line.left, line.right, line.top, line.bottom),))]
    column = lambda p: min(range(len(columns)), key=lambda k: abs(columns[k] - p[1]))  # noqa: E731
    anchors = sorted((p for p in pieces if column(p) == 0), key=lambda p: p[3] + p[4])
    if not anchors:
        return region
    rows: list[dict[int, list[Piece]]] = [{} for _ in anchors]
    for p in pieces:
        middle = p[3] + p[4]
        k = min(range(len(anchors)), key=lambda a: (abs(anchors[a][3] + anchors[a][4] - middle), a))
        rows[k].setdefault(column(p), []).append(p)
    out = []
    for anchor, row in zip(anchors, rows):
        cells = [(" ".join(p[0] for p in sorted(row[k], key=lambda p: p[3])), columns[k], 0.0, 0.0, 0.0)
                 for k in sorted(row)]
        every = [p for k in row for p in row[k]]
        out.append(PageLine(" | ".join(c[0] for c in cells), min(p[1] for p in every), max(p[2] for p in every),
                            min(p[3] for p in every), max(p[4] for p in every), tuple(cells)))
    return out
