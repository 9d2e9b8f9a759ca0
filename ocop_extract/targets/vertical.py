"""Tables a PDF copy lays out one cell per line: "STT", the column headers, then the rows.

    STT
    Huyện, thành phố
    Xã NTM nâng cao (xã)
    Xã NTM kiểu mẫu (xã)
    1
    Chợ Lách
    2
    -
    2
    Ba Tri
    3
    1
    Tổng
    5
    1

The lines between "STT" and the first ordinal "1" are the headers and give the
number of columns. Each row then opens with the next ordinal, then its label,
then one line per figure column (a figure, or "-" for none; a unit column, "Đơn vị tính", holds a word); a total row
("Tổng", "Tổng cộng", "Cộng", "Toàn tỉnh") has no ordinal. The first run of
lines that fits no row ends the table; under two numbered rows there is none.
A header cut over two lines ("Số sản phẩm đạt 3" / "sao trở lên", "Kinh phí hỗ trợ" /
"(triệu đồng)") is joined again: the first row, from its ordinal "1" to the "2"
of the next, gives the number of columns, and header lines that go on the one
before (in lower case, or a unit in parentheses) are joined to it until the
header has as many cells. Where that cannot be done, nothing is read (a wrong
figure is worse than a missing one).
The grid it gives is read as a "|" table's (`tables.read_table`).

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("t", __doc__.split("\\n\\n")[1].replace("    ", "") + "\\nTM. ỦY BAN")
>>> grid = vertical_grid(doc, 0)
>>> [c[2] for c in grid.header], [[c[2] for c in row] for row in grid.rows], grid.end
(['STT', 'Huyện, thành phố', 'Xã NTM nâng cao (xã)', 'Xã NTM kiểu mẫu (xã)'], [['1', 'Chợ Lách', '2', '-'], ['2', 'Ba Tri', '3', '1'], ['', 'Tổng', '5', '1']], 15)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Doc, Line
from ..lexicon import load_lexicon
from ..metadata.gazetteer import unit_words
from ..phrases import alternation
from .numbers import DIGITS

Cell = tuple[int, int, str]  # (start, end, stripped text) in normalised-text offsets

_WORDS = load_lexicon("tables")
ORDINAL_HEADER = regex.compile(rf"\s*{alternation(_WORDS['ordinal'], fold_case=True)}\s*", regex.I)
# "Tổng cộng", "Toàn tỉnh": a total row's label (lexicon tables.yaml `totals`, and the unit words of places.yaml)
TOTAL_LABEL = regex.compile(rf"\s*(?:{alternation(_WORDS['totals'], fold_case=True)}"
                            rf"|toàn\s+{alternation(unit_words('province', 'district'), fold_case=True)})\s*:?\s*", regex.I)
UNIT_HEADER = regex.compile(rf"\s*{alternation(_WORDS['headers']['unit'], fold_case=True)}\s*", regex.I)
ORDINAL_CELL = regex.compile(r"\s*(?:\d{1,3}|[IVX]{1,4})\.?\s*")
_FIGURE = regex.compile(rf"\s*(?:(?:{DIGITS})(?:\s*[-–]\s*(?:{DIGITS}))?\s*%?|[-–—])\s*")  # "85", "850 - 900", "-"
_MAX_COLUMNS = 12
_MAX_HEADER = 80  # a longer line is prose, not a column header
_MAX_LABEL = 120
_MAX_LINES = 600  # the lines a table without ordinals is looked for in


@dataclass(frozen=True)
class Grid:
    """A table's header cells and rows of cells, and the index of the line after it."""

    header: list[Cell]
    rows: list[list[Cell]]
    end: int


def _cell(line: Line) -> Cell:
    text = line.text.strip()
    start = line.start + line.text.find(text) if text else line.start
    return start, start + len(text), text


def _is_header(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text) <= _MAX_HEADER and "|" not in text and not _FIGURE.fullmatch(text) \
        and not ORDINAL_CELL.fullmatch(text)


def _is_label(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text) <= _MAX_LABEL and not _FIGURE.fullmatch(text) and not ORDINAL_CELL.fullmatch(text)


def _row(lines: list[Line], i: int, width: int, ordinal: int, words: frozenset[int] = frozenset()) -> list[Cell] | None:
    """The row starting at line i (its ordinal cell empty for a total row), or None. `words`: the
    columns after the label whose cells are words (a unit column, "Sản phẩm", "Triệu đồng")."""
    head = lines[i].text.strip() if i < len(lines) else ""
    if head.rstrip(".").lstrip("0") == str(ordinal):
        cells = [_cell(line) for line in lines[i:i + width]]
    elif TOTAL_LABEL.fullmatch(head):
        cells = [(lines[i].start, lines[i].start, "")] + [_cell(line) for line in lines[i:i + width - 1]]
    else:
        return None
    if len(cells) < width or not _is_label(cells[1][2]) \
            or not all(_is_label(c[2]) if k in words else _FIGURE.fullmatch(c[2]) for k, c in enumerate(cells[2:], 2)):
        return None
    return cells


def _row_width(lines: list[Line], i: int) -> int | None:
    """The number of cells of the first numbered row at line i: the lines from its "1" to the "2" after it."""
    if i >= len(lines) or lines[i].text.strip().rstrip(".").lstrip("0") != "1":
        return None
    for k in range(i + 3, min(len(lines), i + _MAX_COLUMNS + 1)):
        if lines[k].text.strip().rstrip(".").lstrip("0") == "2" and _is_label(lines[k + 1].text if k + 1 < len(lines) else ""):
            return k - i
    return None


def _goes_on(text: str) -> bool:
    """Whether a header line continues the one before it: "sao trở lên", "(triệu đồng)"."""
    text = text.strip()
    return text[:1] == "(" or text[:1].islower()


def _joined(lines: list[Line], width: int | None) -> list[Cell] | None:
    """The header cells of `lines`, those cut over two lines joined again when the rows are `width`
    cells wide; None when they cannot be made that many."""
    cells = [_cell(line) for line in lines]
    if width is None or len(cells) <= width:
        return cells
    out: list[Cell] = []
    for k, cell in enumerate(cells):
        if out and k > 1 and len(out) + (len(cells) - k) > width and _goes_on(cell[2]):
            start, _, text = out.pop()
            cell = (start, cell[1], f"{text} {cell[2]}")
        out.append(cell)
    return out if len(out) == width else None


def vertical_grid(doc: Doc, first: int) -> Grid | None:
    """The table laid out one cell per line from line `first` (its "STT"), or None.

    Blank lines between cells (some PDF copies leave them) are passed over.
    """
    if not ORDINAL_HEADER.fullmatch(doc.lines[first].text):
        return None
    lines = [line for line in doc.lines[first:] if line.text.strip()]
    i = 1
    while i < len(lines) and i <= _MAX_COLUMNS and _is_header(lines[i].text):
        i += 1
    header = _joined(lines[:i], _row_width(lines, i))
    if header is None or len(header) < 3:  # the ordinal, the label and at least one figure column
        return None
    # a unit column after the label ("Đơn vị tính": "Sản phẩm", "Triệu đồng") holds words, not figures
    words = frozenset(k for k, cell in enumerate(header) if k >= 2 and UNIT_HEADER.fullmatch(cell[2]))
    rows: list[list[Cell]] = []
    numbered = 0
    while (row := _row(lines, i, len(header), numbered + 1, words)) is not None:
        rows.append(row)
        numbered += 1 if row[0][2] else 0
        i += len(header) - (0 if row[0][2] else 1)
    return Grid(header, rows, lines[i - 1].index + 1) if numbered >= 2 else None


# the label column's header of a table without ordinals: places ("Địa phương", "Đơn vị", "Huyện"), or
# what each row is ("Chỉ tiêu", "Nội dung")
_LABEL_HEADER = regex.compile(
    rf"\s*(?:{alternation([*_WORDS['headers']['places'], 'chỉ tiêu', 'nội dung', *unit_words('district', 'commune')], fold_case=True)})"
    r"(?:\s*,\s*\p{L}+(?:\s+\p{L}+)?)*\s*", regex.I)


def labelled_grid(doc: Doc, first: int) -> Grid | None:
    """The table laid out one cell per line without an ordinal column, from line `first` (its label
    column's header: "Địa phương", "Đơn vị", "Huyện, thành phố"), or None.

    The header lines run to the first row's label, the line above its first figure; each row is a
    label then one figure per other column; two rows at least.

    >>> doc = Doc.from_text("t", "Địa phương\\nCông nhận quý I\\nLũy kế\\nĐông Hưng\\n3\\n45\\nHưng Hà\\n4\\n52\\nTổng\\n7\\n97\\nHết.")
    >>> grid = labelled_grid(doc, 0)
    >>> [c[2] for c in grid.header], [[c[2] for c in row] for row in grid.rows], grid.end
    (['Địa phương', 'Công nhận quý I', 'Lũy kế'], [['Đông Hưng', '3', '45'], ['Hưng Hà', '4', '52'], ['Tổng', '7', '97']], 12)
    """
    if not _LABEL_HEADER.fullmatch(doc.lines[first].text):
        return None
    lines = [line for line in doc.lines[first:first + _MAX_LINES] if line.text.strip()]
    figure = next((k for k, line in enumerate(lines) if _FIGURE.fullmatch(line.text)), None)
    if figure is None or not 3 <= figure <= _MAX_COLUMNS or not all(_is_header(line.text) for line in lines[:figure]):
        return None
    width = figure - 1  # the header's cells; the line above the first figure is the first row's label
    rows: list[list[Cell]] = []
    i = width
    while i + width <= len(lines) and _is_label(lines[i].text) \
            and all(_FIGURE.fullmatch(line.text) for line in lines[i + 1:i + width]):
        rows.append([_cell(line) for line in lines[i:i + width]])
        i += width
    if len(rows) < 2:
        return None
    return Grid([_cell(line) for line in lines[:width]], rows, lines[i - 1].index + 1)
