"""Tables: targets and results laid out in "|" rows, as portals and reports flatten them.

    STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện 6 tháng | Tỷ lệ so KH (%)
    1 | Sản phẩm OCOP công nhận mới | sản phẩm | 25 | 11 | 44

The header says what each column holds: the unit ("Đơn vị", "ĐVT", when its
cells are units), planned figures ("Kế hoạch 2024", "Chỉ tiêu", "Mục tiêu" →
targets, with the header's year), achieved figures ("Thực hiện", "Ước thực
hiện", "Lũy kế" → actuals) and shares of the plan ("Tỷ lệ so KH (%)" → actual
percentages). The row's label is the metric and may carry a star class
("Trong đó: đạt 4 sao").

An annex often gives one figure per place instead, the unit in each column's
header and the places in the label column ("Đơn vị", "Huyện, thành phố"):

    STT | Đơn vị | Số sản phẩm mới (sản phẩm) | Kinh phí hỗ trợ (triệu đồng)
    2 | Huyện Tam Đường | 6 | 480
    Tổng cộng | | 30 | 2.400

A header's parenthesised unit gives its column's unit and scale; a column whose
header says neither plan nor result takes the status and year of the table's
context (`TableContext`: the heading above it, the document's plan years); a
row's place is its scope, a total row ("Tổng cộng", "Toàn tỉnh") keeps the
document's. Tables a PDF copy lays out one cell per line are read the same way
(`vertical`), and so are those it flattens to one row a line without bars, in columns aligned by
blanks (`aligned`) or not (`spaced`).
The words of headers and total rows are data: `lexicon/tables.yaml`.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("t", "STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện\\n1 | Sản phẩm OCOP | sản phẩm | 25 | 11")
>>> [(c.value, c.unit, c.status, c.year) for c in read_table(doc, 0, 2, default_year=2024)]
[(25.0, 'product', 'target', 2024), (11.0, 'product', 'actual', None)]
>>> doc = Doc.from_text("t", "STT | Đơn vị | Số sản phẩm mới (sản phẩm)\\n1 | Huyện Sìn Hồ | 3\\n2 | Huyện Than Uyên | 5")
>>> [(c.value, c.unit, c.status, c.year, c.scope) for c in read_table(doc, 0, 3, 2024, TableContext("target", 2024))]
[(3.0, 'product', 'target', 2024, 'Sìn Hồ'), (5.0, 'product', 'target', 2024, 'Than Uyên')]
"""

from __future__ import annotations

from dataclasses import dataclass
from math import isfinite

import regex

from ..document import Doc
from ..lexicon import load_lexicon
from ..metadata.gazetteer import unit_words
from ..phrases import alternation
from .captions import AS_OF_DAY, STAR_CLASS, caption_status, caption_unit, stated_unit
from .cell_units import unit_of
from .header_units import HEADER_UNIT, HEADERS, NOT_COUNTED, bare_measure, header_unit, label_unit, opening_noun
from .numbers import DIGITS, parse_digits
from .scope import subject_place
from .aligned import aligned_grid
from .spaced import spaced_grid, year_grid
from .vertical import ORDINAL_CELL, ORDINAL_HEADER, TOTAL_LABEL, Cell as GridCell, Grid, labelled_grid, vertical_grid

# a figure, or a range of two ("850 - 900": the plan's least and most)
_NUMBER_CELL = regex.compile(rf"\s*(?P<n>{DIGITS})(?:\s*[-–]\s*(?P<n2>{DIGITS}))?\s*%?\s*")
# a cell that is only a class ("3-4 sao", "Hạng 3 sao", "4 sao trở lên"), not a note naming one ("Có 01 SP 4 sao")
_CLASS_CELL = regex.compile(r"\s*(?:hạng\s+)?[1-5]\s*(?:[-–]\s*[1-5]\s*)?sao(?:\s+trở\s+lên)?\s*", regex.I)
_NONE_CELL = regex.compile(r"\s*[-–—]?\s*")



def _header_words(*keys: str, extra: tuple[str, ...] = ()) -> regex.Pattern:
    """The words of the lexicon's `headers` lists `keys` (and `extra` words), between non-letters."""
    words = alternation([*(w for key in keys for w in HEADERS[key]), *extra], fold_case=True)
    return regex.compile(rf"(?<![\p{{L}}]){words}(?![\p{{L}}])", regex.I)


_UNIT_HEADER = _header_words("unit")
_ACTUAL_HEADER = _header_words("actual")
_SHARE_HEADER = regex.compile(_header_words("share", "of_plan").pattern + "|%", regex.I)
_SHARE_OF_PLAN = _header_words("of_plan")
_PLAN_HEADER = _header_words("plan")
# a header opening on "Đã", "Đang", "Chưa": what is done, under way or not yet done to what the column before counts
_DONE = regex.compile(r"\s*(?:đã|đang|chưa)(?![\p{L}])", regex.I)
# … or over a part of the year gone by: "Công nhận 9 tháng (SP)", "Quý I"
_ELAPSED = regex.compile(r"(?<![\p{L}\d])(?:\d{1,2}|sáu|chín)\s+tháng(?![\p{L}])|(?<![\p{L}])quý\s+(?:I{1,3}|IV|[1-4])(?![\p{L}\d])", regex.I)
_PLACE_HEADER = _header_words("places", extra=unit_words())
_BARE_PLACE = regex.compile(r"\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,3}")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class Cell:
    """One figure of a table, in normalised-text offsets."""

    start: int
    end: int
    value: float
    unit: str
    unit_text: str
    status: str
    year: int | None
    stars: int | None
    metric: str
    scope: str | None = None  # the row's place, when the label column holds places
    why: str = ""
    value_max: float | None = None  # the top of a range cell ("850 - 900")


@dataclass(frozen=True)
class TableContext:
    """What a table's surroundings say of a column whose header says neither plan nor result."""

    status: str = "target"
    year: int | None = None
    province: str | None = None
    unit: tuple[str, str, float] | None = None  # what the caption says the table counts ("Sản phẩm OCOP …")
    now: int | None = None  # the text's own year: a column of a year before it holds results


def table_context(heading: tuple[int | None, str | None] | None, official: bool, plan_year: int | None,
                  province: str | None, caption: list[str] = (), now: int | None = None) -> TableContext:
    """The context of a table under `heading` (its year and status, from the heading above it) and
    `caption` (its title lines, whose words say more than a heading's).

    Without a heading's status, an official text's table is the plan's and a news page's what is.

    >>> table_context((None, None), True, 2025, "Lào Cai"), table_context((2023, "actual"), True, 2025, None).year
    (TableContext(status='target', year=2025, province='Lào Cai', unit=None, now=None), 2023)
    >>> table_context((None, "target"), True, 2024, None, ["(Kèm theo Báo cáo số 298/BC-UBND)"]).status
    'actual'
    """
    year, status = heading or (None, None)
    status = (caption_status(list(caption)) if caption else None) or status or ("target" if official else "actual")
    return TableContext(status, year or (plan_year if status == "target" else None), province,
                        (caption_unit(list(caption)) or stated_unit(caption)) if caption else None, now)


def _cells(text: str, start: int) -> list[GridCell]:
    """(start, end, text) of each "|" cell of a line starting at `start` (Markdown's outer bars bound no cell).

    >>> [c[2] for c in _cells("| 1 | Xã Đại Hiệp | 2 |", 0)], [c[2] for c in _cells("1 | Xã Đại Hiệp | 2", 0)]
    (['1', 'Xã Đại Hiệp', '2'], ['1', 'Xã Đại Hiệp', '2'])
    """
    out, pos = [], 0
    for part in text.split("|"):
        out.append((start + pos, start + pos + len(part), part.strip()))
        pos += len(part) + 1
    stripped = text.strip()
    if len(out) > 2 and stripped.startswith("|") and stripped.endswith("|"):
        out = out[1:-1]
    return out


def _column_kind(header: str, header_unit: bool, unit_column: bool) -> str | None:
    """What a figure column holds: actual, share (of the plan), target, context (neither said), or None.

    A header's "(%)" makes a share only when it says "so (với) kế hoạch"; a column
    that says neither plan nor result needs a unit, in its header or a unit column.
    """
    if _ACTUAL_HEADER.search(header) or ((_DONE.match(header) or AS_OF_DAY.search(header) or _ELAPSED.search(header))
                                         and not _PLAN_HEADER.search(header)):
        return "actual"  # "Thực hiện 6 tháng"; "Đã công nhận đến 31/8/2024", "Công nhận 9 tháng": what is done
    if _SHARE_HEADER.search(header) and not (header_unit and not _SHARE_OF_PLAN.search(header)):
        return "share"
    if _PLAN_HEADER.search(header) or _YEAR.search(header):
        return "target"
    return "context" if header_unit or unit_column else None


# a header that totals the columns beside it: "Tổng số", "Tổng", "Cộng"; or over time: "Lũy kế (đến 31/12/2023)"
_TOTAL_HEADER = regex.compile(rf"\s*(?:{alternation(load_lexicon('tables')['totals'], fold_case=True)}"
                              rf"|{alternation(HEADERS['cumulative'], fold_case=True)}(?:\s+(?:đến|tới)\s+.{{1,30}})?)\s*", regex.I)


def _filled(rows: list[list[str]], column: int) -> list[str]:
    return [r[column] for r in rows if column < len(r) and not _NONE_CELL.fullmatch(r[column])]


def _mostly_numbers(rows: list[list[str]], column: int) -> bool:
    """Whether most filled cells of `column` hold a figure (else it is the rows' labels)."""
    filled = _filled(rows, column)
    return bool(filled) and sum(1 for c in filled if _NUMBER_CELL.fullmatch(c)) * 2 > len(filled)


def _all_years(rows: list[list[str]], column: int) -> bool:
    """Whether the figures of `column` are all years ("2021", "9 tháng 2025"; a total row's "Cộng" aside):
    the rows' labels."""
    years = [c for c in _filled(rows, column) if _row_year(c)]
    return len(years) >= 2 and all(_row_year(c) or not _NUMBER_CELL.fullmatch(c) for c in _filled(rows, column))


def _mostly_units(rows: list[list[str]], column: int) -> bool:
    """Whether most filled cells of `column` are units (else "Đơn vị" names places or bodies)."""
    filled = _filled(rows, column)
    return bool(filled) and sum(1 for c in filled if unit_of(c)) * 2 > len(filled)


def _place(label: str, header: str, province: str | None) -> str | None:
    """The place a row's label names ("Huyện Tam Đường" → "Tam Đường"); None for a total row.

    A name without its level ("Châu Thành") is a place only under a header that
    names the level ("Huyện, thành phố"), not under "Đơn vị", which may list bodies.
    """
    if TOTAL_LABEL.fullmatch(label):
        return None
    bare = _BARE_PLACE.fullmatch(label) and not _UNIT_HEADER.fullmatch(header.strip())
    return subject_place(label, province) or (label if bare else None)


# Markdown's row under the header: "|---|:---:|"
_RULE_ROW = regex.compile(r"[\s|:\-–—]*")


def _bar_grid(doc: Doc, first: int, last: int) -> Grid:
    lines = doc.lines[first:last]
    rows = [_cells(line.text, line.start) for line in lines[1:] if not _RULE_ROW.fullmatch(line.text)]
    return Grid(_cells(lines[0].text, lines[0].start), rows, last)


def read_table(doc: Doc, first: int, last: int, default_year: int | None,
               context: TableContext = TableContext()) -> list[Cell]:
    """The figures of the table on lines first..last-1 (the first line is its header)."""
    grid = _bar_grid(doc, first, last) if "|" in doc.lines[first].text else (
        vertical_grid(doc, first) or labelled_grid(doc, first) or aligned_grid(doc, first) or spaced_grid(doc, first)
        or year_grid(doc, first))
    return _read_grid(doc, grid, default_year, context) if grid else []


def _column_units(header: list[str]) -> list[tuple[str, str, float] | None]:
    """The unit each column's header gives, shared out to the columns that count what others count.

    >>> [u and u[0] for u in _column_units(["3 sao (sản phẩm)", "4 sao (sản phẩm)", "Tổng số", "Điểm"])]
    ['product', 'product', 'product', None]
    >>> [u and u[0] for u in _column_units(["Công nhận quý I (sản phẩm)", "Lũy kế (sản phẩm)", "Ấp NTM kiểu mẫu tăng thêm"])]
    ['product', 'product', None]
    """
    units = [header_unit(h) for h in header]
    # a total column ("Tổng số") counts what the columns it totals count, when they all count one thing
    # … and so does a column that names no unit beside two or more that count one thing ("Công nhận năm
    # 2023" beside "3 sao", "4 sao"), unless it scores ("Điểm")
    counted = [u for u in units if u is not None]
    if counted and all(u == counted[0] for u in counted):
        units = [counted[0] if u is None and _TOTAL_HEADER.fullmatch(h) else u for u, h in zip(units, header)]
        if sum(1 for u in units if u is not None) >= 2:
            # (not a column that opens on a noun of its own: "Ấp NTM kiểu mẫu tăng thêm" beside product columns)
            units = [counted[0] if u is None and not NOT_COUNTED.match(h) and opening_noun(h) is None else u
                     for u, h in zip(units, header)]
    return units


def _lent_units(header: list[str], units: list, opening: list, no_unit_column: bool) -> list:
    """`units`, with the unit a column that names none takes from the column beside it.

    >>> [u and u[0] for u in _lent_units(["Chỉ tiêu năm 2025", "Đã công nhận đợt 1"], [None, ("product", "sản phẩm", 1)],
    ...                                   [None, None], True)]
    ['product', 'product']
    """
    units = list(units)
    # "Sản phẩm hết hạn | Đã đánh giá lại | Đang hoàn thiện hồ sơ": what was done to what the column before counts
    for i, h in enumerate(header):
        if units[i] is None and i and _DONE.match(h) and not opening[i] \
                and (units[i - 1] or opening[i - 1] or ("",))[0] != "%":
            units[i] = units[i - 1] or opening[i - 1]
    # "Chỉ tiêu năm 2025 | Đã công nhận đợt 1", "SP còn hiệu lực | Trong đó: … | Chỉ tiêu năm 2024": a column
    # of the plan or of the result that names no noun counts what the column beside it counts (after, else before)
    for i, h in enumerate(header if no_unit_column else ()):
        if units[i] is None and not opening[i] and bare_measure(h):
            beside = [u for j in (i + 1, i - 1) if 0 <= j < len(header) and (u := units[j] or opening[j])]
            units[i] = beside[0] if beside and beside[0][0] != "%" else None
    return units


def _read_grid(doc: Doc, grid: Grid, default_year: int | None, context: TableContext) -> list[Cell]:
    header = [c[2] for c in grid.header]
    rows = [[c[2] for c in row] for row in grid.rows]
    opening = [opening_noun(h) for h in header]
    # the caption's noun counts a column that names none, not one that scores ("Điểm")
    captioned = [None if NOT_COUNTED.match(h) else context.unit for h in header]
    unit_col = next((i for i, h in enumerate(header) if _UNIT_HEADER.search(h) and _mostly_units(rows, i)), None)
    units = _lent_units(header, _column_units(header), opening, unit_col is None)
    kinds = [None if i == unit_col or ORDINAL_HEADER.fullmatch(h) or not _mostly_numbers(rows, i) or _all_years(rows, i)
             else _column_kind(h, (units[i] or opening[i] or captioned[i]) is not None, unit_col is not None)
             for i, h in enumerate(header)]
    label_col = next((i for i, h in enumerate(header) if kinds[i] is None and i != unit_col
                      and not ORDINAL_HEADER.fullmatch(h)), None)
    places = label_col is not None and bool(_PLACE_HEADER.search(header[label_col]))
    years = [_header_year(h, context.now) for h in header]
    kinds = _dated_kinds(kinds, years, header, context)
    table_year = _results_year(kinds, years)
    out: list[Cell] = []
    for cells in grid.rows:
        if len(cells) != len(header):
            continue
        label = next((c[2] for i, c in enumerate(cells) if kinds[i] is None and i != unit_col
                      and not _NUMBER_CELL.fullmatch(c[2]) and not ORDINAL_CELL.fullmatch(c[2]) and c[2]), "")
        # a unit column's, else the one a row's label gives ("Kinh phí (triệu đồng) | 8.500 | 14.200")
        row_unit = unit_of(cells[unit_col][2]) if unit_col is not None else label_unit(label)
        scope = _place(label, header[label_col], context.province) if places else None
        # rows of years ("Năm | Tổng số | 3 sao" / "2022 | 24 | 22"): each row's year is its own
        row_year = _row_year(cells[label_col][2]) if label_col is not None else None
        class_cells = [c[2] for j, c in enumerate(cells) if kinds[j] is None and _CLASS_CELL.fullmatch(c[2])]
        for i, (start, end, _) in enumerate(cells):
            kind = kinds[i]
            m = _NUMBER_CELL.fullmatch(doc.text, start, end) if kind else None
            unit = units[i] or row_unit or opening[i] or captioned[i]
            if not m or (unit is None and kind != "share"):
                continue
            if kind == "share":
                (unit_i, unit_text, scale), status = ("%", "%", 1), "actual"
            else:
                (unit_i, unit_text, scale), status = unit, context.status if kind == "context" else kind
            # (a plan's column beside results, "Kế hoạch | Thực hiện" under a heading of results, is of their year)
            measured = kind == "target" and "actual" in kinds and context.status == "actual"
            year = row_year or _year(kind, status, years[i] or (table_year if kind == "actual" else None) or (
                (context.year or context.now) if measured else None), default_year, context)
            # (a class said in the label, the header, or a column of classes: "Hạng phấn đấu | 3-4 sao")
            stars = next((int(s.group(1)) for t in (label, header[i], *class_cells) if (s := STAR_CLASS.search(t))), None)
            # a row of a place, or the total of the places, or of a year ("2021 | 18 | 2"): the column says what is counted
            metric = HEADER_UNIT.sub("", header[i]).strip() if scope or places or not label else label
            value = parse_digits(m.group("n")) * scale
            if not isfinite(value):
                continue  # hundreds of digits make no figure (and no JSON number)
            top = parse_digits(m.group("n2")) * scale if m.group("n2") else None
            if top is not None and not (isfinite(top) and top > value):
                continue  # "2021 - 2020", "5-3": no range
            out.append(Cell(m.start("n"), m.end("n2" if top is not None else "n"), value, unit_i, unit_text,
                            status, year, stars if unit_i in ("product", "%") else None, metric, scope,
                            _why(kind, status, units[i] is not None), top))
    return out


def _dated_kinds(kinds: list[str | None], years: list[int | None], header: list[str],
                 context: TableContext) -> list[str | None]:
    """The kinds of columns named by a year alone, read against the table's context and the text's year.

    >>> _dated_kinds(["target", "target"], [2024, 2025], ["Năm 2024", "Năm 2025 (KH)"], TableContext(now=2025))
    ['actual', 'target']
    """
    def dated(i: int, k: str | None) -> str | None:
        if k != "target" or not years[i] or _PLAN_HEADER.search(header[i]):
            return k
        if context.status == "actual":
            return "context"  # "Công nhận năm 2023" among results: the year a result was reached
        if context.now is not None and years[i] < context.now:
            return "actual"  # "Năm 2021 | … | Năm 2025 (KH)" in a report of 2025: a year gone by holds results
        return k

    return [dated(i, k) for i, k in enumerate(kinds)]


def _results_year(kinds: list[str | None], years: list[int | None]) -> int | None:
    """The one year a table's result columns name ("Công nhận năm 2023 | Lũy kế" → 2023), which a result
    column without a year of its own takes, or None.

    >>> _results_year(["actual", "actual"], [2023, None]), _results_year(["target", "actual"], [2025, None])
    (2023, None)
    """
    said = {years[i] for i, k in enumerate(kinds) if k in ("actual", "context") and years[i]}
    return next(iter(said)) if len(said) == 1 else None


_ROW_YEAR = regex.compile(r"\s*(?:năm\s+|(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?\s+)?(?P<y>(?:19|20)\d{2})\s*(?:\([^()]*\)\s*)?", regex.I)


def _row_year(label: str) -> int | None:
    """The year a row's label is ("2022", "Năm 2023", "9 tháng 2025"), else None.

    >>> _row_year("2022"), _row_year("9 tháng 2025"), _row_year("Huyện Tam Đường")
    (2022, 2025, None)
    """
    m = _ROW_YEAR.fullmatch(label)
    return int(m.group("y")) if m else None


_PERIOD = regex.compile(r"(?<!\d)(?:19|20)\d{2}\s*(?:-|–|đến)\s*(?P<end>(?:19|20)\d{2})(?!\d)")


def _header_year(header: str, now: int | None) -> int | None:
    """The year a column's header names: a period's last ("giai đoạn 2021-2025"), as far as the text's own
    year reaches, else the first year it says.

    >>> _header_year("Số SP công nhận giai đoạn 2021-2025", 2025), _header_year("Lũy kế 2021 - 2025", 2023)
    (2025, 2023)
    >>> _header_year("Năm 2024", 2025), _header_year("Địa phương", 2025)
    (2024, None)
    """
    period = _PERIOD.search(header)
    if period is not None:
        end = int(period.group("end"))
        return min(end, now) if now else end
    first = _YEAR.search(header)
    return int(first.group()) if first else None


def _year(kind: str, status: str, stated: int | None, default_year: int | None, context: TableContext) -> int | None:
    """A target's year: its header's, else the plan's; an actual's: its header's, else none, unless the context's column."""
    if kind == "context":
        return stated or context.year
    return (stated or default_year) if status == "target" else stated


def _why(kind: str, status: str, header_unit: bool) -> str:
    said = "the table's context" if kind == "context" else "its column header"
    unit = "the column header" if header_unit else "the row's unit cell"
    return f"table cell: {status} ({said}), unit from {unit}"
