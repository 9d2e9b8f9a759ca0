"""Star class: the least OCOP star class a quantity refers to ("3 sao trở lên" → 3).

Looked for first after the quantity in its clause (up to "trong đó"/"gồm",
which open a breakdown), else before it in the clause when no other quantity
holds that star mention ("các sản phẩm … hạng 3 sao trở lên tăng … 1,5 lần").
"từ 3 sao lên 4 sao" gives 4; "3-4 sao" gives 3.

>>> from ocop_extract.targets.quantities import find_quantities
>>> t = "ít nhất 30 sản phẩm đạt từ 3 sao trở lên, trong đó có từ 3 đến 5 sản phẩm đạt 4 sao"
>>> [stars_for(t, q, find_quantities(t), 0, len(t)) for q in find_quantities(t)]
[3, 4]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import load_lexicon
from ..phrases import alternation
from .cues import breakdown_regex, cues
from .plausible import is_score
from .quantities import Quantity

_UPGRADE = regex.compile(r"từ\s+[1-5]\s+sao\s+lên\s+(?:hạng\s+)?([1-5])\s+sao", regex.I)
# "… 41 sản phẩm để hoàn thành chỉ tiêu 60 sản phẩm đạt 3 sao": the later figure is the goal q serves
_TOWARDS = regex.compile(
    r".*(?<![\p{L}])để\s+(?:hoàn\s+thành|đạt|nâng)(?:\s+(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|tổng\s+số|lên))?[\s(]*\Z",
    regex.I | regex.S)
# a share of places, of entities or of people, not of products: the nouns of those units (lexicon units.yaml)
_SHARE_NOUNS = alternation({w for unit in ("admin_unit", "entity", "person") for w in load_lexicon("units")[unit]},
                           fold_case=True)
_SHARE_OF_UNITS = regex.compile(rf"\s*(?:số\s+)?{_SHARE_NOUNS}(?![\p{{L}}])", regex.I)
# the same nouns owning a share said before it: "Số hợp tác xã có sản phẩm 4 sao chiếm 62%"
_SHARE_OWNER = regex.compile(rf"(?<![\p{{L}}])(?:số|tỷ\s+lệ)\s+{_SHARE_NOUNS}(?![\p{{L}}])", regex.I)
# the comparator words (lexicon `comparators.before`) that may stand between a link and its figure
_COMPARATOR_WORDS = alternation({w for words in cues()["comparators"]["before"].values() for w in words}, fold_case=True)
# what links a noun phrase holding a star class to the figure that counts it or its share: " của tỉnh
# tăng lên ", " lên ", " chiếm khoảng " ("sản phẩm từ 3-4 sao chiếm khoảng 85%"), " đã tăng lên ",
# " vẫn chiếm chưa tới ", " có " ("5 sao có 2 sản phẩm")
_LINKS_TO = regex.compile(
    r"(?:\s+trở\s+lên)?(?:\s+(?:của|toàn)\s+(?:\p{L}+\s+){0,2}?\p{L}+)?(?:\s+(?:vẫn|chỉ|mới|đã|đều|cũng))*"
    r"\s+(?:(?:tăng|giảm)\s+)?(?:lên|xuống|còn|là|đạt|chiếm|có)"
    rf"(?:\s+(?:con\s+số|mức|tỷ\s+lệ|{_COMPARATOR_WORDS}))*\s*",
    regex.I)
STAR_UNITS = ("product", "%", "times", "VND")
# products said as OCOP ones, after their noun: "… OCOP", "… đạt (chuẩn) OCOP", "… từ thốt nốt được công nhận OCOP"
# (CONTRACT §4: a count said only so has the implicit least class 3), not those still on the way to it
_SAID_OCOP = regex.compile(r"(?:\s+(?!(?:tiềm|tham|đăng|dự|ý|chưa|không|đang|đề|hoàn)(?![\p{L}]))[^\s,.;:()\d]+){0,3}?"
                           r"(?:\s+được(?:\s+công\s+nhận)?)?(?:\s+đạt(?:\s+chuẩn)?)?\s+OCOP(?![\p{L}\d]|\s+(?:tiềm|\d))", regex.I)
# … nor those a round evaluates: "Đánh giá 46 sản phẩm OCOP đợt 2", "đánh giá, phân hạng 17 sản phẩm OCOP"
_UNDER_REVIEW = regex.compile(r"(?<![\p{L}])(?:đánh\s+giá|phân\s+hạng|thẩm\s+định|chấm\s+điểm|xét\s+chọn)(?:\s+lại)?\s+(?:cho\s+)?\Z",
                              regex.I | regex.REVERSE)
# a clause of time or of purpose a class is said in ("Từ khi mật ong đạt 4 sao, đơn hàng tăng 35%", "để đạt 4
# sao, HTX đầu tư gần 3,5 tỷ đồng"): it dates or aims the main clause, and its class is of none of its figures
_SINCE_CLAUSE = regex.compile(r"(?<![\p{L}])(?:(?:kể\s+)?từ\s+khi|sau\s+khi|để)(?![\p{L}])[^,.;:\n]*\Z", regex.I)
# a class in parentheses after a name ("Chè Shan tuyết (4 sao)", "(OCOP 4 sao)") qualifies that name
_NAMED_CLASS = regex.compile(r"\((?:OCOP\s+)?\Z", regex.I)


@lru_cache(maxsize=1)
def _star_regexes() -> tuple[regex.Pattern, regex.Pattern, dict[str, int]]:
    lex = cues()
    return (regex.compile(lex["stars"], regex.I), regex.compile(lex["stars_national"], regex.I),
            {w: int(k) for w, k in lex["star_words"].items()})


def star_mentions(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, least class) of each star mention in text[start:end].

    >>> t = "đạt từ ba sao trở lên; 3 đến 4 sao; sản phẩm cấp quốc gia; từ 3 sao lên 4 sao"
    >>> [k for _, _, k in star_mentions(t, 0, len(t))]
    [3, 3, 5, 4]
    """
    classes, national, words = _star_regexes()
    out = []
    for m in _UPGRADE.finditer(text, start, end):
        out.append((m.start(), m.end(), int(m.group(1))))
    for m in classes.finditer(text, start, end):
        if not any(s <= m.start() < e for s, e, _ in out):
            low = m.group("low").lower()
            out.append((m.start(), m.end(), int(low) if low.isdigit() else words[low]))
    for m in national.finditer(text, start, end):
        # "sản phẩm OCOP cấp quốc gia" is a class of its own; in "5 sao cấp quốc gia" it repeats the class
        if not any(s <= m.start() < e + 8 for s, e, _ in out):
            out.append((m.start(), m.end(), 5))
    return sorted(out)


# a share said of the count right before it: "14 sản phẩm, chiếm không tới 13% tổng số"
# … or in parentheses after the count's class: "12.169 sản phẩm đạt 3 sao (chiếm 74,6%)", "4.061 sản phẩm 4 sao (24,9%)"
_SHARE_OF_COUNT = regex.compile(rf"\s*(?:(?:đạt\s+)?(?:hạng\s+)?[1-5]\s*sao\s*)?(?:,?\s*|\(\s*)"
                                rf"(?:(?:chiếm|bằng)(?:\s+(?:tỷ\s+lệ|{_COMPARATOR_WORDS}))*\s*|(?<=\(\s*))", regex.I)


_OF_A_PLAN = regex.compile(r"\s*(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|so\s+với)(?![\p{L}])", regex.I)


def _share_of_count(text: str, q: Quantity, quantities: list[Quantity]) -> Quantity | None:
    """The count of products a share right after it is a share of, or None."""
    if q.unit != "%":
        return None
    before = [o for o in quantities if o.end <= q.start]
    if before and before[-1].unit == "product" and _SHARE_OF_COUNT.fullmatch(text, before[-1].end, q.start) \
            and not _OF_A_PLAN.match(text, q.end):  # (not "bằng 125% kế hoạch": a share of the plan)
        return before[-1]
    return None


# "số sản phẩm 3 sao, 4 sao và 5 sao lần lượt là 238, 52 và 2 sản phẩm": classes, then their figures
_RESPECTIVELY = regex.compile(r"(?<![\p{L}])lần\s+lượt(?:\s+là)?(?![\p{L}])", regex.I)
_LIST_NUMBER = regex.compile(r"\d[\d.,]*")
_LIST_GAP = regex.compile(r"(?:\s*(?:,|và)\s*|\s+)(?:sản\s+phẩm\s*(?:,|và)\s*)?")
_SENTENCE_STOP = regex.compile(r"[.;!?](?=\s)|\n")
_LIST_REACH = 120  # characters before "lần lượt" where the classes it pairs with are looked for


def _respective(text: str, q: Quantity, mentions: list[tuple[int, int, int]]) -> int | None:
    """The class paired with `q` in a "lần lượt là" list, when the classes before it in its sentence are
    as many as its figures, or are one class said of them all.

    >>> t = "số sản phẩm 3 sao, 4 sao và 5 sao lần lượt là 238, 52 và 2 sản phẩm"
    >>> from ocop_extract.targets.quantities import find_quantities
    >>> [_respective(t, q, star_mentions(t, 0, len(t))) for q in find_quantities(t)]
    [3, 4, 5]
    """
    m = None
    for m in _RESPECTIVELY.finditer(text, max(0, q.start - 80), q.start):
        pass
    if m is None:
        return None
    figures, at = [], m.end()
    while True:
        gap = _LIST_GAP.match(text, at)
        n = _LIST_NUMBER.match(text, gap.end() if gap else at)
        if n is None or (figures and gap is None):
            break
        figures.append(n.start())
        at = n.end()
    opening = max(m.start() - _LIST_REACH, 0)
    for stop in _SENTENCE_STOP.finditer(text, opening, m.start()):
        opening = stop.end()  # the classes are those of its own sentence
    classes = [k for s, e, k in mentions if opening <= s and e <= m.start()]
    position = next((i for i, start in enumerate(figures) if start <= q.start < start + len(q.raw) + 1), None)
    if position is None or len(figures) < 2 or len(classes) not in (1, len(figures)):
        return None
    return classes[position] if len(classes) > 1 else classes[0]  # one class is said of every figure


def _qualifies_other(text: str, s: int, e: int, q: Quantity) -> bool:
    """Whether the class at text[s:e], before `q`, qualifies something other than what `q` measures:
    a clause of time closed by a comma, or a product's name when `q` counts no products.

    >>> from ocop_extract.targets.quantities import find_quantities
    >>> t = "Từ khi mật ong đạt 4 sao, đơn hàng tăng 35%"
    >>> _qualifies_other(t, t.index("4 sao"), t.index("4 sao") + 5, find_quantities(t)[-1])
    True
    """
    if _SINCE_CLAUSE.search(text, max(0, s - 160), s) and "," in text[e:q.start]:
        return True
    opening = _NAMED_CLASS.search(text, max(0, s - 6), s)
    return q.unit != "product" and opening is not None \
        and not text[max(0, opening.start() - 10):opening.start()].rstrip().lower().endswith("sản phẩm")


# a count that qualifies the products before it ("15 sản phẩm của 11 chủ thể thuộc 9 xã … đạt hạng 3 sao")
_OF_THE_PRODUCTS = regex.compile(r"(?<![\p{L}])(?:của|thuộc)\s+\Z", regex.I | regex.REVERSE)


def _modifies(text: str, o: Quantity) -> bool:
    """Whether `o`, between a count of products and a class said after it, only qualifies that count: its
    producers or places ("của 11 chủ thể thuộc 9 xã"), or the scores the class takes ("từ 50 điểm đến dưới 70 điểm")."""
    return (o.unit in ("entity", "admin_unit") and _OF_THE_PRODUCTS.search(text, max(0, o.start - 8), o.start) is not None) \
        or is_score(text, o)


def stars_for(text: str, q: Quantity, quantities: list[Quantity], clause_start: int, clause_end: int) -> int | None:
    """Star class of `q`, or None. `quantities` are all quantities of the document (or clause)."""
    if q.unit not in STAR_UNITS + ("other",):
        return None
    if text.find("lượt", max(0, q.start - 80), q.start) >= 0:  # a fast test first
        paired = _respective(text, q, star_mentions(text, max(0, q.start - 200), q.start))
        if paired is not None:
            return paired
    if q.unit == "%" and _SHARE_OF_UNITS.match(text, q.end, q.end + 40):
        return None  # "100% huyện có sản phẩm 4 sao": the share counts districts, not products
    mentions = star_mentions(text, clause_start, clause_end)
    count = _share_of_count(text, q, quantities)
    if count is not None:  # "sản phẩm 4 sao mới có 14 sản phẩm, chiếm không tới 13%": the count's class
        return stars_for(text, count, quantities, clause_start, clause_end)
    linked = [(s, k) for s, e, k in mentions if e <= q.start and _LINKS_TO.fullmatch(text, e, q.start)]
    if linked and q.unit == "%" and _SHARE_OWNER.search(text, max(clause_start, linked[-1][0] - 48), linked[-1][0]):
        return None  # "Số hợp tác xã có sản phẩm 4 sao chiếm 62%": a share of cooperatives
    linked = [k for _, k in linked]
    if linked and q.unit in ("product", "%"):
        return linked[-1]  # "số sản phẩm 4 sao tăng lên 74 sản phẩm, chưa có sản phẩm 5 sao": the noun's class
    if q.unit != "VND" or q.unit_text.lower().endswith("/sản phẩm"):
        # "other": only a star class right after it ("5 điểm … OCOP 3 sao"); a rate per product, the
        # class of the product ("30 triệu đồng/sản phẩm 4 sao")
        stop = clause_end
        b = breakdown_regex("star_clause_ends").search(text, q.end, clause_end)
        if b:
            stop = b.start()
        nxt = [o.start for o in quantities if q.end <= o.start < stop
               and not _TOWARDS.match(text[q.end:o.start]) and not _modifies(text, o)]
        if nxt:
            stop = min(nxt)
        for s, e, k in mentions:
            if q.end <= s < stop:
                return k
    if q.unit == "other":
        return None
    holders = [o for o in quantities if clause_start <= o.start < q.start and o is not q]
    for s, e, k in reversed(mentions):
        if e > q.start:
            continue
        if any(o.end <= s for o in holders) and not _LINKS_TO.fullmatch(text, e, q.start):
            # the mention stands after another quantity: it belongs to that one, unless it is the noun
            # phrase `q` counts ("5 sản phẩm 4 sao, nâng tổng số sản phẩm 4 sao của tỉnh lên 22 sản phẩm")
            continue
        if q.unit == "VND" and any(s < o.start < q.start for o in holders):
            continue
        if _qualifies_other(text, s, e, q):
            continue
        return k
    if q.unit == "product" and _SAID_OCOP.match(text, q.end, min(len(text), q.end + 40)) \
            and not _UNDER_REVIEW.search(text, max(0, q.start - 40), q.start):
        return 3  # "Thêm 24 sản phẩm OCOP", "12 sản phẩm đạt chuẩn OCOP": rated, so of the least class
    return None
