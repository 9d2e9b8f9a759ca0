"""Cell units: the unit a table's cell or a header's parentheses names ("sản phẩm", "triệu đồng", "%"),
read as `quantities` reads prose.
"""

from __future__ import annotations

import regex

from .quantities import _SCALE_VALUES, _unit_regex

# a unit cell of money: "đồng", a scale word with or without it ("triệu đồng", "tỷ"); as `quantities` reads prose
_MONEY = {"đồng": 1, **{f"{w} đồng": v for w, v in _SCALE_VALUES.items()}, **_SCALE_VALUES}


def unit_of(cell: str) -> tuple[str, str, float] | None:
    """(unit, unit_text, scale) of a unit cell ("sản phẩm", "triệu đồng", "%"), or None.

    >>> unit_of("Triệu đồng"), unit_of("sản phẩm"), unit_of("Ghi chú")
    (('VND', 'Triệu đồng', 1000000.0), ('product', 'sản phẩm', 1), None)

    A rate's unit is its sum's or count's ("Tỷ đồng/năm", "Triệu đồng/người/năm"); a scale word may stand
    before a count ("Triệu lượt/năm": a million visits):

    >>> unit_of("Tỷ đồng/năm"), unit_of("Triệu lượt/năm")
    (('VND', 'Tỷ đồng/năm', 1000000000.0), ('person', 'Triệu lượt/năm', 1000000.0))
    """
    text = _PER_SUFFIX.sub("", " ".join(cell.lower().split()))
    if text in _MONEY:
        return "VND", cell.strip(), _MONEY[text]
    if text in ("%", "phần trăm"):
        return "%", cell.strip(), 1
    unit_re, surface_to_unit, _ = _unit_regex()
    m = unit_re.fullmatch(text)
    if m is None and (scaled := _SCALED.fullmatch(text)) and (m := unit_re.fullmatch(scaled["rest"])):
        return surface_to_unit[m.group("unit")], cell.strip(), _SCALE_VALUES[scaled["scale"]]
    return (surface_to_unit[m.group("unit")], cell.strip(), 1) if m else None


# what a rate is counted per: "/năm", "/người/năm", "/hộ"
_PER_SUFFIX = regex.compile(r"(?<=\S)(?:\s*/\s*(?:người|hộ|năm|tháng|sản phẩm|chủ thể|khách))+\Z")
_SCALED = regex.compile(rf"(?P<scale>{'|'.join(_SCALE_VALUES)})\s+(?P<rest>\S.*)")
