"""A document's text as HTML with every extracted item highlighted: targets, actuals, dates,
references, the issuer and places.

Each item is a `<mark>` with `data-i` (its id, unique in the report) and `data-tip`
(what a hover shows); the first piece of an item also carries `id`, the anchor the
report's tables link to. Items may overlap (a place inside a target's words): the
text is cut at every item boundary and each piece is wrapped, outermost item first,
in the marks of the items covering it (the one reaching furthest outermost), so an item may come in several pieces that
share its `data-i`.

>>> text = "Huyện Lục Ngạn có 54 sản phẩm."
>>> items = [Item(0, 14, "place", "p1", "huyện Lục Ngạn"), Item(6, 29, "target", "t1", "= 54 product")]
>>> print(highlight(text, items))
<mark class="k-place" data-i="p1" id="p1" data-tip="huyện Lục Ngạn">Huyện </mark><mark class="k-target" data-i="t1" id="t1" data-tip="= 54 product"><mark class="k-place" data-i="p1" data-tip="huyện Lục Ngạn">Lục Ngạn</mark></mark><mark class="k-target" data-i="t1" data-tip="= 54 product"> có 54 sản phẩm</mark>.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple


class Item(NamedTuple):
    """One highlighted span: offsets into the text, kind (css class k-KIND), id and hover text."""

    start: int
    end: int
    kind: str
    uid: str
    tip: str


def _open(item: Item, first: bool) -> str:
    anchor = f' id="{item.uid}"' if first else ""
    return (f'<mark class="k-{item.kind}" data-i="{item.uid}"{anchor} '
            f'data-tip="{escape(item.tip, quote=True)}">')


def highlight(text: str, items: list[Item]) -> str:
    """`text` escaped for HTML, with `items` marked (spans outside the text are dropped)."""
    items = [i for i in items if 0 <= i.start < i.end <= len(text)]
    if not items:
        return escape(text, quote=False)
    points = sorted({0, len(text), *(i.start for i in items), *(i.end for i in items)})
    starts: dict[int, list[Item]] = {}
    for item in items:
        starts.setdefault(item.start, []).append(item)
    active: list[Item] = []
    seen: set[str] = set()
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        active = [i for i in active if i.end > a] + starts.get(a, [])
        piece = escape(text[a:b], quote=False)
        if not active:
            out.append(piece)
            continue
        order = sorted(active, key=lambda i: (-i.end, i.start, i.uid))
        opened = []
        for item in order:
            opened.append(_open(item, item.uid not in seen))
            seen.add(item.uid)
        out.append("".join(opened) + piece + "</mark>" * len(order))
    return "".join(out)
