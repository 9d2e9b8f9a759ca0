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


class PageLine(NamedTuple):
    """One line of a page as it is drawn: its text and its box (top and bottom grow downwards)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float


def lines_to_text(pages: Sequence[Sequence[PageLine]]) -> str:
    """The text of the pages, with the layout undone (see the module's docstring)."""
    furniture = _running_lines(pages)
    right = max((line.right for page in pages for line in page), default=0.0)
    out: list[str] = []
    for page in pages:
        body = [line for i, line in enumerate(page) if not _is_furniture(line, i, page, furniture)]
        out.extend(_page_lines(body, right))
        out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(_squeeze_blank(out))


def _page_lines(lines: Sequence[PageLine], right: float) -> list[str]:
    """One page's lines joined where they were wrapped (reaching `right`); a blank line where the gap is wide.

    Distances are from one line's middle to the next; the page's usual distance is its median.
    """
    if not lines:
        return []
    height = sorted(line.bottom - line.top for line in lines)[len(lines) // 2] or 1.0
    steps = sorted(_middle(b) - _middle(a) for a, b in zip(lines, lines[1:]) if _middle(b) > _middle(a))
    pitch = steps[len(steps) // 2] if steps else 1.5 * height
    out = [lines[0].text]
    for previous, line in zip(lines, lines[1:]):
        step = _middle(line) - _middle(previous)
        wrapped = (previous.right >= right - 2.5 * height and 0 < step < 1.25 * pitch
                   and " | " not in previous.text and " | " not in line.text
                   and not _NEW_ITEM.match(line.text))
        if wrapped:
            out[-1] = f"{out[-1]} {line.text}"
            continue
        if step > 1.6 * pitch:
            out.append("")
        out.append(line.text)
    return out


def _middle(line: PageLine) -> float:
    return (line.top + line.bottom) / 2


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def _running_lines(pages: Sequence[Sequence[PageLine]]) -> set[str]:
    """Lines (digits aside) that open or close at least half of the pages, when there are three or more."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line.text) for line in list(page[:2]) + list(page[-2:])})
    return {key for key, n in seen.items() if n >= max(3, len(pages) / 2)}


def _is_furniture(line: PageLine, index: int, page: Sequence[PageLine], running: set[str]) -> bool:
    edge = index < 2 or index >= len(page) - 2
    return edge and (bool(_PAGE_NUMBER.match(line.text)) or _key(line.text) in running)


def _squeeze_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


def cells_to_line(cells: Sequence[tuple[str, float, float]], gap: float) -> tuple[str, float, float]:
    """Pieces of one drawn line (text, left, right), in order: cells apart by more than `gap` get " | ".

    >>> cells_to_line([("STT", 50, 70), ("Chỉ tiêu", 90, 140), ("25", 300, 310)], 12)
    ('STT | Chỉ tiêu | 25', 50, 310)
    >>> cells_to_line([("sản phẩm", 50, 100), ("OCOP", 103, 130)], 12)
    ('sản phẩm OCOP', 50, 130)
    """
    text, right = cells[0][0], cells[0][2]
    for piece, left, end in cells[1:]:
        text += (" | " if left - right > gap else " ") + piece
        right = end
    return text, cells[0][1], right
