"""What a table's header (or a row's label) says its figures count: the unit and its scale.

A unit in parentheses ("Kinh phí hỗ trợ (triệu đồng)", "KH 2024 (SP OCOP)"), the noun counted after
"Số" ("Số sản phẩm đạt 3 sao trở lên") or after what the column holds ("Lũy kế SP OCOP"), a star
class alone ("4 sao"), or a verb of the programme that counts products ("Công nhận quý I"). The
words are the lexicon's `tables.headers`.
"""

from __future__ import annotations

import regex

from ..lexicon import load_lexicon
from ..phrases import alternation
from .cell_units import unit_of

HEADERS = load_lexicon("tables")["headers"]
HEADER_UNIT = regex.compile(rf"\(\s*(?:{alternation(HEADERS['unit'], fold_case=True)}\s*:\s*)?(?P<unit>[^()]+?)\s*\)\s*\Z",
                            regex.I)


def header_unit(header: str) -> tuple[str, str, float] | None:
    """The unit a header gives in parentheses ("Kinh phí hỗ trợ (triệu đồng)" → VND, scale 1e6), else
    the noun it counts after "Số" ("Số sản phẩm đạt 3 sao trở lên" → product).

    >>> header_unit("Kinh phí (ĐVT: tỷ đồng)"), header_unit("Xã NTM nâng cao (xã)"), header_unit("Ghi chú")
    (('VND', 'tỷ đồng', 1000000000.0), ('admin_unit', 'xã', 1), None)
    >>> header_unit("Số sản phẩm đạt 3 sao trở lên"), header_unit("Số lượng chủ thể"), header_unit("Số TT")
    (('product', 'sản phẩm', 1), ('entity', 'chủ thể', 1), None)
    >>> header_unit("4 sao"), header_unit("Trong đó: 4 sao"), header_unit("Hạng 3 sao trở lên")
    (('product', 'sản phẩm', 1), ('product', 'sản phẩm', 1), ('product', 'sản phẩm', 1))
    >>> header_unit("Công nhận quý I"), header_unit("Nâng hạng"), header_unit("Công nhận (chủ thể)")
    (('product', 'sản phẩm', 1), ('product', 'sản phẩm', 1), ('entity', 'chủ thể', 1))
    >>> header_unit("KH 2024 (SP OCOP)"), header_unit("Lũy kế SP OCOP"), header_unit("Lũy kế đến 31/12/2023")
    (('product', 'SP', 1), ('product', 'SP', 1), None)
    >>> header_unit("Trong đó: công nhận năm 2023"), header_unit("Đã công nhận đợt 1"), header_unit("Chỉ tiêu năm 2025")
    (('product', 'sản phẩm', 1), ('product', 'sản phẩm', 1), None)
    """
    if (breakdown := _BREAKDOWN.match(header)) and breakdown.end() < len(header):
        return header_unit(header[breakdown.end():])  # "Trong đó: công nhận năm 2023": the part's own words
    m = HEADER_UNIT.search(header)
    unit = (unit_of(m.group("unit")) or first_noun(m.group("unit"))) if m else None  # "(SP OCOP)"
    if unit is not None:
        return unit
    if (said := _SAID_NOUN.match(header)) and (unit := first_noun(said.group("rest"))):
        return unit  # "Lũy kế SP OCOP", "Kế hoạch 2024 sản phẩm": the noun after what the column holds
    if said and _PRODUCT_VERB.match(said.group("rest")):
        return "product", "sản phẩm", 1  # "Chỉ tiêu công nhận mới năm 2023": a plan's count of products recognised
    if _STAR_HEADER.fullmatch(header):
        return "product", "sản phẩm", 1  # "3 sao", "Trong đó: 4 sao": products of that class
    counted = _COUNT_HEADER.match(header)
    if counted is None and _PRODUCT_VERB.match(header):
        return "product", "sản phẩm", 1  # "Công nhận quý I", "Nâng hạng": products recognised, upgraded
    return first_noun(counted.group("rest")) if counted else None


def label_unit(label: str) -> tuple[str, str, float] | None:
    """The unit a row's label states in parentheses, in a table whose columns are years or places.

    >>> label_unit("Kinh phí (triệu đồng)"), label_unit("Huyện Bảo Lâm (cũ)")
    (('VND', 'triệu đồng', 1000000.0), None)
    """
    m = HEADER_UNIT.search(label)
    return unit_of(m.group("unit")) if m else None


def first_noun(words_text: str) -> tuple[str, str, float] | None:
    """The unit of the noun (one to three words) that `words_text` opens on, or None; a list of units of one
    kind ("Thôn, bản kiểu mẫu") opens on its first, not a source named beside one ("Chủ thể, XHH": money).

    >>> first_noun("Thôn, bản kiểu mẫu"), first_noun("Kinh phí"), first_noun("Chủ thể, XHH")
    (('admin_unit', 'Thôn', 1), None, None)
    """
    words = words_text.split()
    found = next((u for n in (3, 2, 1) if len(words) >= n and (u := unit_of(" ".join(words[:n])))), None)
    if found is None and "," in words_text:
        head, _, rest = words_text.partition(",")
        listed, after = unit_of(head.strip()), first_noun(rest)
        found = listed if listed and after and after[0] == listed[0] else None
    return found


def opening_noun(header: str) -> tuple[str, str, float] | None:
    """The unit of the noun a header opens on when it qualifies it ("Sản phẩm mới", "Sản phẩm đánh giá
    lại"; not "Sản phẩm" alone, which may name products, nor a score, "Điểm"): weaker than a unit
    column, which it yields to.

    >>> opening_noun("Sản phẩm mới (3 sao trở lên)"), opening_noun("Sản phẩm"), opening_noun("Điểm đánh giá")
    (('product', 'Sản phẩm', 1), None, None)
    >>> opening_noun("Xã hội hóa"), opening_noun("Xã nông thôn mới")
    (None, ('admin_unit', 'Xã', 1))
    """
    unit = first_noun(header)
    if unit is None or len(header.split()) <= len(unit[1].split()) or unit[1].lower() in HEADERS["not_counted"] \
            or _NOT_NOUN.match(header):
        return None
    return unit


# a header that says only a star class: "3 sao", "Sản phẩm 4 sao", "Hạng 3 sao trở lên" ("Trong đó: 4 sao" is read
# after its breakdown's words, `_BREAKDOWN`)
_STAR_HEADER = regex.compile(r"\s*(?:(?:số\s+)?(?:sản\s+phẩm|sp)\s+)?(?:đạt\s+)?(?:hạng\s+)?"
                             r"0?[1-5](?:\s*[-–]\s*0?[1-5])?\s*sao(?:\s+trở\s+lên)?\s*", regex.I)
# a header opening on a verb of the programme that counts products: "Công nhận quý I", "Nâng hạng"
_PRODUCT_VERB = regex.compile(rf"\s*(?:đã\s+)?{alternation(HEADERS['product_verbs'], fold_case=True)}(?![\p{{L}}])", regex.I)
_NOT_NOUN = regex.compile(rf"\s*{alternation(HEADERS['not_nouns'], fold_case=True)}(?![\p{{L}}])", regex.I)
NOT_COUNTED = regex.compile(rf"\s*{alternation(HEADERS['not_counted'], fold_case=True)}(?![\p{{L}}])", regex.I)
# a header that breaks down the column before it: "Trong đó: 4 sao", "Trong đó: công nhận năm 2023"
_BREAKDOWN = regex.compile(r"\s*trong\s+(?:đó|số\s+đó)\s*:?\s*", regex.I)
# a header that says only that its column plans or reports, and when: "Chỉ tiêu năm 2025", "KH 2024",
# "Thực hiện 6 tháng", "Kế hoạch giai đoạn 2021-2025"
_BARE_MEASURE = regex.compile(rf"\s*(?:{alternation([*HEADERS['actual'], *HEADERS['plan']], fold_case=True)})"
                              r"(?:\s+(?:năm|đợt|tháng|quý|giai\s+đoạn|đến|hết|ngày|[IVX]+|\d[\d/.\-–]*))*\s*", regex.I)


def bare_measure(header: str) -> bool:
    """Whether a header names no noun, only a plan's or a result's figure and its time.

    >>> bare_measure("Chỉ tiêu năm 2025"), bare_measure("KH 2024"), bare_measure("Kế hoạch 2024 (sản phẩm)")
    (True, True, False)
    """
    return _BARE_MEASURE.fullmatch(header) is not None


# a header that says what its column holds, then the noun it counts: "Lũy kế SP OCOP", "KH 2024 sản phẩm"
_SAID_NOUN = regex.compile(rf"\s*(?:{alternation([*HEADERS['cumulative'], *HEADERS['actual'], *HEADERS['plan']], fold_case=True)})"
                           r"(?:\s+(?:năm\s+)?(?:19|20)\d{2})?\s+(?P<rest>.+)", regex.I)
# a header naming what its column counts: "Số sản phẩm …", "Số lượng chủ thể"
_COUNT_HEADER = regex.compile(rf"\s*{alternation(HEADERS['count'], fold_case=True)}\s+(?P<rest>.+)", regex.I)
