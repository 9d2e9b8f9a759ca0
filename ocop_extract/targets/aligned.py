"""Tables a PDF copy lays out in columns aligned by runs of blanks, one row a line.

    TT   Xã, thị trấn     Sản phẩm dự kiến                      Số lượng    Hạng phấn đấu
    1    Cát Khánh        Nước mắm Đề Gi; mực một nắng          02          3-4 sao
    2    Cát Minh         Cá cơm sấy                            01          3 sao
         Tổng cộng                                              03

The header opens with the ordinal column's word ("TT", "STT") and parts its columns by two
blanks or more (a tab too); each row's cells fall under the column whose header starts
nearest before them, so a column of names or of classes after the figures, and a total row
without its ordinal, are read where `spaced` (which reads a row as a label, then figures to
the end of its line) cannot place them. Rows are numbered in order; two at least. The grid is
read as a "|" table's (`tables.read_table`).

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("t", "\\n".join(line[4:] for line in __doc__.split("\\n\\n")[1].split("\\n")))
>>> grid = aligned_grid(doc, 0)
>>> [c[2] for c in grid.header], [[c[2] for c in row] for row in grid.rows], grid.end
(['TT', 'Xã, thị trấn', 'Sản phẩm dự kiến', 'Số lượng', 'Hạng phấn đấu'], \
[['1', 'Cát Khánh', 'Nước mắm Đề Gi; mực một nắng', '02', '3-4 sao'], ['2', 'Cát Minh', 'Cá cơm sấy', '01', '3 sao'], \
['', 'Tổng cộng', '', '03', '']], 4)
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from ..document import Doc, Line
from .vertical import ORDINAL_CELL, ORDINAL_HEADER, TOTAL_LABEL, Cell, Grid

# a cell: words parted by single blanks; cells are parted by two blanks or more, or a tab
_CELL = regex.compile(r"[^ \t](?:[^ \t]| (?! ))*")
_GAP = regex.compile(r" {2,}|\t")
_OPENING = regex.compile(r"\s*\S{1,6}(?: \S{1,3})?(?: {2,}|\t)")  # the ordinal column's header, then a gap: "TT   ", "Số TT\t"
_SLACK = 2  # how far before its column's header a cell may start (a figure right-aligned, a wider label)
_MAX_HEADER = 200
_MAX_COLUMNS = 12


def aligned_grid(doc: Doc, first: int) -> Grid | None:
    """The table whose header is line `first`, its columns aligned by blanks, or None."""
    head = doc.lines[first]
    lead = head.text.lstrip()[:1]  # (fast tests first: most lines open on no ordinal column's header, "TT", "STT", "Số TT")
    if lead not in ("T", "S", "t", "s") or "|" in head.text or len(head.text) > _MAX_HEADER or not _OPENING.match(head.text):
        return None
    header = _cells(head)
    if not 3 <= len(header) <= _MAX_COLUMNS or not ORDINAL_HEADER.fullmatch(header[0][2]):
        return None
    starts = [c[0] - head.start for c in header]
    rows: list[list[Cell]] = []
    numbered = 0
    k = first + 1
    while k < len(doc.lines):
        row = _placed(doc.lines[k], starts)
        if row is None or not _in_order(row, numbered + 1):
            break
        rows.append(row)
        numbered += 1 if row[0][2] else 0
        k += 1
    return Grid(header, rows, k) if numbered >= 2 else None


def _cells(line: Line) -> list[Cell]:
    return [(line.start + m.start(), line.start + m.end(), m.group()) for m in _CELL.finditer(line.text)]


def _placed(line: Line, starts: list[int]) -> list[Cell] | None:
    """The cells of `line` under the columns starting at `starts` (an empty cell where none falls), or None
    when a column would take two cells or a line holds no run of blanks between cells."""
    found = _cells(line)
    if len(found) < 2 or not _GAP.search(line.text.strip()):
        return None
    row: list[Cell | None] = [None] * len(starts)
    for start, end, text in found:
        column = bisect_right(starts, start - line.start + _SLACK) - 1
        if column < 0 or row[column] is not None:
            return None
        row[column] = (start, end, text)
    return [c if c is not None else (line.start, line.start, "") for c in row]


def _in_order(row: list[Cell], ordinal: int) -> bool:
    """Whether `row` is the row numbered `ordinal`, or a total row (its label's cell a total's word, no ordinal)."""
    number = row[0][2]
    if number:
        return bool(ORDINAL_CELL.fullmatch(number)) and number.rstrip(".").lstrip("0") == str(ordinal)
    return any(TOTAL_LABEL.fullmatch(c[2]) for c in row[1:2])
