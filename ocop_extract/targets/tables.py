"""Tables: targets and results laid out in "|" rows, as portals and reports flatten them.

    STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện 6 tháng | Tỷ lệ so KH (%)
    1 | Sản phẩm OCOP công nhận mới | sản phẩm | 25 | 11 | 44

The header says what each column holds: the unit ("Đơn vị", "ĐVT"), planned
figures ("Kế hoạch 2024", "Chỉ tiêu", "Mục tiêu" → targets, with the header's
year), achieved figures ("Thực hiện", "Ước thực hiện", "Lũy kế" → actuals) and
shares of the plan ("Tỷ lệ so KH (%)" → actual percentages). The row's label is
the metric and may carry a star class ("Trong đó: đạt 4 sao").

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("t", "STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện\\n1 | Sản phẩm OCOP | sản phẩm | 25 | 11")
>>> [(c.value, c.unit, c.status, c.year) for c in read_table(doc, 0, 2, default_year=2024)]
[(25.0, 'product', 'target', 2024), (11.0, 'product', 'actual', None)]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Doc
from .numbers import DIGITS, parse_digits
from .quantities import _SCALE_VALUES, _unit_regex

_NUMBER_CELL = regex.compile(rf"\s*(?P<n>{DIGITS})\s*%?\s*")
_UNIT_HEADER = regex.compile(r"(?<![\p{L}])(?:đơn\s+vị(?:\s+tính)?|đvt)(?![\p{L}])", regex.I)
_ORDINAL_HEADER = regex.compile(r"\s*(?:stt|tt|số\s+tt)\s*", regex.I)
_ACTUAL_HEADER = regex.compile(r"(?<![\p{L}])(?:thực\s+hiện|ước|đã\s+đạt|lũy\s+kế|kết\s+quả|hiện\s+có)(?![\p{L}])", regex.I)
_SHARE_HEADER = regex.compile(r"(?<![\p{L}])(?:tỷ\s+lệ|so\s+(?:với\s+)?(?:kh|kế\s+hoạch))(?![\p{L}])|%", regex.I)
_PLAN_HEADER = regex.compile(r"(?<![\p{L}])(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|kh|dự\s+kiến|giao)(?![\p{L}])", regex.I)
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_STARS = regex.compile(r"(?<!\d)0?([1-5])\s*sao", regex.I)
# a unit cell of money: "đồng", a scale word with or without it ("triệu đồng", "tỷ"); as `quantities` reads prose
_MONEY = {"đồng": 1, **{f"{w} đồng": v for w, v in _SCALE_VALUES.items()}, **_SCALE_VALUES}


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


def _cells(text: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each "|" cell of a line starting at `start`."""
    out, pos = [], 0
    for part in text.split("|"):
        out.append((start + pos, start + pos + len(part), part.strip()))
        pos += len(part) + 1
    return out


def _column_kind(header: str) -> str | None:
    if _ACTUAL_HEADER.search(header):
        return "actual"
    if _SHARE_HEADER.search(header):
        return "share"
    if _PLAN_HEADER.search(header) or _YEAR.search(header):
        return "target"
    return None


def _unit_of(cell: str) -> tuple[str, str, float] | None:
    """(unit, unit_text, scale) of a unit cell ("sản phẩm", "triệu đồng", "%"), or None."""
    text = " ".join(cell.lower().split())
    if text in _MONEY:
        return "VND", cell.strip(), _MONEY[text]
    if text in ("%", "phần trăm"):
        return "%", cell.strip(), 1
    unit_re, surface_to_unit, _ = _unit_regex()
    m = unit_re.fullmatch(text)
    return (surface_to_unit[m.group("unit")], cell.strip(), 1) if m else None


def _mostly_numbers(rows: list[list[str]], column: int) -> bool:
    """Whether most filled cells of `column` hold a figure (else it is the rows' labels)."""
    filled = [r[column] for r in rows if column < len(r) and r[column]]
    return bool(filled) and sum(1 for c in filled if _NUMBER_CELL.fullmatch(c)) * 2 > len(filled)


def read_table(doc: Doc, first: int, last: int, default_year: int | None) -> list[Cell]:
    """The figures of the table on lines first..last-1 (the first line is its header)."""
    lines = doc.lines[first:last]
    header = [c[2] for c in _cells(lines[0].text, lines[0].start)]
    unit_col = next((i for i, h in enumerate(header) if _UNIT_HEADER.search(h)), None)
    rows = [[c[2] for c in _cells(line.text, line.start)] for line in lines[1:]]
    kinds = [None if i == unit_col or _ORDINAL_HEADER.fullmatch(h) or not _mostly_numbers(rows, i)
             else _column_kind(h) for i, h in enumerate(header)]
    years = [int(y.group()) if (y := _YEAR.search(h)) else None for h in header]
    out: list[Cell] = []
    for line in lines[1:]:
        cells = _cells(line.text, line.start)
        if len(cells) != len(header):
            continue
        label = next((c[2] for i, c in enumerate(cells) if kinds[i] is None and i != unit_col
                      and not _NUMBER_CELL.fullmatch(c[2]) and c[2]), "")
        unit = _unit_of(cells[unit_col][2]) if unit_col is not None else None
        stars = int(s.group(1)) if (s := _STARS.search(label)) else None
        for i, (start, end, _) in enumerate(cells):
            kind = kinds[i]
            m = _NUMBER_CELL.fullmatch(doc.text, start, end) if kind else None
            if not m or (unit is None and kind != "share"):
                continue
            if kind == "share":
                unit_i, unit_text, scale, status = "%", "%", 1, "actual"
            else:
                unit_i, unit_text, scale = unit
                status = kind
            year = (years[i] or default_year) if status == "target" else None
            out.append(Cell(m.start("n"), m.end("n"), parse_digits(m.group("n")) * scale, unit_i, unit_text,
                            status, year, stars if unit_i in ("product", "%") else None, label))
    return out


def table_spans(kinds: list[str]) -> list[tuple[int, int]]:
    """(first, last) line indexes of each run of "table" lines."""
    out, i = [], 0
    while i < len(kinds):
        if kinds[i] == "table":
            j = i
            while j < len(kinds) and kinds[j] == "table":
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out
