"""Tables a PDF copy flattens to one line a row, the cells parted by blanks only.

    STT Địa phương Tổng số Trong đó 4-5 sao Công nhận 6 tháng 2024
    1 TP. Sóc Trăng 32 6 3
    2 TX. Vĩnh Châu 21 4 2
    Tổng cộng 53 10 5

A row is its ordinal, its label, then the same number of figures ("-" for none) as every
other row; a total row ("Tổng cộng") has no ordinal. The header opens with the ordinal
column's word ("STT", "TT"); its other columns are told apart by the capital each header
opens with ("Địa phương", "Tổng số", "Trong đó 4-5 sao", "Công nhận 6 tháng 2024"), and must
be as many as the label and the figures of a row. A table by year has no ordinal: its
header opens with the year column's word ("Năm") and each row with its year, in order
("2021 18 2", "2025 (đến 30/4) 27 4"); see `year_grid`. Where they are not, nothing is read (a
wrong figure is worse than a missing one). The grid is read as a "|" table's
(`tables.read_table`).

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("t", __doc__.split("\\n\\n")[1].replace("    ", "") + "\\nNội dung tiếp theo.")
>>> grid = spaced_grid(doc, 0)
>>> [c[2] for c in grid.header], [[c[2] for c in row] for row in grid.rows], grid.end
(['STT', 'Địa phương', 'Tổng số', 'Trong đó 4-5 sao', 'Công nhận 6 tháng 2024'], \
[['1', 'TP. Sóc Trăng', '32', '6', '3'], ['2', 'TX. Vĩnh Châu', '21', '4', '2'], ['', 'Tổng cộng', '53', '10', '5']], 4)
"""

from __future__ import annotations

import regex

from ..document import Doc, Line
from ..lexicon import load_lexicon
from ..phrases import alternation
from .cell_units import unit_of
from .vertical import TOTAL_LABEL, UNIT_HEADER, Cell, Grid

_FIGURE = r"(?:\d[\d.,]*(?:\s*%)?|[-–—])"
# a row: its ordinal, its label (words holding a letter), then its figures, blank-parted, to the end of the line
_ROW = regex.compile(rf"\s*(?:(?P<ord>\d{{1,3}})\.?\s+)?(?P<label>\S.*?\p{{L}}\S*)(?P<figs>(?:\s+{_FIGURE})+)\s*")
_FIGURE_RE = regex.compile(_FIGURE)
# a row whose label wraps: its ordinal and the label's first words, ending on a word; the rest in lower case,
# then its figures
_ROW_OPENS = regex.compile(r"\s*(?P<ord>\d{1,3})\.?\s+(?P<label>\S.*?\p{L}[\p{L})]*)\s*")
_ROW_GOES_ON = regex.compile(rf"\s*(?P<label>\p{{Ll}}.*?\p{{L}}\S*)(?P<figs>(?:\s+{_FIGURE})+)\s*")
# the header opens with the ordinal column's word (lexicon tables.yaml `ordinal`)
_OPENING = regex.compile(rf"\s*(?P<ord>{alternation(load_lexicon('tables')['ordinal'], fold_case=True)})\s+", regex.I)
_YEAR_OPENING = regex.compile(rf"\s*(?P<ord>{alternation(load_lexicon('tables')['year_label'], fold_case=True)})\s+",
                              regex.I)
# a row of a table by year: its year, with how far it runs ("2025 (đến 30/4)"), then its figures
_YEAR_ROW = regex.compile(rf"\s*(?P<label>(?P<y>(?:19|20)\d{{2}})(?:\s*\([^()\n]{{1,30}}\))?)(?P<figs>(?:\s+{_FIGURE})+)\s*")
_CAPITAL_WORD = regex.compile(r"(?<!\S)\p{Lu}\S*")
_OF_PLAN = regex.compile(rf"(?<![\p{{L}}]){alternation(load_lexicon('tables')['headers']['of_plan'], fold_case=True)}(?![\p{{L}}])",
                         regex.I)
_NAMES_HEADER = regex.compile(rf"\s*(?:{alternation(load_lexicon('tables')['name_columns'], fold_case=True)})\s*", regex.I)
_MAX_HEADER = 200  # a longer line is prose, not a header
_MAX_COLUMNS = 12


def spaced_grid(doc: Doc, first: int) -> Grid | None:
    """The table whose header is line `first` and whose rows are the lines under it, or None."""
    lines, head, opening = doc.lines, doc.lines[first], _opening(doc.lines[first], _OPENING)
    if opening is None:
        return None
    rows: list[list[Cell]] = []
    width = None
    numbered = 0
    k = first + 1
    while k < len(lines):
        row, step = _row(lines[k], numbered + 1), 1
        if row is None and k + 1 < len(lines):
            row, step = _wrapped_row(lines[k], lines[k + 1], numbered + 1), 2
        if row is None or (width is not None and len(row) != width):
            break
        width = len(row)
        rows.append(row)
        numbered += 1 if row[0][2] else 0
        k += step
    if numbered < 2 or width is None or width - 2 > _MAX_COLUMNS:
        return None
    header = _header(head, opening, width)
    wide = _header(head, opening, width + 1) if header is None else None
    if wide is not None and UNIT_HEADER.fullmatch(wide[2][2]):
        # a unit column after the label ("ĐVT"), its words run into the label: "Lớp tập huấn Lớp 6 5 83,3"
        split = [_unit_split(row) for row in rows]
        header, rows = (wide, [r for r in split if r]) if all(split) else (None, rows)
    elif wide is not None and _NAMES_HEADER.fullmatch(wide[2][2]):
        # a column of names after the label ("Sản phẩm dự kiến"), its cells run into the label's: one column of both
        header = [wide[0], (wide[1][0], wide[2][1], f"{wide[1][2]} {wide[2][2]}"), *wide[3:]]
    return Grid(header, rows, k) if header is not None and rows else None


def _figures(line: Line, m: regex.Match) -> list[Cell]:
    """The cells of the figures a row's match holds in its group "figs" (blank-parted, "-" for none)."""
    at = line.start + m.start("figs")
    return [(at + f.start(), at + f.start() + len(f.group()), f.group().strip()) for f in _FIGURE_RE.finditer(m["figs"])]


def _opening(head: Line, opening: regex.Pattern) -> regex.Match | None:
    """The header's first column's word (`opening`), when `head` may be a header without bars, else None."""
    return opening.match(head.text) if "|" not in head.text and len(head.text) <= _MAX_HEADER else None


def _wrapped_row(line: Line, after: Line, ordinal: int) -> list[Cell] | None:
    """A row numbered `ordinal` whose label wraps onto the next line, its figures there ("7 Phú Gia Tinh
    bột nghệ; nghệ viên" over "mật ong 1 - 2"), or None."""
    opens, goes_on = _ROW_OPENS.fullmatch(line.text), _ROW_GOES_ON.fullmatch(after.text)
    if opens is None or goes_on is None or opens["ord"].lstrip("0") != str(ordinal):
        return None
    cells = [(line.start + opens.start("ord"), line.start + opens.end("ord"), opens["ord"]),
             (line.start + opens.start("label"), after.start + goes_on.end("label"), f"{opens['label']} {goes_on['label']}")]
    cells += _figures(after, goes_on)
    return cells


def year_grid(doc: Doc, first: int) -> Grid | None:
    """The table by year whose header is line `first` ("Năm Số sản phẩm được công nhận Trong đó: 4 sao"),
    its rows the lines under it that open on a later year each, or a total; None when there are not two.

    >>> doc = Doc.from_text("t", "Năm Số sản phẩm Trong đó: 4 sao\\n2021 18 2\\n2022 (đến 30/6) 37 5\\nCộng 55 7")
    >>> grid = year_grid(doc, 0)
    >>> [c[2] for c in grid.header], [[c[2] for c in row] for row in grid.rows]
    (['Năm', 'Số sản phẩm', 'Trong đó: 4 sao'], [['2021', '18', '2'], ['2022 (đến 30/6)', '37', '5'], ['Cộng', '55', '7']])
    >>> year_grid(Doc.from_text("t", "Năm 2024 Huyện có 18 sản phẩm\\n2021 18 2\\n2022 37 5"), 0) is None
    True
    """
    lines, head, opening = doc.lines, doc.lines[first], _opening(doc.lines[first], _YEAR_OPENING)
    if opening is None:
        return None
    rows: list[list[Cell]] = []
    last_year = 0
    k = first + 1
    while k < len(lines) and (row := _year_row(lines[k], last_year)) is not None \
            and (not rows or len(row) == len(rows[0])):
        rows.append(row)
        last_year = int(row[0][2][:4]) if row[0][2][:1].isdigit() else 9999
        k += 1
    if sum(1 for row in rows if row[0][2][:1].isdigit()) < 2 or len(rows[0]) - 1 > _MAX_COLUMNS:
        return None
    header = _header(head, opening, len(rows[0]))
    return Grid(header, rows, k) if header is not None else None


def _year_row(line: Line, after: int) -> list[Cell] | None:
    """The cells of a row of a table by year, its year later than `after` (or of a total row), or None."""
    m = _YEAR_ROW.fullmatch(line.text)
    if m is None or int(m["y"]) <= after:
        ordinal = _row(line, 1)   # a total row is read as the numbered tables read it
        return ordinal[1:] if ordinal is not None and not ordinal[0][2] else None
    cells = [(line.start + m.start("label"), line.start + m.end("label"), m["label"])]
    cells += _figures(line, m)
    return cells


def _unit_split(row: list[Cell]) -> list[Cell] | None:
    """`row` with the unit its label ends on ("Sản phẩm được công nhận mới Sản phẩm") as a cell of its
    own, or None when the label ends on no unit."""
    start, end, label = row[1]
    words = label.split()
    for n in (3, 2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n and unit_of(tail) is not None:
            cut = label.rindex(words[-n])
            head = label[:cut].rstrip()
            return [row[0], (start, start + len(head), head), (start + cut, end, label[cut:]), *row[2:]]
    return None


def _row(line: Line, ordinal: int) -> list[Cell] | None:
    """The cells of a row numbered `ordinal` (or of a total row), or None."""
    m = _ROW.fullmatch(line.text)
    if m is None:
        return None
    if m["ord"] is not None:
        if m["ord"].lstrip("0") != str(ordinal):
            return None
        ord_cell = (line.start + m.start("ord"), line.start + m.end("ord"), m["ord"])
    elif TOTAL_LABEL.fullmatch(m["label"]):
        ord_cell = (line.start + m.start("label"), line.start + m.start("label"), "")
    else:
        return None
    cells = [ord_cell, (line.start + m.start("label"), line.start + m.end("label"), m["label"])]
    cells += _figures(line, m)
    return cells


def _header(head: Line, opening: regex.Match, width: int) -> list[Cell] | None:
    """The header cells: the ordinal's word, then one cell from each capital on ("Địa phương", "Tổng
    số" …), when they are `width` in all; else None."""
    text = head.text
    # a capital inside a header's fixed phrase opens no column: "Tỷ lệ so với KH (%)"
    inside = [(m.start() + 1, m.end()) for m in _OF_PLAN.finditer(text, opening.end())]
    starts = [m.start() for m in _CAPITAL_WORD.finditer(text, opening.end())
              if not any(a <= m.start() < b for a, b in inside)]
    if len(starts) != width - 1:
        return None
    cells = [(head.start + opening.start("ord"), head.start + opening.end("ord"), opening["ord"])]
    for s, e in zip(starts, [*starts[1:], len(text)]):
        said = text[s:e].strip()
        cells.append((head.start + s, head.start + s + len(said), said))
    return cells
